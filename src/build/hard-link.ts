/** Why a hard link could not be made where a copy still can: another file system, no link support, too many links. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK']);

export const cannotLink = (error: unknown): boolean => NO_LINK.has((error as NodeJS.ErrnoException).code ?? '');
