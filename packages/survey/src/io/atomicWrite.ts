import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A temporary file's name beside `path`: hidden, and unique to this process and call. */
function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes a file atomically: into a temporary file beside it, then a rename, so that a failed write
 * never leaves a partial file behind. One file only: the `leakrisk` commands write every output of
 * a run through the CLI's output guard (packages/cli/src/output), which also refuses to write over
 * an input and puts all outputs of a run in place together; the CSV writers here write into the
 * temporary file that guard hands them.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryBeside(path);
  try {
    writeFileSync(temporary, content, mode === undefined ? undefined : { mode });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes a file atomically in pieces: `write` gets the descriptor of a temporary file beside `path`,
 * which is renamed over `path` only when `write` returns; on any error it is removed.
 */
export function writeThroughAtomic(path: string, write: (fd: number) => void): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryBeside(path);
  const fd = openSync(temporary, 'w');
  try {
    write(fd);
    closeSync(fd);
    renameSync(temporary, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temporary, { force: true });
    throw error;
  }
}
