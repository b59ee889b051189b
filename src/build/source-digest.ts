/**
 * Hashes of source code, for caches that must be thrown away when the code that fills them changes:
 * computed from the files rather than hand-bumped, so no change can forget to bump them.
 */
import { type Hash, createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface Sources {
  /** Folders whose `.ts` files (recursively) count, each with its path inside the folder. */
  dirs?: readonly string[];
  /** Single files whose bytes count. */
  files?: readonly string[];
}

export function hashSources(hash: Hash, sources: Sources): Hash {
  for (const dir of sources.dirs ?? []) {
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .sort();
    for (const name of names)
      hash
        .update(`${name}\0`)
        .update(readFileSync(join(dir, name)))
        .update('\0');
  }
  for (const file of sources.files ?? []) hash.update(readFileSync(file)).update('\0');
  return hash;
}

const LIBRARY = fileURLToPath(new URL('../lib/', import.meta.url));
const LOCKFILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));

/**
 * A hash of every rule about papers (`src/lib/`) and of the installed package versions (the lockfile):
 * whatever was computed from content files with that code is stale once it changes.
 */
export function libraryVersion(): string {
  return hashSources(createHash('sha256'), { dirs: [LIBRARY], files: existsSync(LOCKFILE) ? [LOCKFILE] : [] }).digest('base64url');
}

/** A hash begun with `libraryVersion()` and the given files: the code one cache of content depends on. */
export function libraryHash(files: readonly string[]): Hash {
  return hashSources(createHash('sha256').update(libraryVersion()), { files });
}
