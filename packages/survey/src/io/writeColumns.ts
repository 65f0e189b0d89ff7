import { writeSync } from 'node:fs';
import { writeThroughAtomic } from './atomicWrite.js';
import { cellBytesOf, type CellBytes } from './byteTable.js';
import { textAt, type CellTexts } from './cellTexts.js';
import { csvField, type RawTable } from './csv.js';

/**
 * One column of a CSV to write, in the form it is already held:
 * - `cells`: a text per row;
 * - `factor`: row i holds `values[index[i]]` (each value is encoded once);
 * - `source`: column `column` of `table`, unchanged. On a byte-backed table its cells are copied from
 *   the file's bytes without making strings; otherwise its strings are written;
 * - `texts`: texts held as UTF-8 bytes (`cellTexts`), some rows optionally replaced by `edits`.
 */
export type CsvColumn =
  | { kind: 'cells'; cells: readonly string[] }
  | { kind: 'factor'; index: Int32Array; values: readonly string[] }
  | { kind: 'source'; table: RawTable; column: number }
  | { kind: 'texts'; texts: CellTexts; edits?: TextEdits };

/** Rows whose text is replaced: `cells[k]` replaces row `rows[k]` (rows increasing). */
export interface TextEdits {
  rows: Int32Array;
  cells: readonly string[];
}

/** Number of rows of a column in its writable form. */
export function csvColumnLength(column: CsvColumn): number {
  if (column.kind === 'cells') return column.cells.length;
  if (column.kind === 'factor') return column.index.length;
  if (column.kind === 'texts') return column.texts.start.length;
  return column.table.nrow;
}

/** The texts of a column in its writable form (made on demand from a factor or the source file). */
export function csvColumnCells(column: CsvColumn): string[] {
  if (column.kind === 'cells') return column.cells as string[];
  if (column.kind === 'factor') {
    const { index, values } = column;
    const out = new Array<string>(index.length);
    for (let i = 0; i < index.length; i++) out[i] = values[index[i]!]!;
    return out;
  }
  if (column.kind === 'texts') {
    const out = new Array<string>(column.texts.start.length);
    for (let i = 0; i < out.length; i++) out[i] = textAt(column.texts, i);
    column.edits?.rows.forEach((row, k) => {
      out[row] = column.edits!.cells[k]!;
    });
    return out;
  }
  return column.table.columns[column.column]!;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const CHUNK_BYTES = 8 << 20;

/** What the writer does for one output column, or for a run of adjacent unchanged file columns. */
type Segment =
  | { kind: 'cells'; cells: readonly string[] }
  | { kind: 'texts'; texts: CellTexts; editRows: Int32Array; editCells: readonly string[]; nextEdit: number }
  | { kind: 'factor'; index: Int32Array; pool: Buffer; offsets: Uint32Array }
  | { kind: 'run'; store: CellBytes; from: number; to: number; nextQuote: number; nextCr: number };

/**
 * Writes columns as a CSV file exactly as {@link writeCsvFileAtomic} writes their texts (UTF-8
 * without BOM, LF, RFC 4180 quoting only where a cell holds a quote, comma or line break), atomically,
 * through one reused buffer. Unchanged file columns (`source`) are copied from the file's bytes: a
 * run of adjacent ones as one block per row when it holds no quote and no carriage return, otherwise
 * cell by cell, unquoting needlessly quoted cells and quoting cells whose text needs it, so that the
 * bytes come out as the texts would be written.
 */
export function writeCsvColumnsAtomic(path: string, header: readonly string[], columns: readonly CsvColumn[]): void {
  writeThroughAtomic(path, (fd) => writeColumns(fd, header, columns));
}

function segmentsOf(columns: readonly CsvColumn[]): Segment[] {
  const segments: Segment[] = [];
  for (const column of columns) {
    if (column.kind === 'factor') {
      const encoded = column.values.map((value) => Buffer.from(csvField(value), 'utf8'));
      const offsets = new Uint32Array(encoded.length + 1);
      encoded.forEach((bytes, c) => {
        offsets[c + 1] = offsets[c]! + bytes.length;
      });
      segments.push({ kind: 'factor', index: column.index, pool: Buffer.concat(encoded), offsets });
      continue;
    }
    if (column.kind === 'cells') {
      segments.push({ kind: 'cells', cells: column.cells });
      continue;
    }
    if (column.kind === 'texts') {
      const edits = column.edits ?? { rows: new Int32Array(0), cells: [] };
      segments.push({ kind: 'texts', texts: column.texts, editRows: edits.rows, editCells: edits.cells, nextEdit: 0 });
      continue;
    }
    const store = cellBytesOf(column.table, column.column);
    if (store === undefined) {
      segments.push({ kind: 'cells', cells: column.table.columns[column.column]! });
      continue;
    }
    const previous = segments[segments.length - 1];
    if (previous?.kind === 'run' && previous.store === store && previous.to + 1 === column.column) previous.to++;
    else segments.push({ kind: 'run', store, from: column.column, to: column.column, nextQuote: -1, nextCr: -1 });
  }
  return segments;
}

function writeColumns(fd: number, header: readonly string[], columns: readonly CsvColumn[]): void {
  const nrow = columns.length > 0 ? csvColumnLength(columns[0]!) : 0;
  for (const column of columns) {
    if (csvColumnLength(column) !== nrow) throw new Error('writeCsvColumnsAtomic: columns of different lengths');
  }
  const segments = segmentsOf(columns);
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let pos = 0;
  const flush = (): void => {
    let done = 0;
    while (done < pos) done += writeSync(fd, buffer, done, pos - done);
    pos = 0;
  };
  /** Makes room for `bytes` more bytes. */
  const ensure = (bytes: number): void => {
    if (pos + bytes <= buffer.length) return;
    flush();
    if (bytes > buffer.length) buffer = Buffer.allocUnsafe(bytes);
  };
  /** Writes a string as its CSV field. */
  const putString = (cell: string): void => {
    const length = cell.length;
    ensure(3 * length + 2);
    let k = 0;
    for (; k < length; k++) {
      const c = cell.charCodeAt(k);
      if (c >= 0x80 || c === QUOTE || c === COMMA || c === LF || c === CR) break;
      buffer[pos + k] = c;
    }
    if (k === length) {
      pos += length;
      return;
    }
    const text = csvField(cell);
    ensure(3 * text.length);
    pos += buffer.write(text, pos, 'utf8');
  };
  /** Copies file bytes [start, end). */
  const putBytes = (bytes: Buffer, start: number, end: number): void => {
    const length = end - start;
    ensure(length);
    if (length <= 64) {
      // A native copy costs more than a loop for short ranges (it makes a view of the source).
      for (let k = 0; k < length; k++) buffer[pos + k] = bytes[start + k]!;
    } else {
      bytes.copy(buffer, pos, start, end);
    }
    pos += length;
  };
  /** Writes a text held as bytes as its CSV field. */
  const putText = (bytes: Buffer, start: number, end: number): void => {
    let special = false;
    for (let k = start; !special && k < end; k++) {
      const b = bytes[k]!;
      special = b === QUOTE || b === COMMA || b === LF || b === CR;
    }
    if (!special) {
      putBytes(bytes, start, end);
      return;
    }
    ensure(2 * (end - start) + 2);
    buffer[pos++] = QUOTE;
    for (let k = start; k < end; k++) {
      const b = bytes[k]!;
      if (b === QUOTE) buffer[pos++] = QUOTE;
      buffer[pos++] = b;
    }
    buffer[pos++] = QUOTE;
  };
  /** Writes one file cell as its text would be written. */
  const putFileCell = (bytes: Buffer, start: number, end: number): void => {
    if (end > start && bytes[start] === QUOTE) {
      // Quoted: the quotes stay when the text needs them (the inner bytes are then already escaped).
      let special = false;
      for (let k = start + 1; !special && k < end - 1; k++) {
        const b = bytes[k]!;
        special = b === QUOTE || b === COMMA || b === LF || b === CR;
      }
      if (special) putBytes(bytes, start, end);
      else putBytes(bytes, start + 1, end - 1);
      return;
    }
    // Unquoted: the bytes are the text.
    putText(bytes, start, end);
  };

  const headerLine = `${header.map(csvField).join(',')}\n`;
  ensure(3 * headerLine.length);
  pos += buffer.write(headerLine, pos, 'utf8');
  if (columns.length === 0) {
    flush();
    return;
  }
  for (let i = 0; i < nrow; i++) {
    for (let s = 0; s < segments.length; s++) {
      if (s > 0) {
        ensure(1);
        buffer[pos++] = COMMA;
      }
      const segment = segments[s]!;
      if (segment.kind === 'run') {
        const { bytes, ncol, cellStart, rowEnd } = segment.store;
        const base = i * ncol;
        const start = cellStart[base + segment.from]!;
        const end = segment.to + 1 < ncol ? cellStart[base + segment.to + 1]! - 1 : rowEnd[i]!;
        // The next quote and carriage return at or after this row's run (found once, reused while ahead).
        if (segment.nextQuote < start) segment.nextQuote = indexOrEnd(bytes, QUOTE, start);
        if (segment.nextCr < start) segment.nextCr = indexOrEnd(bytes, CR, start);
        if (segment.nextQuote >= end && segment.nextCr >= end) {
          putBytes(bytes, start, end);
        } else {
          for (let j = segment.from; j <= segment.to; j++) {
            if (j > segment.from) {
              ensure(1);
              buffer[pos++] = COMMA;
            }
            const cellEnd = j + 1 < ncol ? cellStart[base + j + 1]! - 1 : rowEnd[i]!;
            putFileCell(bytes, cellStart[base + j]!, cellEnd);
          }
        }
      } else if (segment.kind === 'texts') {
        if (segment.nextEdit < segment.editRows.length && segment.editRows[segment.nextEdit] === i) {
          putString(segment.editCells[segment.nextEdit++]!);
        } else {
          const { bytes, start, end } = segment.texts;
          putText(bytes, start[i]!, end[i]!);
        }
      } else if (segment.kind === 'factor') {
        const c = segment.index[i]!;
        putBytes(segment.pool, segment.offsets[c]!, segment.offsets[c + 1]!);
      } else {
        putString(segment.cells[i]!);
      }
    }
    ensure(1);
    buffer[pos++] = LF;
  }
  flush();
}

/** Position of the first `value` byte at or after `from`, or the length when there is none. */
function indexOrEnd(bytes: Buffer, value: number, from: number): number {
  const at = bytes.indexOf(value, from);
  return at < 0 ? bytes.length : at;
}
