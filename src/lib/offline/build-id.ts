import { createHash } from 'node:crypto';

export interface BuiltFile {
  /** Path inside the build output, with forward slashes. */
  path: string;
  /** Any digest of the file's bytes. */
  hash: string;
}

/**
 * A short id for one build's output: the same files give the same id whatever order they were
 * listed in, and any changed, added or removed file gives a new one. The service worker names its
 * runtime caches with it.
 */
export function buildId(files: readonly BuiltFile[]): string {
  const digest = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    digest.update(`${file.path}\0${file.hash}\n`);
  }
  return digest.digest('hex').slice(0, 16);
}
