import type { BytesColumn, CsvCells, DistinctReader, Utf8Column } from './column.js';
import { ByteValues } from './byteValues.js';
import { cellIterator } from './cellIterator.js';
import { utf8Column } from './utf8Column.js';
import { utf8Slice } from './utf8Text.js';

const QUOTE = 34;

/** The text of a CSV cell between two byte offsets: quotes removed and doubled quotes undone. */
export function csvCellText(bytes: Buffer, start: number, end: number): string {
  if (end > start && bytes[start] === QUOTE) {
    const inner = utf8Slice(bytes, start + 1, end - 1);
    return inner.indexOf('"') >= 0 ? inner.replace(/""/g, '"') : inner;
  }
  return utf8Slice(bytes, start, end);
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

class FileColumn implements BytesColumn {
  readonly kind = 'bytes';

  constructor(
    readonly cells: CsvCells,
    readonly index: number,
  ) {}

  get length(): number {
    return this.cells.nrow;
  }

  /** Where cell `row` ends: the comma before the next cell, or the row's end. */
  private cellEnd(row: number): number {
    const { ncol, cellStart, rowEnd } = this.cells;
    const j = this.index;
    return j + 1 < ncol ? cellStart[row * ncol + j + 1]! - 1 : rowEnd[row]!;
  }

  get(row: number): string {
    const { bytes, ncol, cellStart } = this.cells;
    return csvCellText(bytes, cellStart[row * ncol + this.index]!, this.cellEnd(row));
  }

  [Symbol.iterator](): IterableIterator<string> {
    return cellIterator(this);
  }

  distinctReader(): DistinctReader {
    return new ByteValues(this.cells, this.index);
  }

  /**
   * Plain decimal cells (`-12`, `3.25`) are parsed straight from the bytes; every other non-empty
   * cell (`NA`, quoted, exponents, spaces, errors) is left to the caller as irregular.
   *
   * Exactness: a cell with at most 15 significant digits is an integer m below 2^53 over 10^k, both
   * exact in binary; IEEE division rounds the true quotient correctly, which is what `Number(text)` does.
   */
  readNumbers(): { values: Float64Array; irregular: number[] } {
    const { bytes, nrow, ncol, cellStart, rowEnd } = this.cells;
    const j = this.index;
    const last = j + 1 === ncol;
    const values = new Float64Array(nrow);
    const irregular: number[] = [];
    for (let i = 0; i < nrow; i++) {
      const start = cellStart[i * ncol + j]!;
      const end = last ? rowEnd[i]! : cellStart[i * ncol + j + 1]! - 1;
      let k = start;
      let negative = false;
      if (k < end && bytes[k] === 45) {
        negative = true;
        k++;
      }
      let mantissa = 0;
      let digits = 0;
      let decimals = -1;
      for (; k < end; k++) {
        const b = bytes[k]!;
        if (b >= 48 && b <= 57) {
          mantissa = mantissa * 10 + (b - 48);
          digits++;
          if (decimals >= 0) decimals++;
        } else if (b === 46 && decimals < 0) {
          decimals = 0;
        } else break;
      }
      if (k !== end || digits === 0 || digits > 15) {
        values[i] = Number.NaN;
        if (end > start) irregular.push(i); // an empty cell is missing: nothing to read
        continue;
      }
      const value = decimals > 0 ? mantissa / POW10[decimals]! : mantissa;
      values[i] = negative ? -value : value;
    }
    return { values, irregular };
  }

  /**
   * The texts as the file's own bytes (inside the quotes of a quoted cell); only a column holding
   * escaped quotes (`""`) is copied, unescaped.
   */
  utf8(): Utf8Column {
    const { bytes, nrow, ncol, cellStart, rowEnd } = this.cells;
    const j = this.index;
    const start = new Uint32Array(nrow);
    const end = new Uint32Array(nrow);
    // Rows whose quoted text holds escaped (doubled) quotes.
    let escapedRows: Uint8Array | undefined;
    const last = j + 1 === ncol;
    for (let i = 0; i < nrow; i++) {
      let s = cellStart[i * ncol + j]!;
      let e = last ? rowEnd[i]! : cellStart[i * ncol + j + 1]! - 1;
      if (e > s && bytes[s] === QUOTE) {
        s++;
        e--;
        for (let k = s; k < e; k++) {
          if (bytes[k] === QUOTE) {
            (escapedRows ??= new Uint8Array(nrow))[i] = 1;
            break;
          }
        }
      }
      start[i] = s;
      end[i] = e;
    }
    if (escapedRows === undefined) return utf8Column(bytes, start, end);
    // Copy every text, undoing the doubled quotes.
    let total = 0;
    for (let i = 0; i < nrow; i++) total += end[i]! - start[i]!;
    const copy = Buffer.allocUnsafe(total);
    let at = 0;
    for (let i = 0; i < nrow; i++) {
      const s = start[i]!;
      const e = end[i]!;
      start[i] = at;
      if (escapedRows[i] === 0) {
        bytes.copy(copy, at, s, e);
        at += e - s;
      } else {
        for (let k = s; k < e; k++) {
          const b = bytes[k]!;
          copy[at++] = b;
          if (b === QUOTE) k++;
        }
      }
      end[i] = at;
    }
    return utf8Column(copy, start, end);
  }
}

/**
 * Column `index` of a CSV file parsed in place: its cells stay in the file's bytes, and strings are
 * made only for what is read. This keeps a million-row survey at a few hundred megabytes and a
 * second or two, where a string per cell costs gigabytes and the garbage collector's time.
 */
export function bytesColumn(cells: CsvCells, index: number): BytesColumn {
  return new FileColumn(cells, index);
}
