import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: into a temporary file beside it, then a rename, so that a failed run
 * never leaves a partial output behind.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, mode?: number): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
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
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
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

/**
 * Writes a whole folder of outputs atomically: `fill` writes into a fresh temporary folder beside
 * `dir`; only when it returns without error do the files move into `dir` (created if needed).
 * On failure nothing in `dir` changes.
 */
export async function writeFolderAtomic(dir: string, fill: (temporaryDir: string) => void | Promise<void>): Promise<void> {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const temporary = mkdtempSync(join(parent, `.${basename(dir)}.tmp-`));
  try {
    await fill(temporary);
    mkdirSync(dir, { recursive: true });
    moveInto(temporary, dir);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

function moveInto(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    if (statSync(source).isDirectory()) {
      if (existsSync(target) && !statSync(target).isDirectory()) rmSync(target, { force: true });
      mkdirSync(target, { recursive: true });
      moveInto(source, target);
    } else {
      if (existsSync(target) && statSync(target).isDirectory()) rmSync(target, { recursive: true, force: true });
      renameSync(source, target);
    }
  }
}
