import { writeSync } from 'node:fs';
import type { Column, CsvCells, Utf8Column } from '../table/column.js';
import { writeThroughAtomic } from './atomicWrite.js';
import { csvField } from './csv.js';
import { bytesStartFormula } from './neutralizeFormula.js';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const APOSTROPHE = 39;
const CHUNK_BYTES = 8 << 20;

/** First bytes that may start a spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR): see `startsFormula`. */
function mayStartFormula(byte: number | undefined): boolean {
  return byte === 61 || byte === 43 || byte === 45 || byte === 64 || byte === 9 || byte === 13;
}

/** What the writer does for one output column, or for a run of adjacent columns of the same CSV file. */
type Segment =
  | { kind: 'strings'; column: Column }
  | { kind: 'utf8'; texts: Utf8Column }
  | { kind: 'dictionary'; codes: Int32Array; pool: Buffer; offsets: Uint32Array }
  | { kind: 'run'; cells: CsvCells; from: number; to: number; nextQuote: number; nextCr: number };

/**
 * Writes columns as a CSV file exactly as {@link writeCsvFileAtomic} writes their texts (UTF-8
 * without BOM, LF, RFC 4180 quoting only where a cell holds a quote, comma or line break, a text that
 * would start a spreadsheet formula after a `'`, as `csvField` writes every cell), atomically,
 * through one reused buffer, without a string per cell where the column has none: columns still in a
 * CSV file's bytes are copied from them (a run of adjacent ones as one block per row when it holds no
 * quote and no carriage return, otherwise cell by cell, unquoting needlessly quoted cells and quoting
 * cells whose text needs it, so that the bytes come out as the texts would be written); a dictionary's
 * levels are encoded once; UTF-8 texts are copied.
 */
export function writeCsvColumnsAtomic(path: string, header: readonly string[], columns: readonly Column[]): void {
  writeThroughAtomic(path, (fd) => writeColumns(fd, header, columns));
}

function segmentsOf(columns: readonly Column[]): Segment[] {
  const segments: Segment[] = [];
  for (const column of columns) {
    if (column.kind === 'dictionary') {
      // Slot 0: the missing code (an empty cell); slot c + 1: level c.
      const encoded = ['', ...column.levels].map((value) => Buffer.from(csvField(value), 'utf8'));
      const offsets = new Uint32Array(encoded.length + 1);
      encoded.forEach((bytes, c) => {
        offsets[c + 1] = offsets[c]! + bytes.length;
      });
      segments.push({ kind: 'dictionary', codes: column.codes, pool: Buffer.concat(encoded), offsets });
      continue;
    }
    if (column.kind === 'utf8') {
      segments.push({ kind: 'utf8', texts: column });
      continue;
    }
    if (column.kind !== 'bytes') {
      segments.push({ kind: 'strings', column });
      continue;
    }
    const previous = segments[segments.length - 1];
    if (previous?.kind === 'run' && previous.cells === column.cells && previous.to + 1 === column.index) previous.to++;
    else segments.push({ kind: 'run', cells: column.cells, from: column.index, to: column.index, nextQuote: -1, nextCr: -1 });
  }
  return segments;
}

function writeColumns(fd: number, header: readonly string[], columns: readonly Column[]): void {
  const nrow = columns.length > 0 ? columns[0]!.length : 0;
  for (const column of columns) {
    if (column.length !== nrow) throw new Error('writeCsvColumnsAtomic: columns of different lengths');
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
    // A text that may start a formula goes through csvField, which neutralises it.
    let k = mayStartFormula(cell.charCodeAt(0)) ? -1 : 0;
    for (; k >= 0 && k < length; k++) {
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
  /** Writes a text held as bytes as its CSV field (after a `'` when it would start a formula). */
  const putText = (bytes: Buffer, start: number, end: number): void => {
    const formula = mayStartFormula(bytes[start]) && bytesStartFormula(bytes, start, end);
    let special = false;
    for (let k = start; !special && k < end; k++) {
      const b = bytes[k]!;
      special = b === QUOTE || b === COMMA || b === LF || b === CR;
    }
    if (!special) {
      if (formula) {
        ensure(1);
        buffer[pos++] = APOSTROPHE;
      }
      putBytes(bytes, start, end);
      return;
    }
    ensure(2 * (end - start) + 3);
    buffer[pos++] = QUOTE;
    if (formula) buffer[pos++] = APOSTROPHE;
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
      // Quoted: the quotes stay when the text needs them (the inner bytes are then already escaped;
      // an escaped quote never starts a formula, so the first inner byte is the text's).
      let special = false;
      for (let k = start + 1; !special && k < end - 1; k++) {
        const b = bytes[k]!;
        special = b === QUOTE || b === COMMA || b === LF || b === CR;
      }
      const formula = mayStartFormula(bytes[start + 1]) && bytesStartFormula(bytes, start + 1, end - 1);
      if (special) {
        ensure(1);
        buffer[pos++] = QUOTE;
        if (formula) putBytes(APOSTROPHE_BYTE, 0, 1);
        putBytes(bytes, start + 1, end);
      } else {
        if (formula) putBytes(APOSTROPHE_BYTE, 0, 1);
        putBytes(bytes, start + 1, end - 1);
      }
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
        const { bytes, ncol, cellStart, rowEnd } = segment.cells;
        const base = i * ncol;
        const start = cellStart[base + segment.from]!;
        const end = segment.to + 1 < ncol ? cellStart[base + segment.to + 1]! - 1 : rowEnd[i]!;
        // The next quote and carriage return at or after this row's run (found once, reused while ahead).
        if (segment.nextQuote < start) segment.nextQuote = indexOrEnd(bytes, QUOTE, start);
        if (segment.nextCr < start) segment.nextCr = indexOrEnd(bytes, CR, start);
        // The block is copied as it is unless a cell of it may start a formula.
        let plain = segment.nextQuote >= end && segment.nextCr >= end;
        for (let j = segment.from; plain && j <= segment.to; j++) if (mayStartFormula(bytes[cellStart[base + j]!])) plain = false;
        if (plain) {
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
      } else if (segment.kind === 'utf8') {
        const { bytes, start, end } = segment.texts;
        putText(bytes, start[i]!, end[i]!);
      } else if (segment.kind === 'dictionary') {
        const c = segment.codes[i]! + 1;
        putBytes(segment.pool, segment.offsets[c]!, segment.offsets[c + 1]!);
      } else {
        putString(segment.column.get(i));
      }
    }
    ensure(1);
    buffer[pos++] = LF;
  }
  flush();
}

const APOSTROPHE_BYTE = Buffer.from("'");

/** Position of the first `value` byte at or after `from`, or the length when there is none. */
function indexOrEnd(bytes: Buffer, value: number, from: number): number {
  const at = bytes.indexOf(value, from);
  return at < 0 ? bytes.length : at;
}
