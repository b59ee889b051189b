import { copyFile, link } from 'node:fs/promises';

/** Why a hard link could not be made where a copy still can: another file system, no link support, too many links. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK']);

export const cannotLink = (error: unknown): boolean => NO_LINK.has((error as NodeJS.ErrnoException).code ?? '');

/** Puts `from` at `to` (which must not exist) as a hard link, or as a copy where links cannot be made. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!cannotLink(error)) throw error;
    await copyFile(from, to);
  }
}
