import { LeakriskError } from '@leakrisk/survey';

/** An error the operating system raised for a file operation (Node's `SystemError`: it has a `code` such as `EACCES`). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);
}

// What each error means for someone writing (or reading) a file, and what to do about it.
const MEANINGS: Record<string, [problem: string, fix: string]> = {
  EACCES: ['permission denied', 'choose a folder you may write to, or ask for write permission on it'],
  EPERM: ['the operation is not permitted here', 'choose another folder, or check that the file is not locked or protected'],
  ENOENT: ['a folder on this path does not exist', 'check the path, or create the folder first'],
  ENOTDIR: ['a part of this path is a file, not a folder', 'check the path: a name before the last one is an existing file'],
  EISDIR: ['this is a folder, but a file is needed here', 'name a file (for example inside that folder), not the folder itself'],
  EEXIST: ['this is an existing file, but a folder is needed here', 'name a new or existing folder, not a file'],
  ENOSPC: ['the disk is full', 'free some space, or write to another disk'],
  EDQUOT: ['the disk quota is used up', 'free some space, or write to another disk'],
  EROFS: ['the file system is read-only', 'write to another folder'],
  ENAMETOOLONG: ['the path is too long', 'use a shorter path or file name'],
  ELOOP: ['too many symbolic links on this path (perhaps a loop)', 'check the links on the path'],
  EMFILE: ['too many files are open', 'close other programs, or raise the open-file limit (ulimit -n)'],
  ENFILE: ['too many files are open on this system', 'close other programs and try again'],
  EBUSY: ['the file is busy (in use by another program)', 'close the program that uses it and try again'],
  ETXTBSY: ['the file is busy (in use by another program)', 'close the program that uses it and try again'],
  EXDEV: ['cannot move a file across disks', 'write the output on the same disk as its folder'],
  EIO: ['the disk reported an input/output error', 'check the disk, or write to another one'],
};

/**
 * A file-system error as a one-line {@link LeakriskError}: what went wrong with which file, in words,
 * and what to do (no stack trace). `role` names the file in the command (`--out`, `--audit`, …).
 */
export function fileSystemError(error: NodeJS.ErrnoException & { code: string }, path: string, role?: string, doing = 'cannot write here'): LeakriskError {
  const [problem, fix] = MEANINGS[error.code] ?? ['the operating system refused', 'check the path and its permissions'];
  const who = role === undefined ? '' : `${role}: `;
  return new LeakriskError(`${who}${doing}: ${problem} (${error.code})`, { file: path }, fix);
}
