import { isUtf8 } from 'node:buffer';
import { LeakriskError } from '../errors.js';
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
}

const STORE = Symbol('leakrisk.byteStore');
type ByteBackedTable = RawTable & { [STORE]?: ByteStore };

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Parses a whole CSV file held in a Buffer (RFC 4180: quoted fields may hold commas, doubled quotes
 * and line breaks). Checks UTF-8 and field counts, naming the line of any problem. Returns a
 * RawTable whose columns are made lazily.
 */
export function parseCsvBytes(bytes: Buffer, file: string): RawTable {
  if (!isUtf8(bytes)) {
    const at = firstInvalidByte(bytes);
    throw new LeakriskError(
      'the file is not valid UTF-8 (it may be saved as Windows-1252 or Latin-1)',
      { file, line: 1 + countByte(bytes, LF, 0, at) },
      'save the file as "CSV UTF-8" (Excel) or convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv`',
    );
  }
  let pos = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const end = bytes.length;
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
  const firstLineEnd = bytes.indexOf(LF, pos);
  const firstLineLength = Math.max(ncol, (firstLineEnd < 0 ? end : firstLineEnd) - pos + 1);
  let capacity = Math.max(16, Math.ceil(((end - pos) / firstLineLength) * 1.1));
  let cellStart = new Uint32Array(capacity * ncol);
  let rowEnd = new Uint32Array(capacity);
  let nrow = 0;
  let blankLine = 0;
  while (pos < end) {
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
  if (end > 0xffffffff) throw new LeakriskError('the file is larger than 4 GB', { file }, 'split the file');

  const store: ByteStore = { bytes, ncol, nrow, cellStart: cellStart.subarray(0, nrow * ncol), rowEnd: rowEnd.subarray(0, nrow) };
  return lazyTable(file, header, store);
}

function lazyTable(file: string, header: string[], store: ByteStore): RawTable {
  const columns: string[][] = new Array<string[]>(store.ncol);
  for (let j = 0; j < store.ncol; j++) {
    Object.defineProperty(columns, j, {
      configurable: true,
      enumerable: true,
      get(): string[] {
        const cells = materializeColumn(store, j);
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
    if (store !== undefined && Object.getOwnPropertyDescriptor(source, j)?.get !== undefined) {
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

/** The text of a cell between two byte offsets: quotes removed and doubled quotes undone. */
function cellText(bytes: Buffer, start: number, end: number): string {
  if (end > start && bytes[start] === QUOTE) {
    const inner = bytes.toString('utf8', start + 1, end - 1);
    return inner.indexOf('"') >= 0 ? inner.replace(/""/g, '"') : inner;
  }
  return bytes.toString('utf8', start, end);
}

/**
 * Makes column j's strings. Short cells (up to 6 bytes: codes, numbers, small labels) are shared
 * through a map keyed by their bytes packed into one number, without making a string first.
 */
function materializeColumn(store: ByteStore, j: number): string[] {
  const { bytes, nrow, ncol, cellStart } = store;
  const out = new Array<string>(nrow);
  const short = new Map<number, string>();
  // Longer values are shared through a hash of their bytes, checked byte by byte against the first
  // occurrence; a column with very many distinct long values (names, comments) stops sharing.
  let long: Map<number, number> | null = new Map<number, number>();
  const longStart: number[] = [];
  const longText: string[] = [];
  const longLength: number[] = [];
  for (let i = 0; i < nrow; i++) {
    const start = cellStart[i * ncol + j]!;
    const end = cellEnd(store, i, j);
    const length = end - start;
    const quoted = length > 0 && bytes[start] === QUOTE;
    if (length <= 6 && !quoted) {
      let key = 0;
      for (let k = start; k < end; k++) key = key * 256 + bytes[k]!;
      key += length * 281474976710656; // 256^6: keeps "1" and "\0 1" apart
      let text = short.get(key);
      if (text === undefined) {
        text = bytes.toString('utf8', start, end);
        short.set(key, text);
      }
      out[i] = text;
      continue;
    }
    if (long !== null && !quoted) {
      let h1 = length | 0;
      let h2 = 0x9747b28c;
      for (let k = start; k < end; k++) {
        const b = bytes[k]!;
        h1 = Math.imul(h1 ^ b, 0x01000193);
        h2 = Math.imul(h2 + b, 0x5bd1e995) ^ (h2 >>> 15);
      }
      const key = (h1 >>> 0) * 2097152 + (h2 & 0x1fffff); // 53 bits of hash
      const entry = long.get(key);
      if (entry !== undefined) {
        const firstStart = longStart[entry]!;
        const text = longText[entry]!;
        let same = longLength[entry] === length;
        for (let k = 0; same && k < length; k++) same = bytes[firstStart + k] === bytes[start + k];
        if (same) {
          out[i] = text;
          continue;
        }
      } else if (long.size < 4096) {
        const text = bytes.toString('utf8', start, end);
        long.set(key, longText.length);
        longStart.push(start);
        longLength.push(length);
        longText.push(text);
        out[i] = text;
        continue;
      } else {
        long = null;
      }
    }
    out[i] = cellText(bytes, start, end);
  }
  return out;
}

/** The text of one cell without materialising its column (for error messages and odd cells). */
export function cellAt(table: RawTable, column: number, row: number): string {
  const store = (table as ByteBackedTable)[STORE];
  if (store === undefined || Object.getOwnPropertyDescriptor(table.columns, column)?.get === undefined) {
    return table.columns[column]![row]!;
  }
  return cellText(store.bytes, store.cellStart[row * store.ncol + column]!, cellEnd(store, row, column));
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Parses column j's plain decimal cells (`-12`, `3.25`) straight from the bytes. Returns the values
 * (NaN where a cell is not a plain decimal) and the rows of those other cells, which the caller reads
 * as text (empty, `NA`, missing codes, exponents, errors). Undefined when the table is not
 * byte-backed or the column has already been made into strings.
 *
 * Exactness: a cell with at most 15 significant digits is an integer m below 2^53 over 10^k, both
 * exact in binary; IEEE division rounds the true quotient correctly, which is what `Number(text)` does.
 */
export function numericCells(table: RawTable, j: number): { values: Float64Array; irregular: number[] } | undefined {
  const store = (table as ByteBackedTable)[STORE];
  if (store === undefined || Object.getOwnPropertyDescriptor(table.columns, j)?.get === undefined) return undefined;
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
      irregular.push(i);
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

function firstInvalidByte(bytes: Uint8Array): number {
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
