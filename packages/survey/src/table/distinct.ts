import type { Column, DictionaryColumn, DistinctReader } from './column.js';
import { dictionaryColumn } from './dictionaryColumn.js';

/** Rows read at a time when several columns are read together: their cells stay in the processor's cache. */
export const SCAN_ROWS = 2048;

/**
 * A column as a dictionary of its distinct texts: levels in order of first appearance, every row a
 * code (never −1: a missing cell is a text like any other, '' or `NA` or a missing code, for the
 * caller to judge). Anything computed once per level and spread over the rows gives exactly what a
 * loop over the rows' texts gives, in the same order, for a fraction of the work; the first row
 * holding level c is `codes.indexOf(c)`, and levels come in the order of their first rows.
 */
export function distinctTexts(column: Column): DictionaryColumn {
  return distinctColumns([column])[0]!;
}

/**
 * Several columns as {@link distinctTexts}, read in one pass over the rows, a block at a time: much
 * faster than a pass per column once the file is larger than the processor's caches.
 */
export function distinctColumns(columns: readonly Column[]): DictionaryColumn[] {
  const n = columns.length > 0 ? columns[0]!.length : 0;
  const readers = columns.map((column) => column.distinctReader());
  const codes = columns.map(() => new Int32Array(n));
  for (let from = 0; from < n; from += SCAN_ROWS) {
    const to = Math.min(n, from + SCAN_ROWS);
    for (let p = 0; p < readers.length; p++) readers[p]!.read(from, to, codes[p]!, from);
  }
  return readers.map((reader, p) => dictionaryColumn(codes[p]!, reader.levels));
}

/**
 * Reads columns as codes of their distinct texts (numbered as in {@link distinctTexts}) a block of
 * rows at a time, without keeping a code per row: for one pass that accumulates per-value statistics
 * (counts, weighted masses) over many columns. Within a block it reads column by column, so that each
 * column's loop stays tight while the block's cells stay in cache.
 */
export class ColumnScan {
  /** Each column's distinct texts met so far, in order of first appearance. */
  readonly levels: (readonly string[])[];
  private readonly readers: DistinctReader[];
  private next = 0;

  constructor(columns: readonly Column[]) {
    this.readers = columns.map((column) => column.distinctReader());
    this.levels = this.readers.map((reader) => reader.levels);
  }

  /**
   * Reads rows `from … to − 1` (blocks must follow each other from row 0): the code of row i in the
   * p-th column goes to `codes[p * (to − from) + i − from]`.
   */
  readRows(from: number, to: number, codes: Int32Array): void {
    if (from !== this.next) throw new Error(`ColumnScan: rows from ${from} read out of order (expected ${this.next})`);
    this.next = to;
    const rows = to - from;
    for (let p = 0; p < this.readers.length; p++) this.readers[p]!.read(from, to, codes, p * rows);
  }
}
