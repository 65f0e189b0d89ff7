import type { RawTable } from './csv.js';
import { cellBytesOf, type CellBytes } from './byteTable.js';
import { TextMatcher } from './cellTexts.js';

/**
 * A column as its distinct cell texts: row i holds `values[index[i]]`. Values are distinct and
 * numbered in order of first appearance, and `first[c]` is the first row holding value c (so `first`
 * is increasing). Missing cells are values like any other; what is missing is decided by the caller.
 * Anything computed once per distinct value and then spread over the rows gives exactly what a loop
 * over the rows' strings gives, in the same order, for a fraction of the work.
 */
export interface CellFactor {
  index: Int32Array;
  values: string[];
  first: Int32Array;
}

const QUOTE = 34;
/** Direct slots for texts of up to two bytes: the empty text, 256 one-byte and 65,536 two-byte texts. */
const DIRECT_SLOTS = 1 + 256 + 65536;

/**
 * UTF-8 text of a byte range. Buffer's own `utf8Slice` skips the argument checks of `toString`,
 * which dominate for millions of short cells.
 */
const utf8 = (bytes: Buffer, start: number, end: number): string => (bytes as Buffer & { utf8Slice(start: number, end: number): string }).utf8Slice(start, end);

/** The distinct values of an array of cell texts (see {@link CellFactor}). */
export function factorStrings(cells: readonly string[]): CellFactor {
  const n = cells.length;
  const index = new Int32Array(n);
  const values: string[] = [];
  const first: number[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const cell = cells[i]!;
    let code = seen.get(cell);
    if (code === undefined) {
      code = values.length;
      seen.set(cell, code);
      values.push(cell);
      first.push(i);
    }
    index[i] = code;
  }
  return { index, values, first: Int32Array.from(first) };
}

/**
 * Column j of a table as its distinct cell texts (see {@link CellFactor}). On a byte-backed table
 * it works on the bytes and makes one string per distinct text only: texts of up to two bytes are
 * looked up directly, longer ones by a hash of their bytes checked against the first occurrence.
 * Equal texts get one code however they are written: a needlessly quoted `"a"` is the same value
 * as `a` (texts holding a quote, whose escaped form differs, are compared as strings).
 */
export function factorCells(table: RawTable, j: number): CellFactor {
  return factorColumns(table, [j])[0]!;
}

/**
 * Several columns as their distinct cell texts ({@link factorCells}), read in one pass over the
 * rows (see {@link ColumnScan}): much faster than a pass per column once the file is larger than the
 * processor's caches.
 */
export function factorColumns(table: RawTable, columns: readonly number[]): CellFactor[] {
  const scan = new ColumnScan(table, columns);
  const n = table.nrow;
  const index = columns.map(() => new Int32Array(n));
  const codes = new Int32Array(columns.length * SCAN_ROWS);
  for (let from = 0; from < n; from += SCAN_ROWS) {
    const rows = Math.min(SCAN_ROWS, n - from);
    scan.readRows(from, from + rows, codes);
    for (let p = 0; p < columns.length; p++) index[p]!.set(codes.subarray(p * rows, (p + 1) * rows), from);
  }
  return columns.map((_, p) => ({ index: index[p]!, values: scan.values[p]!, first: Int32Array.from(scan.first[p]!) }));
}

/** Rows a {@link ColumnScan} reads at a time by default: their cells stay in the processor's cache. */
export const SCAN_ROWS = 2048;

/**
 * Reads columns as value codes, numbered as in {@link CellFactor}, a block of rows at a time and
 * without keeping a code per row: for one pass that accumulates per-value statistics (counts,
 * weighted masses) over many columns. Within a block it reads column by column, so that each
 * column's loop stays tight while the block's cells stay in cache. On a byte-backed table each
 * distinct text is made into a string once; texts of up to two bytes are looked up directly, longer
 * ones first against the row above (sorted or clustered columns repeat it), then by a hash of their
 * bytes checked against the first occurrence; equal texts get one code however they are quoted.
 */
export class ColumnScan {
  /** Each column's distinct texts met so far, in order of first appearance. */
  readonly values: string[][];
  /** The first row of each of those values. */
  readonly first: number[][];
  private readonly columns: Int32Array;
  private readonly store: CellBytes | undefined;
  private readonly readers: (ByteValues | StringValues)[];
  private next = 0;

  constructor(table: RawTable, columns: readonly number[]) {
    this.columns = Int32Array.from(columns);
    const stores = columns.map((j) => cellBytesOf(table, j));
    this.store = stores.find((store) => store !== undefined);
    this.readers = columns.map((j, p) => (stores[p] !== undefined ? new ByteValues(stores[p]!.bytes) : new StringValues(table.columns[j]!)));
    this.values = this.readers.map((reader) => reader.values);
    this.first = this.readers.map((reader) => reader.first);
  }

  /**
   * Reads rows `from … to − 1` (blocks must follow each other from row 0): the code of row i in the
   * p-th column goes to `codes[p * (to − from) + i − from]`.
   */
  readRows(from: number, to: number, codes: Int32Array): void {
    if (from !== this.next) throw new Error(`ColumnScan: rows from ${from} read out of order (expected ${this.next})`);
    this.next = to;
    const rows = to - from;
    for (let p = 0; p < this.readers.length; p++) {
      const reader = this.readers[p]!;
      if (reader instanceof ByteValues) reader.codes(this.store!, this.columns[p]!, from, to, codes, p * rows);
      else reader.codes(from, to, codes, p * rows);
    }
  }
}

/** Distinct texts of a column held as strings. */
class StringValues {
  readonly values: string[] = [];
  readonly first: number[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly cells: readonly string[]) {}

  /** Codes of rows `from … to − 1` into `out` from `at`. */
  codes(from: number, to: number, out: Int32Array, at: number): void {
    for (let i = from; i < to; i++) {
      const cell = this.cells[i]!;
      let code = this.seen.get(cell);
      if (code === undefined) {
        code = this.values.length;
        this.seen.set(cell, code);
        this.values.push(cell);
        this.first.push(i);
      }
      out[at + i - from] = code;
    }
  }
}

/** Distinct texts of one column's cells, read from the file's bytes. */
class ByteValues {
  readonly values: string[] = [];
  readonly first: number[] = [];
  /** Where each value's text bytes were first seen (-1 for values kept by text), to check hash matches. */
  private textStart = new Int32Array(16);
  private textEnd = new Int32Array(16);
  private readonly direct = new Int32Array(DIRECT_SLOTS).fill(-1);
  /**
   * Longer texts: an open-addressing table of value codes (-1 = empty) keyed by a hash of their
   * bytes, with each slot's hash beside it; a value's slot is the first free one from its hash on.
   */
  private slots = new Int32Array(64).fill(-1);
  private slotHash = new Int32Array(64);
  private hashed = 0;
  /** Texts holding a quote (whose bytes in the file differ with their quoting). */
  private readonly byText = new Map<string, number>();
  /** The previous longer text read (its bytes in the file, -1 for none) and its code. */
  private lastStart = -1;
  private lastEnd = -1;
  private lastCode = -1;

  constructor(private readonly bytes: Buffer) {}

  /** Codes of column j's cells in rows `from … to − 1` into `out` from `at`. */
  codes(store: CellBytes, j: number, from: number, to: number, out: Int32Array, at: number): void {
    const { ncol, cellStart, rowEnd } = store;
    const bytes = this.bytes;
    const direct = this.direct;
    const last = j + 1 === ncol;
    for (let i = from; i < to; i++) {
      const start = cellStart[i * ncol + j]!;
      const end = last ? rowEnd[i]! : cellStart[i * ncol + j + 1]! - 1;
      const length = end - start;
      // Unquoted texts of up to two bytes (codes, Likert answers): a direct lookup.
      if (length <= 2) {
        const b0 = length > 0 ? bytes[start]! : 0;
        const b1 = length > 1 ? bytes[start + 1]! : 0;
        if (b0 !== QUOTE && b1 !== QUOTE) {
          const code = direct[length === 0 ? 0 : length === 1 ? 1 + b0 : 257 + ((b0 << 8) | b1)]!;
          if (code >= 0) {
            out[at + i - from] = code;
            continue;
          }
        }
      }
      out[at + i - from] = this.code(i, start, end);
    }
  }

  /** The code of row i's cell, which spans bytes [start, end) (with its quotes when quoted). */
  private code(i: number, start: number, end: number): number {
    const bytes = this.bytes;
    const quoted = end > start && bytes[start] === QUOTE;
    if (quoted) {
      start++;
      end--;
    }
    // [start, end) now holds the text's bytes, unless the text holds a quote (escaped when quoted).
    const length = end - start;
    if (length <= 2) {
      const b0 = length > 0 ? bytes[start]! : 0;
      const b1 = length > 1 ? bytes[start + 1]! : 0;
      if (b0 === QUOTE || b1 === QUOTE) return this.byValue(cellString(bytes, start, end, quoted), i);
      const slot = length === 0 ? 0 : length === 1 ? 1 + b0 : 257 + ((b0 << 8) | b1);
      let code = this.direct[slot]!;
      if (code < 0) {
        code = this.newValue(utf8(bytes, start, end), i, start, end);
        this.direct[slot] = code;
      }
      return code;
    }
    // The same text as the previous longer one? (Its bytes hold no quote, so neither do these.)
    const lastStart = this.lastStart;
    if (lastStart >= 0 && this.lastEnd - lastStart === length) {
      let same = true;
      for (let k = 0; same && k < length; k++) same = bytes[lastStart + k] === bytes[start + k];
      if (same) return this.lastCode;
    }
    let h = 0x811c9dc5 ^ length;
    let hasQuote = false;
    for (let k = start; k < end; k++) {
      const b = bytes[k]!;
      if (b === QUOTE) hasQuote = true;
      h = Math.imul(h ^ b, 0x01000193);
    }
    if (hasQuote) {
      this.lastStart = -1;
      return this.byValue(cellString(bytes, start, end, quoted), i);
    }
    const code = this.hashedCode(i, start, end, h);
    this.lastStart = start;
    this.lastEnd = end;
    this.lastCode = code;
    return code;
  }

  /** The code of a text without quotes, `bytes[start … end)`, whose hash is h. */
  private hashedCode(i: number, start: number, end: number, h: number): number {
    const bytes = this.bytes;
    const length = end - start;
    const mask = this.slots.length - 1;
    for (let slot = (h ^ (h >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const candidate = this.slots[slot]!;
      if (candidate < 0) {
        const code = this.newValue(utf8(bytes, start, end), i, start, end);
        this.slots[slot] = code;
        this.slotHash[slot] = h;
        if (++this.hashed * 2 > this.slots.length) this.rehash();
        return code;
      }
      if (this.slotHash[slot] !== h) continue;
      const s0 = this.textStart[candidate]!;
      if (this.textEnd[candidate]! - s0 !== length) continue;
      let same = true;
      for (let k = 0; same && k < length; k++) same = bytes[s0 + k] === bytes[start + k];
      if (same) return candidate;
    }
  }

  private newValue(text: string, row: number, start: number, end: number): number {
    const code = this.values.length;
    this.values.push(text);
    this.first.push(row);
    if (code === this.textStart.length) {
      const starts = new Int32Array(2 * code);
      starts.set(this.textStart);
      this.textStart = starts;
      const ends = new Int32Array(2 * code);
      ends.set(this.textEnd);
      this.textEnd = ends;
    }
    this.textStart[code] = start;
    this.textEnd[code] = end;
    return code;
  }

  private byValue(text: string, row: number): number {
    let code = this.byText.get(text);
    if (code === undefined) {
      code = this.newValue(text, row, -1, -1);
      this.byText.set(text, code);
    }
    return code;
  }

  /** Doubles the hash table. */
  private rehash(): void {
    const oldSlots = this.slots;
    const oldHash = this.slotHash;
    const size = 2 * oldSlots.length;
    const mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.slotHash = new Int32Array(size);
    for (let s = 0; s < oldSlots.length; s++) {
      const code = oldSlots[s]!;
      if (code < 0) continue;
      const h = oldHash[s]!;
      let slot = (h ^ (h >>> 15)) & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = code;
      this.slotHash[slot] = h;
    }
  }
}

/** The text of a cell from its text bytes (inside the quotes when quoted): doubled quotes undone. */
function cellString(bytes: Buffer, start: number, end: number, quoted: boolean): string {
  const text = utf8(bytes, start, end);
  return quoted && text.indexOf('"') >= 0 ? text.replace(/""/g, '"') : text;
}

/**
 * The same rows as `index` into `values`, renumbered as a {@link CellFactor}: equal values merged,
 * codes in order of first appearance. Values no row uses are left out.
 */
export function canonicalFactor(index: Int32Array, values: readonly string[]): CellFactor {
  const merged = new Int32Array(values.length);
  const byText = new Map<string, number>();
  values.forEach((value, c) => {
    let to = byText.get(value);
    if (to === undefined) byText.set(value, (to = c));
    merged[c] = to;
  });
  const renumbered = new Int32Array(values.length).fill(-1);
  const out = new Int32Array(index.length);
  const outValues: string[] = [];
  const first: number[] = [];
  for (let i = 0; i < index.length; i++) {
    const c = merged[index[i]!]!;
    let code = renumbered[c]!;
    if (code < 0) {
      code = outValues.length;
      renumbered[c] = code;
      outValues.push(values[c]!);
      first.push(i);
    }
    out[i] = code;
  }
  return { index: out, values: outValues, first: Int32Array.from(first) };
}

/**
 * Counts, per column, the cells whose text is one of that column's `texts`, in one pass over the
 * rows and without making a string per cell on a byte-backed table (only quoted cells are read as
 * text). For counting the missing cells (empty, `NA`, missing codes) of columns that are not
 * otherwise read, such as dropped ones.
 */
export function countCellsIn(table: RawTable, columns: readonly number[], texts: readonly ReadonlySet<string>[]): number[] {
  const counts = columns.map(() => 0);
  const fromBytes: number[] = [];
  let store: CellBytes | undefined;
  columns.forEach((j, p) => {
    const bytes = cellBytesOf(table, j);
    if (bytes !== undefined) {
      store = bytes;
      fromBytes.push(p);
      return;
    }
    const cells = table.columns[j]!;
    for (let i = 0; i < cells.length; i++) if (texts[p]!.has(cells[i]!)) counts[p]!++;
  });
  if (store === undefined) return counts;
  const { bytes, nrow, ncol, cellStart, rowEnd } = store as CellBytes;
  // An unquoted cell's bytes are its text.
  const matchers = fromBytes.map((p) => new TextMatcher(texts[p]!));
  for (let i = 0; i < nrow; i++) {
    const base = i * ncol;
    for (let q = 0; q < fromBytes.length; q++) {
      const p = fromBytes[q]!;
      const j = columns[p]!;
      const start = cellStart[base + j]!;
      const end = j + 1 < ncol ? cellStart[base + j + 1]! - 1 : rowEnd[i]!;
      const quoted = end > start && bytes[start] === QUOTE;
      if (quoted ? texts[p]!.has(cellString(bytes, start + 1, end - 1, true)) : matchers[q]!.has(bytes, start, end)) counts[p]!++;
    }
  }
  return counts;
}
