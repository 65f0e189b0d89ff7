import { writeSync } from 'node:fs';
import { writeThroughAtomic } from './atomicWrite.js';
import { csvField } from './csv.js';
import { startsFormula } from './neutralizeFormula.js';

const ROWS_PER_WRITE = 20_000;

/** True when a cell holds a quote, a comma or a line break and so must be quoted (RFC 4180). */
function needsQuoting(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * Writes columns as a CSV file (UTF-8 without BOM, LF, RFC 4180 quoting, a text that would start a
 * spreadsheet formula after a `'`: `csvField`) atomically and in chunks, so that a million-row file
 * never has to exist as one JavaScript string.
 */
export function writeCsvFileAtomic(path: string, header: readonly string[], columns: readonly (readonly string[])[]): void {
  writeThroughAtomic(path, (fd) => {
    const nrow = columns.length > 0 ? columns[0]!.length : 0;
    const ncol = columns.length;
    writeSync(fd, `${header.map(csvField).join(',')}\n`);
    const row: string[] = new Array<string>(ncol);
    for (let from = 0; from < nrow; from += ROWS_PER_WRITE) {
      const to = Math.min(nrow, from + ROWS_PER_WRITE);
      const lines: string[] = new Array<string>(to - from);
      for (let i = from; i < to; i++) {
        for (let j = 0; j < ncol; j++) {
          const cell = columns[j]![i]!;
          row[j] = needsQuoting(cell) || startsFormula(cell) ? csvField(cell) : cell;
        }
        lines[i - from] = row.join(',');
      }
      writeSync(fd, `${lines.join('\n')}\n`);
    }
  });
}
