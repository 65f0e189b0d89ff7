import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { csvField } from './csv.js';

/**
 * Writes columns as a CSV file (UTF-8 without BOM, LF, RFC 4180 quoting) atomically and in chunks,
 * so that a million-row file never has to exist as one JavaScript string.
 */
export function writeCsvFileAtomic(path: string, header: readonly string[], columns: readonly (readonly string[])[]): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temporary, 'w');
  try {
    const nrow = columns.length > 0 ? columns[0]!.length : 0;
    let buffer = header.map(csvField).join(',') + '\n';
    for (let i = 0; i < nrow; i++) {
      let line = '';
      for (let j = 0; j < columns.length; j++) {
        if (j > 0) line += ',';
        line += csvField(columns[j]![i]!);
      }
      buffer += line + '\n';
      if (buffer.length > 1 << 22) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
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
