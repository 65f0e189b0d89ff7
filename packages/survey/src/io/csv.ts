import { createReadStream, readFileSync } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import Papa from 'papaparse';
import { LeakriskError } from '../errors.js';
import type { Table } from '../table/table.js';
import { textColumn } from '../table/textColumn.js';
import { TextCodes } from '../table/textCodes.js';
import { neutralizeFormula } from './neutralizeFormula.js';
import { parseCsvBytes, type CsvDelimiter } from './csvBytes.js';
import { checkHeader } from './csvHeader.js';
import type { IncomingBytes } from './incoming.js';
import { countLineFeeds, notUtf8 } from './utf8Check.js';
export type { IncomingBytes } from './incoming.js';

/** Parses CSV text (already decoded) into a Table; see {@link readCsvFile} for the rules. */
export function parseCsvText(text: string, file = '<input>'): Table {
  const builder = new TableBuilder(file);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(body, { delimiter: ',', header: false, skipEmptyLines: false, newline: undefined });
  builder.addRows(result.data, result.errors, () => lineOfRowInText(body));
  return builder.finish();
}

/**
 * Reads a CSV file: its bytes are parsed in place (`parseCsvBytes`); a file too large for one Buffer
 * streams through papaparse instead (comma-separated only). The delimiter is `,` or `;`, read from the
 * header line unless given (KoboToolbox's CSV export and Excel in many locales write `;`). UTF-8 is checked strictly (a BOM and CRLF line ends are fine);
 * a row with the wrong number of fields or broken quoting is an error naming its line.
 */
export async function readCsvFile(path: string, displayName = path, delimiter: CsvDelimiter = 'detect'): Promise<Table> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LeakriskError('file not found', { file: displayName }, 'check the path (it is relative to the current folder)');
    if (code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG') return readCsvFileStreaming(path, displayName);
    throw new LeakriskError(`cannot read the file (${code ?? String(error)})`, { file: displayName });
  }
  return readCsvBytes(bytes, displayName, undefined, delimiter);
}

/**
 * Parses a CSV file already held in memory, or still arriving in memory another thread reads it into
 * (`incoming`, see {@link IncomingBytes}): the same checks and table as {@link readCsvFile}, which
 * reads the file and calls it.
 */
export function readCsvBytes(bytes: Buffer, displayName: string, incoming?: IncomingBytes, delimiter: CsvDelimiter = 'detect'): Table {
  return parseCsvBytes(bytes, displayName, incoming, delimiter);
}

/** Files too large for one Buffer (over 2 GB) stream through papaparse instead. */
async function readCsvFileStreaming(path: string, displayName: string): Promise<Table> {
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
  return builder.finish();
}

/**
 * Collects papaparse's rows into text columns. Each distinct cell of a column is kept as one string
 * (through {@link TextCodes}) while the column has few of them (Likert codes, provinces), so that a
 * million-row file holds a handful of strings per such column instead of a million; a column that
 * turns out to have many (names, comments) stops sharing.
 */
class TableBuilder {
  private static readonly SHARED_LIMIT = 512;
  private header: string[] | undefined;
  private columns: string[][] = [];
  private shared: (TextCodes | null)[] = [];
  private nrow = 0;
  /** A trailing empty line (a final newline) is not a row; held back until we know it is last. */
  private pendingBlank = false;

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
        checkHeader(fields, this.file);
        this.header = fields;
        this.columns = fields.map(() => []);
        this.shared = fields.map(() => new TextCodes());
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
      for (let j = 0; j < fields.length; j++) this.columns[j]!.push(this.share(j, fields[j]!));
      this.nrow++;
    }
  }

  finish(): Table {
    if (this.header === undefined) {
      throw new LeakriskError('the file is empty: it has no header row', { file: this.file, line: 1 }, 'give a CSV file whose first line names the columns');
    }
    return { file: this.file, header: this.header, columns: this.columns.map((cells) => textColumn(cells)), nrow: this.nrow };
  }

  /** The column's one string for this cell's text, while the column shares them. */
  private share(j: number, cell: string): string {
    const codes = this.shared[j];
    if (codes === null || codes === undefined) return cell;
    const code = codes.code(cell);
    if (codes.levels.length > TableBuilder.SHARED_LIMIT) {
      this.shared[j] = null;
      return cell;
    }
    return codes.levels[code]!;
  }

  private rejectBlank(lineOf: () => (row: number) => number): never {
    const row = this.nrow + 1;
    throw new LeakriskError(`row ${row} is an empty line`, { file: this.file, line: lineOf()(row), row }, 'remove empty lines from the middle of the file');
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
      this.line += countLineFeeds(chunk);
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
    return notUtf8(chunk, this.file, this.line);
  }
}

/**
 * A cell's text as every CSV the toolkit writes it: a text that would start a spreadsheet formula gets
 * a leading `'` (`neutralizeFormula`), then it is quoted as RFC 4180 asks, only when it holds a comma,
 * a quote or a line break. The one field formatter of `formatCsv`, `formatCsvRows` (analysis CSVs, the
 * report's downloads) and the file writers.
 */
export function csvField(value: string): string {
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
