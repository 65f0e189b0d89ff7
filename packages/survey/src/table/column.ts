/**
 * One column of a table, whatever holds its cells. Every column has a `length` and the text of each
 * cell (`get(row)`, as a CSV of the table would hold it once unquoted), and offers the typed reads
 * the hot loops need: its distinct texts a block of rows at a time (`distinctReader`), its cells as
 * numbers (`readNumbers`) and its texts as UTF-8 bytes (`utf8`). Nothing outside `table/` needs to
 * know which kind a column is, or which file format it came from; the kinds' own fields (`values`,
 * `codes`/`levels`, …) are there for code that built the column, or that wants its array directly.
 *
 * Kinds:
 * - `bytes`: cells still in a CSV file's bytes, parsed on demand ({@link BytesColumn});
 * - `numbers`: a Float64Array, NaN = missing (an SPSS or XLSX numeric variable);
 * - `dictionary`: Int32Array codes into level texts, −1 = missing (a labelled variable, a
 *   select_one, a factor);
 * - `text`: one string per cell;
 * - `utf8`: texts as UTF-8 bytes in one buffer (identifiers and free text read byte by byte).
 */
export type Column = BytesColumn | NumberColumn | DictionaryColumn | TextColumn | Utf8Column;

export type ColumnKind = Column['kind'];

/** What every kind of column offers. */
export interface ColumnAccess extends Iterable<string> {
  readonly length: number;
  /** Row `row`'s cell as text: '' for a missing number or a missing (−1) code. */
  get(row: number): string;
  /** A reader of the column's distinct texts, a block of rows at a time (see `ColumnScan`). */
  distinctReader(): DistinctReader;
  /**
   * The cells as numbers, in a new array the caller may change: `values[i]` is row i's number when
   * its text reads as one (NaN otherwise, and for an empty cell), `irregular` the rows of the other
   * non-empty cells, increasing, for the caller to read as text (`NA`, missing codes, errors).
   */
  readNumbers(): { values: Float64Array; irregular: number[] };
  /** The texts as UTF-8 bytes, without a string per cell. */
  utf8(): Utf8Column;
}

/**
 * Reads a column's cells as codes of its distinct texts, numbered in order of first appearance, a
 * block of rows at a time: the one way distinct values are found, for any kind of column.
 */
export interface DistinctReader {
  /** The distinct texts met so far, in order of first appearance (grows as rows are read). */
  readonly levels: readonly string[];
  /**
   * Codes of rows `from … to − 1` into `out[at …]`. Blocks must follow each other from row 0
   * (a reader remembers the texts it has met).
   */
  read(from: number, to: number, out: Int32Array, at: number): void;
}

/**
 * A CSV file parsed in place: the file's bytes plus the byte offset where each cell starts
 * (row-major) and where each row's line ends. Shared by the file's columns.
 */
export interface CsvCells {
  readonly bytes: Buffer;
  readonly ncol: number;
  readonly nrow: number;
  /** `cellStart[i * ncol + j]`: first byte of cell (i, j) (its opening quote when quoted). */
  readonly cellStart: Uint32Array;
  /** `rowEnd[i]`: the byte after row i's last cell (its `\n`, `\r\n` or the end of the file). */
  readonly rowEnd: Uint32Array;
}

/**
 * Column `index` of a CSV file still in its bytes. Cell (i, j) spans `cellStart[i * ncol + j]` up to
 * the comma before cell j + 1, or `rowEnd[i]` for the last column; a quoted cell includes its quotes.
 */
export interface BytesColumn extends ColumnAccess {
  readonly kind: 'bytes';
  readonly cells: CsvCells;
  readonly index: number;
}

/** Numbers, NaN = missing; a cell's text is `String(x)`, '' when missing. */
export interface NumberColumn extends ColumnAccess {
  readonly kind: 'numbers';
  readonly values: Float64Array;
}

/** Codes into level texts: row i holds `levels[codes[i]]`, or is missing ('') when the code is −1. */
export interface DictionaryColumn extends ColumnAccess {
  readonly kind: 'dictionary';
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/** One string per cell. */
export interface TextColumn extends ColumnAccess {
  readonly kind: 'text';
  readonly cells: readonly string[];
}

/** Texts as UTF-8 bytes: row i's text is `bytes[start[i] … end[i])`. */
export interface Utf8Column extends ColumnAccess {
  readonly kind: 'utf8';
  readonly bytes: Buffer;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
}
