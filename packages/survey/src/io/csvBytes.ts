import { isUtf8 } from 'node:buffer';
import { LeakriskError, isLeakriskError } from '../errors.js';
import type { CsvCells } from '../table/column.js';
import type { Table } from '../table/table.js';
import { bytesColumn, csvCellText } from '../table/bytesColumn.js';
import { checkHeader } from './csvHeader.js';
import { completeLength, rowsEnd, type IncomingBytes } from './incoming.js';
import { notUtf8 } from './utf8Check.js';
import { detectDelimiter } from './delimiter.js';

const COMMA = 44;
const SEMICOLON = 59;

/** The field delimiter: `,`, `;`, or `detect` — read from the header line (see {@link detectDelimiter}). */
export type CsvDelimiter = ',' | ';' | 'detect';
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Parses a whole CSV file held in a Buffer (RFC 4180: quoted fields may hold commas, doubled quotes
 * and line breaks) in place: the table's columns keep their cells in the file's bytes (`bytesColumn`),
 * with the byte offset where each cell starts. Checks UTF-8 and field counts, naming the line of any
 * problem.
 *
 * With `incoming`, `bytes` is the memory another thread is reading the file into: rows are parsed as
 * they arrive (up to the last line end outside quotes), so that parsing overlaps reading. Should
 * anything look wrong before the file is complete, the file is parsed again once complete, so the
 * errors (and their order: UTF-8 first) are those of a parse of the whole file.
 */
export function parseCsvBytes(bytes: Buffer, file: string, incoming?: IncomingBytes, delimiter: CsvDelimiter = ','): Table {
  if (incoming === undefined) return parseBytes(bytes, file, undefined, delimiter);
  try {
    const table = parseBytes(bytes, file, incoming, delimiter);
    if (!incoming.isUtf8()) throw notUtf8(bytes.subarray(0, incoming.completeLength()), file);
    return table;
  } catch (error) {
    if (!isLeakriskError(error)) throw error;
    // Parse again, as a whole, once every byte has arrived.
    return parseBytes(bytes.subarray(0, completeLength(incoming)), file, undefined, delimiter);
  }
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
  separator: number,
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
      if (bytes[q] === separator) {
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

function parseBytes(bytes: Buffer, file: string, incoming: IncomingBytes | undefined, delimiter: CsvDelimiter): Table {
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
  const separator = (delimiter === 'detect' ? detectDelimiter(bytes.subarray(pos, end)) : delimiter) === ';' ? SEMICOLON : COMMA;

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
        if (b !== separator && b !== LF && !(b === CR && (q + 1 >= end || bytes[q + 1] === LF))) throw brokenQuote(line);
      }
      return q;
    }
    let q = p;
    while (q < end) {
      const b = bytes[q]!;
      if (b === separator || b === LF) break;
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
    if (q < end && bytes[q] === separator) {
      q++;
      continue;
    }
    break;
  }
  const headerEnd = q;
  const ncol = headerStarts.length;
  const header = headerStarts.map((start, j) => csvCellText(bytes, start, j + 1 < ncol ? headerStarts[j + 1]! - 1 : headerEnd));
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
    const run = quoteFreeRows(bytes, pos, end, nextQuote, cellStart, rowEnd, nrow, capacity, ncol, separator);
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
      if (p < end && bytes[p] === separator) {
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

  const cells: CsvCells = {
    bytes: total < bytes.length ? bytes.subarray(0, total) : bytes,
    ncol,
    nrow,
    cellStart: cellStart.subarray(0, nrow * ncol),
    rowEnd: rowEnd.subarray(0, nrow),
  };
  return { file, header, columns: header.map((_, j) => bytesColumn(cells, j)), nrow };
}
