import { cellBytesOf } from './byteTable.js';
import type { RawTable } from './csv.js';

/**
 * A column's cell texts as UTF-8 bytes, without a string per cell: row i's text is
 * `bytes[start[i] … end[i])`. For identifiers and free text that are read once, byte by byte (keyed
 * hashing) or as a short-lived string each, so that a million of them never sit in the heap at once.
 */
export interface CellTexts {
  bytes: Buffer;
  start: Uint32Array;
  end: Uint32Array;
}

const QUOTE = 34;

/**
 * UTF-8 text of a byte range. Buffer's own `utf8Slice` skips the argument checks of `toString`,
 * which dominate for millions of short cells.
 */
const utf8 = (bytes: Buffer, start: number, end: number): string => (bytes as Buffer & { utf8Slice(start: number, end: number): string }).utf8Slice(start, end);

/**
 * Column j's texts as bytes. On a byte-backed table they are the file's own bytes (inside the
 * quotes of a quoted cell); only a column holding escaped quotes (`""`) is copied, unescaped.
 * Otherwise the column's strings are encoded into one buffer.
 */
export function cellTexts(table: RawTable, j: number): CellTexts {
  const store = cellBytesOf(table, j);
  if (store === undefined) return textsOfStrings(table.columns[j]!);
  const { bytes, nrow, ncol, cellStart, rowEnd } = store;
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
  if (escapedRows === undefined) return { bytes, start, end };
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
  return { bytes: copy, start, end };
}

/** Texts as bytes, from strings (encoded as UTF-8, as `Buffer.from(text)` does). */
export function textsOfStrings(cells: readonly string[]): CellTexts {
  const n = cells.length;
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += Buffer.byteLength(cells[i]!, 'utf8');
  if (total > 0xffffffff) throw new Error('textsOfStrings: more than 4 GB of text');
  const bytes = Buffer.allocUnsafe(total);
  let at = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    at += bytes.write(cells[i]!, at, 'utf8');
    end[i] = at;
  }
  return { bytes, start, end };
}

/** Row i's text. */
export function textAt(texts: CellTexts, i: number): string {
  return utf8(texts.bytes, texts.start[i]!, texts.end[i]!);
}

/** Whether UTF-8 bytes spell one of a set of texts (such as a column's missing values), without making a string. */
export class TextMatcher {
  /** The texts' bytes, grouped by length. */
  private readonly byLength: Buffer[][] = [];

  constructor(texts: Iterable<string>) {
    for (const text of texts) {
      const encoded = Buffer.from(text, 'utf8');
      (this.byLength[encoded.length] ??= []).push(encoded);
    }
  }

  /** True when `bytes[start … end)` is one of the texts. */
  has(bytes: Uint8Array, start: number, end: number): boolean {
    const candidates = this.byLength[end - start];
    if (candidates === undefined) return false;
    for (const candidate of candidates) {
      let same = true;
      for (let k = 0; same && k < candidate.length; k++) same = candidate[k] === bytes[start + k];
      if (same) return true;
    }
    return false;
  }
}
