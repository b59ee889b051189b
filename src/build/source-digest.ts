/**
 * Hashes of source code, for caches that must be thrown away when the code that fills them changes:
 * computed from the files rather than hand-bumped, so no change can forget to bump them.
 */
import type { Hash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Sources {
  /** Folders whose `.ts` files (recursively) count, each with its path inside the folder. */
  dirs?: readonly string[];
  /** Single files whose bytes count. */
  files?: readonly string[];
}

export function hashSources(hash: Hash, sources: Sources): Hash {
  for (const dir of sources.dirs ?? []) {
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).sort();
    for (const name of names) hash.update(`${name}\0`).update(readFileSync(join(dir, name))).update('\0');
  }
  for (const file of sources.files ?? []) hash.update(readFileSync(file)).update('\0');
  return hash;
}
