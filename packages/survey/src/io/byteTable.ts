import { isUtf8 } from 'node:buffer';
import { LeakriskError, isLeakriskError } from '../errors.js';
import type { RawTable } from './csv.js';

/**
 * A CSV file parsed in place: the file's bytes plus the byte offset where each cell starts
 * (row-major) and where each row's line ends. Strings are made only for the columns someone reads
 * (`table.columns[j]` materialises column j on first access, sharing one string per distinct short
 * value), and numeric columns can be parsed straight from the bytes (`numericCells`). This keeps a
 * million-row survey at a few hundred megabytes and a second or two, where a string per cell costs
 * gigabytes and the garbage collector's time.
 */
export interface ByteStore {
  bytes: Buffer;
  ncol: number;
  nrow: number;
  /** `cellStart[i * ncol + j]`: first byte of the cell (its opening quote when quoted). */
  cellStart: Uint32Array;
  /** `rowEnd[i]`: the byte after the row's last cell (its `\n`, `\r\n` or the end of the file). */
  rowEnd: Uint32Array;
  /** Columns already made into strings (all at once, in one pass over the file). */
  materialized: (string[] | undefined)[];
}

const STORE = Symbol('leakrisk.byteStore');
type ByteBackedTable = RawTable & { [STORE]?: ByteStore };

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * A file that another thread is still reading into memory both threads share: the parser works on
 * the rows that have arrived while the rest is read.
 */
export interface IncomingBytes {
  /** Bytes that have arrived (they never change afterwards). */
  available(): number;
  /** Blocks until more than `count` bytes have arrived or the file is complete; returns `available()`. */
  waitBeyond(count: number): number;
  /** The file's length once it is complete, else undefined. */
  completeLength(): number | undefined;
  /** Blocks until the other thread has checked the whole file: whether it is valid UTF-8. */
  isUtf8(): boolean;
}

function notUtf8(bytes: Buffer, file: string): LeakriskError {
  const at = firstInvalidUtf8(bytes);
  return new LeakriskError(
    'the file is not valid UTF-8 (it may be saved as Windows-1252 or Latin-1)',
    { file, line: 1 + countByte(bytes, LF, 0, at) },
    'save the file as "CSV UTF-8" (Excel) or convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv`',
  );
}

/**
 * Parses a whole CSV file held in a Buffer (RFC 4180: quoted fields may hold commas, doubled quotes
 * and line breaks). Checks UTF-8 and field counts, naming the line of any problem. Returns a
 * RawTable whose columns are made lazily.
 *
 * With `incoming`, `bytes` is the memory another thread is reading the file into: rows are parsed as
 * they arrive (up to the last line end outside quotes), so that parsing overlaps reading. Should
 * anything look wrong before the file is complete, the file is parsed again once complete, so the
 * errors (and their order: UTF-8 first) are those of a parse of the whole file.
 */
export function parseCsvBytes(bytes: Buffer, file: string, incoming?: IncomingBytes): RawTable {
  if (incoming === undefined) return parseBytes(bytes, file, undefined);
  try {
    const table = parseBytes(bytes, file, incoming);
    if (!incoming.isUtf8()) throw notUtf8(bytes.subarray(0, incoming.completeLength()), file);
    return table;
  } catch (error) {
    if (!isLeakriskError(error)) throw error;
    // Parse again, as a whole, once every byte has arrived.
    let length = incoming.completeLength();
    while (length === undefined) {
      incoming.waitBeyond(incoming.available());
      length = incoming.completeLength();
    }
    return parseBytes(bytes.subarray(0, length), file, undefined);
  }
}

/**
 * Where the bytes [from, available) can be cut for parsing: just after the last line feed that ends
 * a row, i.e. with an even number of quote characters since `from` (a row start). −1 when none.
 */
function rowsEnd(bytes: Buffer, from: number, available: number): number {
  const view = bytes.subarray(0, available);
  const quotesBetween = (start: number, stop: number): number => {
    let count = 0;
    for (let q = view.indexOf(QUOTE, start); q >= 0 && q < stop; q = view.indexOf(QUOTE, q + 1)) count++;
    return count;
  };
  let lf = view.lastIndexOf(LF);
  if (lf < from) return -1;
  let quotes = quotesBetween(from, lf);
  while ((quotes & 1) === 1) {
    const previous = lf > from ? view.lastIndexOf(LF, lf - 1) : -1;
    if (previous < from) return -1;
    quotes -= quotesBetween(previous, lf);
    lf = previous;
  }
  return lf + 1;
}

/**
 * Parses consecutive rows that hold no quote character, are not empty and have `ncol` fields, from
 * `pos` while rows and room last (`end`, `capacity`); stops before any other row, which the general
 * loop then reads (and reports, if it is wrong). `nextQuote` is the next quote at or after `pos`
 * (`end` when none), refreshed here. Returns where it stopped, the rows parsed so far and the number
 * of line feeds passed.
 */
function quoteFreeRows(
  bytes: Buffer,
  pos: number,
  end: number,
  nextQuote: number,
  cellStart: Uint32Array,
  rowEnd: Uint32Array,
  nrow: number,
  capacity: number,
  ncol: number,
): { pos: number; nrow: number; lines: number; nextQuote: number } {
  let lines = 0;
  while (pos < end && nrow < capacity) {
    const first = bytes[pos]!;
    if (first === LF || (first === CR && pos + 1 < end && bytes[pos + 1] === LF)) break; // an empty line
    if (nextQuote < pos) {
      const at = bytes.subarray(pos, end).indexOf(QUOTE);
      nextQuote = at < 0 ? end : pos + at;
    }
    let lineEnd = bytes.indexOf(LF, pos);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (nextQuote < lineEnd) break;
    const stop = lineEnd > pos && bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
    const base = nrow * ncol;
    cellStart[base] = pos;
    let fields = 1;
    for (let q = pos; q < stop; q++) {
      if (bytes[q] === COMMA) {
        if (fields < ncol) cellStart[base + fields] = q + 1;
        fields++;
      }
    }
    if (fields !== ncol) break;
    rowEnd[nrow] = stop;
    nrow++;
    if (lineEnd < end) {
      pos = lineEnd + 1;
      lines++;
    } else pos = end;
  }
  return { pos, nrow, lines, nextQuote };
}

function parseBytes(bytes: Buffer, file: string, incoming: IncomingBytes | undefined): RawTable {
  if (incoming === undefined && !isUtf8(bytes)) throw notUtf8(bytes, file);
  // With incoming bytes: `end` is how far rows may be parsed now (a row end), `total` the file's end.
  let total = bytes.length;
  let end = bytes.length;
  /** Waits until rows beyond `from` can be parsed; false once the whole file has been. */
  const moreRows = (from: number): boolean => {
    if (incoming === undefined) return false;
    for (;;) {
      const available = incoming.available();
      const length = incoming.completeLength();
      if (length !== undefined) {
        total = length;
        if (end === length) return false;
        end = length;
        return true;
      }
      const cut = rowsEnd(bytes, from, available);
      if (cut > from) {
        end = cut;
        return true;
      }
      incoming.waitBeyond(available);
    }
  };
  if (incoming !== undefined) {
    end = 0;
    if (!moreRows(0)) end = total;
  }
  let pos = end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (pos >= end) {
    throw new LeakriskError('the file is empty: it has no header row', { file, line: 1 }, 'give a CSV file whose first line names the columns');
  }

  // Header: read as strings and checked like any header.
  const headerStarts: number[] = [];
  let line = 1;
  const brokenQuote = (where: number): LeakriskError =>
    new LeakriskError(
      'broken quoting (a quoted field is not closed, or text follows its closing quote)',
      { file, line: where },
      'a field that holds a comma, a quote or a line break must be wrapped in double quotes, with inner quotes doubled ("")',
    );

  /** Scans one cell from `p`; returns the position of the byte that ends it (comma, CR/LF or end). */
  const scanCell = (p: number): number => {
    if (p < end && bytes[p] === QUOTE) {
      let q = p + 1;
      const startLine = line;
      for (;;) {
        if (q >= end) throw brokenQuote(startLine);
        const b = bytes[q]!;
        if (b === QUOTE) {
          if (q + 1 < end && bytes[q + 1] === QUOTE) {
            q += 2;
            continue;
          }
          q++;
          break;
        }
        if (b === LF) line++;
        q++;
      }
      if (q < end) {
        const b = bytes[q]!;
        if (b !== COMMA && b !== LF && !(b === CR && (q + 1 >= end || bytes[q + 1] === LF))) throw brokenQuote(line);
      }
      return q;
    }
    let q = p;
    while (q < end) {
      const b = bytes[q]!;
      if (b === COMMA || b === LF) break;
      if (b === CR && (q + 1 >= end || bytes[q + 1] === LF)) break;
      q++;
    }
    return q;
  };
  /** Moves past a line end at `q` (CRLF or LF); returns the next line's first byte. */
  const nextLine = (q: number): number => {
    if (q < end && bytes[q] === CR) q++;
    if (q < end && bytes[q] === LF) {
      line++;
      q++;
    }
    return q;
  };

  let q = pos;
  for (;;) {
    headerStarts.push(q);
    q = scanCell(q);
    if (q < end && bytes[q] === COMMA) {
      q++;
      continue;
    }
    break;
  }
  const headerEnd = q;
  const ncol = headerStarts.length;
  const header = headerStarts.map((start, j) => cellText(bytes, start, j + 1 < ncol ? headerStarts[j + 1]! - 1 : headerEnd));
  checkHeader(header, file);
  pos = nextLine(q);

  // Body: one pass over the bytes, recording where cells start.
  // Room for the rows, estimated from the first data line's length; grown if the guess is short.
  if (pos >= end) moreRows(pos);
  const firstLineEnd = bytes.indexOf(LF, pos);
  const firstLineLength = Math.max(ncol, (firstLineEnd < 0 || firstLineEnd >= end ? end : firstLineEnd) - pos + 1);
  let capacity = Math.max(16, Math.ceil(((total - pos) / firstLineLength) * 1.1));
  let cellStart = new Uint32Array(capacity * ncol);
  let rowEnd = new Uint32Array(capacity);
  let nrow = 0;
  let blankLine = 0;
  // The next quote character at or after the current row (`end` when there is none before it).
  let nextQuote = -1;
  while (pos < end || moreRows(pos)) {
    const lineOfRow = line;
    // An empty line: allowed only as the very last thing in the file.
    if (ncol > 1 && (bytes[pos] === LF || (bytes[pos] === CR && pos + 1 < end && bytes[pos + 1] === LF))) {
      if (blankLine === 0) blankLine = lineOfRow;
      pos = nextLine(pos);
      continue;
    }
    if (blankLine !== 0) {
      throw new LeakriskError(`row ${nrow + 1} is an empty line`, { file, line: blankLine, row: nrow + 1 }, 'remove empty lines from the middle of the file');
    }
    if (nrow === capacity) {
      capacity = Math.ceil(capacity * 1.5);
      const grownStarts = new Uint32Array(capacity * ncol);
      grownStarts.set(cellStart);
      cellStart = grownStarts;
      const grownEnds = new Uint32Array(capacity);
      grownEnds.set(rowEnd);
      rowEnd = grownEnds;
    }
    // A stretch of ordinary rows (no quote, no empty line, the right number of fields) in one tight loop.
    const run = quoteFreeRows(bytes, pos, end, nextQuote, cellStart, rowEnd, nrow, capacity, ncol);
    nextQuote = run.nextQuote;
    if (run.nrow > nrow) {
      line += run.lines;
      nrow = run.nrow;
      pos = run.pos;
      continue;
    }
    const base = nrow * ncol;
    let fields = 0;
    let p = pos;
    for (;;) {
      if (fields < ncol) cellStart[base + fields] = p;
      fields++;
      p = scanCell(p);
      if (p < end && bytes[p] === COMMA) {
        p++;
        continue;
      }
      break;
    }
    if (fields !== ncol) {
      throw new LeakriskError(
        `row ${nrow + 1} has ${fields} field${fields === 1 ? '' : 's'} but the header has ${ncol}`,
        { file, line: lineOfRow, row: nrow + 1 },
        'every row needs one field per header column; quote fields that contain commas',
      );
    }
    rowEnd[nrow] = p;
    nrow++;
    pos = nextLine(p);
  }
  if (total > 0xffffffff) throw new LeakriskError('the file is larger than 4 GB', { file }, 'split the file');

  const store: ByteStore = {
    bytes: total < bytes.length ? bytes.subarray(0, total) : bytes,
    ncol,
    nrow,
    cellStart: cellStart.subarray(0, nrow * ncol),
    rowEnd: rowEnd.subarray(0, nrow),
    materialized: new Array<string[] | undefined>(ncol).fill(undefined),
  };
  return lazyTable(file, header, store);
}

function lazyTable(file: string, header: string[], store: ByteStore): RawTable {
  const columns: string[][] = new Array<string[]>(store.ncol);
  for (let j = 0; j < store.ncol; j++) {
    Object.defineProperty(columns, j, {
      configurable: true,
      enumerable: true,
      get(): string[] {
        if (store.materialized[j] === undefined) materializeColumns(store, [j]);
        const cells = store.materialized[j]!;
        Object.defineProperty(columns, j, { value: cells, writable: true, configurable: true, enumerable: true });
        return cells;
      },
      set(value: string[]) {
        Object.defineProperty(columns, j, { value, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  const table: ByteBackedTable = { file, header, columns, nrow: store.nrow };
  Object.defineProperty(table, STORE, { value: store, enumerable: false });
  return table;
}

/**
 * A new table over the same cells, whose header and columns arrays can be extended or replaced
 * without touching the original; columns not yet read stay lazy (and byte-parsable).
 */
export function shallowCopyTable(table: RawTable): RawTable {
  const store = (table as ByteBackedTable)[STORE];
  const source = table.columns;
  const columns: string[][] = new Array<string[]>(source.length);
  for (let j = 0; j < source.length; j++) {
    if (store !== undefined && holdsFileCells(table, store, j)) {
      Object.defineProperty(columns, j, {
        configurable: true,
        enumerable: true,
        get: () => source[j]!,
        set(value: string[]) {
          Object.defineProperty(columns, j, { value, writable: true, configurable: true, enumerable: true });
        },
      });
    } else {
      columns[j] = source[j]!;
    }
  }
  const copy: ByteBackedTable = { file: table.file, header: [...table.header], columns, nrow: table.nrow };
  if (store !== undefined) Object.defineProperty(copy, STORE, { value: store, enumerable: false });
  return copy;
}

/** Where cell (i, j) ends: the comma before the next cell, or the row's end. */
function cellEnd(store: ByteStore, i: number, j: number): number {
  return j + 1 < store.ncol ? store.cellStart[i * store.ncol + j + 1]! - 1 : store.rowEnd[i]!;
}

/**
 * UTF-8 text of a byte range. Buffer's own `utf8Slice` skips the argument checks of `toString`,
 * which dominate for millions of short cells.
 */
const utf8 = (bytes: Buffer, start: number, end: number): string => (bytes as Buffer & { utf8Slice(start: number, end: number): string }).utf8Slice(start, end);

/** The text of a cell between two byte offsets: quotes removed and doubled quotes undone. */
function cellText(bytes: Buffer, start: number, end: number): string {
  if (end > start && bytes[start] === QUOTE) {
    const inner = utf8(bytes, start + 1, end - 1);
    return inner.indexOf('"') >= 0 ? inner.replace(/""/g, '"') : inner;
  }
  return utf8(bytes, start, end);
}

/**
 * Makes column j's strings. Short cells (up to 6 bytes: codes, numbers, small labels) are shared
 * through a map keyed by their bytes packed into one number, without making a string first.
 */
interface ColumnInterner {
  out: string[];
  tiny: Map<number, string>;
  shared: Map<number, number> | null;
  sharedStart: number[];
  sharedLength: number[];
  sharedText: string[];
}

/**
 * Makes the strings of every column not made yet, in one pass over the rows. Keys are small
 * integers (V8 Smis) so that the maps stay fast: cells of up to 3 bytes (codes, Likert answers) are
 * keyed exactly by their bytes; longer ones by a 30-bit hash, checked byte by byte against the first
 * occurrence. A column with very many distinct longer values (names, comments) stops sharing after
 * 4,096 of them.
 */
function materializeColumns(store: ByteStore, wanted: readonly number[]): void {
  const { bytes, nrow, ncol, cellStart, rowEnd } = store;
  const pending: number[] = [];
  const interners: ColumnInterner[] = [];
  for (const j of wanted) {
    if (store.materialized[j] !== undefined) continue;
    pending.push(j);
    // Preallocated: pushing into million-element arrays is several times slower (measured).
    interners.push({ out: new Array<string>(nrow), tiny: new Map(), shared: new Map(), sharedStart: [], sharedLength: [], sharedText: [] });
  }
  for (let i = 0; i < nrow; i++) {
    const base = i * ncol;
    for (let p = 0; p < pending.length; p++) {
      const j = pending[p]!;
      const column = interners[p]!;
      const start = cellStart[base + j]!;
      const end = j + 1 < ncol ? cellStart[base + j + 1]! - 1 : rowEnd[i]!;
      const length = end - start;
      const quoted = length > 0 && bytes[start] === QUOTE;
      if (length <= 3 && !quoted) {
        let key = length << 24;
        for (let k = start, shift = 16; k < end; k++, shift -= 8) key |= bytes[k]! << shift;
        let text = column.tiny.get(key);
        if (text === undefined) {
          text = utf8(bytes, start, end);
          column.tiny.set(key, text);
        }
        column.out[i] = text;
        continue;
      }
      const shared = column.shared;
      if (shared !== null && !quoted) {
        let h = 0x811c9dc5 ^ length;
        for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
        const key = h >>> 2;
        const entry = shared.get(key);
        if (entry !== undefined) {
          let same = column.sharedLength[entry] === length;
          const firstStart = column.sharedStart[entry]!;
          for (let k = 0; same && k < length; k++) same = bytes[firstStart + k] === bytes[start + k];
          if (same) {
            column.out[i] = column.sharedText[entry]!;
            continue;
          }
        } else if (shared.size < 4096) {
          const text = utf8(bytes, start, end);
          shared.set(key, column.sharedText.length);
          column.sharedStart.push(start);
          column.sharedLength.push(length);
          column.sharedText.push(text);
          column.out[i] = text;
          continue;
        } else {
          column.shared = null;
        }
      }
      column.out[i] = cellText(bytes, start, end);
    }
  }
  pending.forEach((j, p) => {
    store.materialized[j] = interners[p]!.out;
  });
}

/**
 * Makes every column's strings in one pass over the rows, for callers that will read them all
 * (anonymization): row by row the cells sit together in memory, which is much faster than reading
 * the file once per column. A table that is not byte-backed is left as it is.
 */
export function loadAllColumns(table: RawTable): void {
  const store = (table as ByteBackedTable)[STORE];
  if (store === undefined) return;
  materializeColumns(
    store,
    table.header.map((_, j) => j).filter((j) => holdsFileCells(table, store, j)),
  );
}

/** True while column j of this table still holds the file's cells (not replaced by other values). */
function holdsFileCells(table: RawTable, store: ByteStore, j: number): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(table.columns, j);
  if (descriptor === undefined) return false;
  return descriptor.get !== undefined || (descriptor.value !== undefined && descriptor.value === store.materialized[j]);
}

/** The text of one cell without materialising its column (for error messages and odd cells). */
export function cellAt(table: RawTable, column: number, row: number): string {
  const store = (table as ByteBackedTable)[STORE];
  if (store === undefined || !holdsFileCells(table, store, column)) return table.columns[column]![row]!;
  return cellText(store.bytes, store.cellStart[row * store.ncol + column]!, cellEnd(store, row, column));
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Parses column j's plain decimal cells (`-12`, `3.25`) straight from the bytes. Returns the values
 * (NaN where a cell is not a plain decimal: missing when empty) and the rows of the other non-empty
 * cells, which the caller reads as text (`NA`, missing codes, exponents, errors). Undefined when the table is not
 * byte-backed or the column has already been made into strings.
 *
 * Exactness: a cell with at most 15 significant digits is an integer m below 2^53 over 10^k, both
 * exact in binary; IEEE division rounds the true quotient correctly, which is what `Number(text)` does.
 */
export function numericCells(table: RawTable, j: number): { values: Float64Array; irregular: number[] } | undefined {
  const store = (table as ByteBackedTable)[STORE];
  if (store === undefined || !holdsFileCells(table, store, j)) return undefined;
  const { bytes, nrow, ncol, cellStart } = store;
  const values = new Float64Array(nrow);
  const irregular: number[] = [];
  for (let i = 0; i < nrow; i++) {
    const start = cellStart[i * ncol + j]!;
    const end = cellEnd(store, i, j);
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

function checkHeader(header: string[], file: string): void {
  const seen = new Set<string>();
  header.forEach((name, j) => {
    if (name.trim() === '') throw new LeakriskError(`header column ${j + 1} has no name`, { file, line: 1 }, 'give every column a name in the first line');
    if (seen.has(name)) throw new LeakriskError(`the header names column "${name}" twice`, { file, line: 1, column: name }, 'rename one of the two columns');
    seen.add(name);
  });
}

function countByte(bytes: Uint8Array, value: number, from: number, to: number): number {
  let n = 0;
  let i = bytes.indexOf(value, from);
  while (i !== -1 && i < to) {
    n++;
    i = bytes.indexOf(value, i + 1);
  }
  return n;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (the length when there is none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** The bytes behind a byte-backed table's cells (see {@link ByteStore}), for readers that work without strings. */
export interface CellBytes {
  bytes: Buffer;
  ncol: number;
  nrow: number;
  /** `cellStart[i * ncol + j]`: first byte of cell (i, j) (its opening quote when quoted). */
  cellStart: Uint32Array;
  /** `rowEnd[i]`: the byte after row i's last cell. */
  rowEnd: Uint32Array;
}

/**
 * The file bytes and cell offsets behind column j, or undefined when the table is not byte-backed
 * or column j no longer holds the file's cells (it was replaced). Cell (i, j) spans
 * `cellStart[i * ncol + j]` up to the comma before cell j + 1, or `rowEnd[i]` for the last column;
 * a quoted cell includes its quotes.
 */
export function cellBytesOf(table: RawTable, j: number): CellBytes | undefined {
  const store = (table as ByteBackedTable)[STORE];
  if (store === undefined || !Number.isInteger(j) || j < 0 || j >= store.ncol || !holdsFileCells(table, store, j)) return undefined;
  return store;
}
