import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/** What makes two paths the same file: where they really lead, and (when the file exists) its device and inode. */
export interface FileIdentity {
  /** The path as the user named it (for messages). */
  named: string;
  /**
   * The path with every symbolic link resolved, also in folders above it and in a link that points
   * to a file not yet there: where writing the path really lands.
   */
  resolved: string;
  /** {@link resolved} as compared: lower case where the file system ignores case. */
  real: string;
  /** Device and inode of the existing file, so that hard links to one file are one file. */
  device?: number;
  inode?: number;
  /** What is there now: a file, a folder, nothing, or something else (a socket, a device). */
  kind: 'file' | 'folder' | 'none' | 'other';
}

// macOS and Windows file systems ignore case by default: `Raw.csv` and `raw.csv` are one file there.
const CASE_INSENSITIVE = process.platform === 'darwin' || process.platform === 'win32';
const MAX_LINKS = 40;

/** Resolves symbolic links along the whole path, also when the path (or a link's target) does not exist yet. */
function realPath(path: string, depth = 0): string {
  try {
    return realpathSync.native(path);
  } catch {
    // Not there (yet): resolve what exists above it, then follow a dangling link by hand.
  }
  const parent = dirname(path);
  const realParent = parent === path ? path : realPath(parent, depth);
  const here = join(realParent, basename(path));
  if (depth < MAX_LINKS) {
    try {
      if (lstatSync(here).isSymbolicLink()) {
        const target = readlinkSync(here);
        return realPath(isAbsolute(target) ? target : resolve(realParent, target), depth + 1);
      }
    } catch {
      // nothing there
    }
  }
  return here;
}

/** The identity of a path now (see {@link FileIdentity}); never throws. */
export function identify(path: string): FileIdentity {
  const real = realPath(resolve(path));
  const identity: FileIdentity = { named: path, resolved: real, real: CASE_INSENSITIVE ? real.toLowerCase() : real, kind: 'none' };
  try {
    const stat = statSync(path);
    identity.device = stat.dev;
    identity.inode = stat.ino;
    identity.kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    // not there, or a dangling link: the real path alone identifies it
  }
  return identity;
}

/** True when writing one path would change what the other names: the same real path, or one file under two names (hard link). */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.real === b.real) return true;
  // an inode of 0 means the file system gives none (some Windows shares)
  return a.inode !== undefined && a.inode !== 0 && a.device === b.device && a.inode === b.inode;
}
