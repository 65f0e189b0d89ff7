import { createReadStream, readFileSync } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import Papa from 'papaparse';
import { LeakriskError } from '../errors.js';
import { firstInvalidUtf8, parseCsvBytes, type IncomingBytes } from './byteTable.js';
export type { IncomingBytes } from './byteTable.js';

/**
 * A CSV file held by column: `columns[j][i]` is the raw text of data row `i + 1`, column `header[j]`.
 * Cells are kept exactly as written (no trimming, no type guessing); what counts as missing is
 * decided later, per column, by the codebook (`isMissingCell`).
 */
export interface RawTable {
  /** The file name as the user gave it, for messages. */
  file: string;
  header: string[];
  columns: string[][];
  nrow: number;
}

/** Cells that are missing in every column: empty, or the literal `NA`. */
export function isMissingCell(cell: string, missingCodes?: ReadonlySet<string>): boolean {
  return cell === '' || cell === 'NA' || missingCodes?.has(cell) === true;
}

export function columnIndex(table: RawTable, name: string): number {
  return table.header.indexOf(name);
}

/** The raw cells of one column; a clear error when the column is not in the file. */
export function getColumn(table: RawTable, name: string, fix?: string): string[] {
  const j = table.header.indexOf(name);
  if (j < 0) {
    throw new LeakriskError(
      `there is no column "${name}" in the data (columns: ${previewList(table.header)})`,
      { file: table.file, column: name },
      fix ?? 'check the spelling of the column name, or add the column to the data',
    );
  }
  return table.columns[j]!;
}

function previewList(names: string[]): string {
  return names.length <= 12 ? names.join(', ') : `${names.slice(0, 12).join(', ')}, … (${names.length} in all)`;
}

/** Parses CSV text (already decoded) into a RawTable; see {@link readCsvFile} for the rules. */
export function parseCsvText(text: string, file = '<input>'): RawTable {
  const builder = new TableBuilder(file);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(body, { delimiter: ',', header: false, skipEmptyLines: false, newline: undefined });
  builder.addRows(result.data, result.errors, () => lineOfRowInText(body));
  return builder.finish(() => lineOfRowInText(body));
}

/**
 * Reads a CSV file by streaming it through papaparse in chunks, so that files larger than a
 * JavaScript string can hold still load. UTF-8 is checked strictly (a BOM and CRLF line ends are
 * fine); a row with the wrong number of fields or broken quoting is an error naming its line.
 */
export async function readCsvFile(path: string, displayName = path): Promise<RawTable> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LeakriskError('file not found', { file: displayName }, 'check the path (it is relative to the current folder)');
    if (code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG') return readCsvFileStreaming(path, displayName);
    throw new LeakriskError(`cannot read the file (${code ?? String(error)})`, { file: displayName });
  }
  return readCsvBytes(bytes, displayName);
}

/**
 * Parses a CSV file already held in memory, or still arriving in memory another thread reads it into
 * (`incoming`, see {@link IncomingBytes}): the same checks and table as {@link readCsvFile}, which
 * reads the file and calls it.
 */
export function readCsvBytes(bytes: Buffer, displayName: string, incoming?: IncomingBytes): RawTable {
  return parseCsvBytes(bytes, displayName, incoming);
}

/** Files too large for one Buffer (over 2 GB) stream through papaparse instead. */
async function readCsvFileStreaming(path: string, displayName: string): Promise<RawTable> {
  const builder = new TableBuilder(displayName);
  const lineLookup = () => (row: number) => lineOfRowInText(readFileSync(path, 'utf8'))(row);
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    const source = createReadStream(path);
    source.on('error', (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'ENOENT'
          ? new LeakriskError('file not found', { file: displayName }, 'check the path (it is relative to the current folder)')
          : new LeakriskError(`cannot read the file (${error.code ?? error.message})`, { file: displayName }),
      );
    });
    const decoded = source.pipe(new StrictUtf8Decoder(displayName));
    decoded.on('error', fail);
    Papa.parse<string[]>(decoded as unknown as File, {
      delimiter: ',',
      header: false,
      skipEmptyLines: false,
      chunkSize: 8 * 1024 * 1024,
      chunk: (results, parser) => {
        if (failed) return;
        try {
          builder.addRows(results.data, results.errors, lineLookup);
        } catch (error) {
          fail(error); // first: abort() calls complete() synchronously
          parser.abort();
          source.destroy();
        }
      },
      complete: () => {
        if (!failed) resolve();
      },
      error: (error: Error) => fail(new LeakriskError(`cannot parse the CSV (${error.message})`, { file: displayName })),
    });
  });
  return builder.finish(lineLookup);
}

class TableBuilder {
  private header: string[] | undefined;
  private columns: string[][] = [];
  private nrow = 0;
  /** A trailing empty line (a final newline) is not a row; held back until we know it is last. */
  private pendingBlank = false;
  private interner = new CellInterner(0);

  constructor(private readonly file: string) {}

  addRows(rows: string[][], errors: Papa.ParseError[], lineOf: () => (row: number) => number): void {
    const firstError = errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
    if (firstError && firstError.type === 'Quotes') {
      const row = this.nrow + (firstError.row ?? 0);
      throw new LeakriskError(
        `broken quoting (${firstError.message})`,
        { file: this.file, line: row <= 0 ? 1 : lineOf()(row), row: row <= 0 ? undefined : row },
        'a field that holds a comma, a quote or a line break must be wrapped in double quotes, with inner quotes doubled ("")',
      );
    }
    for (const fields of rows) {
      if (this.header === undefined) {
        if (fields.length > 0 && fields[0]!.charCodeAt(0) === 0xfeff) fields[0] = fields[0]!.slice(1);
        this.setHeader(fields);
        continue;
      }
      if (this.pendingBlank) this.rejectBlank(lineOf);
      if (fields.length === 1 && fields[0] === '' && this.header.length > 1) {
        this.pendingBlank = true;
        continue;
      }
      if (fields.length !== this.header.length) {
        const row = this.nrow + 1;
        throw new LeakriskError(
          `row ${row} has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${this.header.length}`,
          { file: this.file, line: lineOf()(row), row },
          'every row needs one field per header column; quote fields that contain commas',
        );
      }
      const columns = this.columns;
      for (let j = 0; j < fields.length; j++) columns[j]!.push(this.interner.intern(j, fields[j]!));
      this.nrow++;
    }
  }

  finish(lineOf: () => (row: number) => number): RawTable {
    void lineOf;
    if (this.header === undefined) {
      throw new LeakriskError('the file is empty: it has no header row', { file: this.file, line: 1 }, 'give a CSV file whose first line names the columns');
    }
    return { file: this.file, header: this.header, columns: this.columns, nrow: this.nrow };
  }

  private rejectBlank(lineOf: () => (row: number) => number): never {
    const row = this.nrow + 1;
    throw new LeakriskError(`row ${row} is an empty line`, { file: this.file, line: lineOf()(row), row }, 'remove empty lines from the middle of the file');
  }

  private setHeader(fields: string[]): void {
    const seen = new Set<string>();
    fields.forEach((name, j) => {
      if (name.trim() === '') {
        throw new LeakriskError(`header column ${j + 1} has no name`, { file: this.file, line: 1 }, 'give every column a name in the first line');
      }
      if (seen.has(name)) {
        throw new LeakriskError(`the header names column "${name}" twice`, { file: this.file, line: 1, column: name }, 'rename one of the two columns');
      }
      seen.add(name);
    });
    this.header = fields;
    this.columns = fields.map(() => []);
    this.interner = new CellInterner(fields.length);
  }
}

/**
 * Shares one string per distinct cell value in low-cardinality columns (Likert codes, provinces),
 * so that a million-row file holds a handful of strings per such column instead of a million: this
 * cuts memory several-fold and the garbage collector's work with it. A column that turns out to have
 * many distinct values (names, comments) stops being interned.
 */
class CellInterner {
  private static readonly LIMIT = 512;
  private readonly maps: (Map<string, string> | null)[];

  constructor(ncol: number) {
    this.maps = Array.from({ length: ncol }, () => new Map<string, string>());
  }

  intern(column: number, cell: string): string {
    const map = this.maps[column];
    if (map === null || map === undefined) return cell;
    const shared = map.get(cell);
    if (shared !== undefined) return shared;
    if (map.size >= CellInterner.LIMIT) {
      this.maps[column] = null;
      return cell;
    }
    map.set(cell, cell);
    return cell;
  }
}

/** Maps a 1-based data row to its 1-based line in the file, following quoted line breaks. */
function lineOfRowInText(text: string): (row: number) => number {
  return (row: number) => {
    let line = 1;
    let records = 0; // completed records, header included
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === 10) {
        line++;
        if (!quoted) {
          records++;
          if (records === row) return line;
        }
      }
    }
    return line;
  };
}

/** Decodes UTF-8 strictly, naming the line of the first invalid byte. */
class StrictUtf8Decoder extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private line = 1;

  constructor(private readonly file: string) {
    super({ decodeStrings: true, readableObjectMode: false, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.line += countNewlines(chunk);
      done(null, text);
    } catch {
      done(this.invalid(chunk));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(new LeakriskError('the file ends in the middle of a UTF-8 character', { file: this.file, line: this.line }, 'save the file as UTF-8'));
    }
  }

  private invalid(chunk: Buffer): LeakriskError {
    const at = firstInvalidUtf8(chunk);
    const line = this.line + countNewlines(chunk.subarray(0, at));
    return new LeakriskError(
      'the file is not valid UTF-8 (it may be saved as Windows-1252 or Latin-1)',
      { file: this.file, line },
      'save the file as "CSV UTF-8" (Excel) or convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv`',
    );
  }
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  let i = bytes.indexOf(10);
  while (i !== -1) {
    n++;
    i = bytes.indexOf(10, i + 1);
  }
  return n;
}

/** Quotes a field as RFC 4180 asks: only when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text (UTF-8 without BOM, LF line ends, header row, RFC 4180 quoting) from columns. */
export function formatCsv(header: readonly string[], columns: readonly (readonly string[])[]): string {
  const nrow = columns.length > 0 ? columns[0]!.length : 0;
  const lines: string[] = [header.map(csvField).join(',')];
  for (let i = 0; i < nrow; i++) {
    let line = '';
    for (let j = 0; j < columns.length; j++) {
      if (j > 0) line += ',';
      line += csvField(columns[j]![i]!);
    }
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** Same as {@link formatCsv} but from rows of cells. */
export function formatCsvRows(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
