import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import Papa from 'papaparse';
import { codebookFromSav } from '../codebook/fromSav.js';
import type { Codebook } from '../codebook/types.js';
import { LeakriskError } from '../errors.js';
import { readCsvBytes, type RawTable } from './csv.js';
import { detectDelimiter } from './delimiter.js';
import { importedCell, type ImportedTable } from './imported.js';
import { exportColumns, isFormExport, withExportMetadata } from './kobo.js';
import { readSavBytes } from './sav/readSav.js';
import { readXlsxFile } from './xlsx.js';

/** A data file read for analysis or anonymization, whatever its format. */
export interface DataFile {
  table: RawTable;
  /**
   * The codebook to use with it: the one given (with a form export's submission and GPS columns
   * added), else the codebook an SPSS file carries, else undefined.
   */
  codebook: Codebook | undefined;
  format: 'csv' | 'sav' | 'xlsx';
  /** A KoboToolbox/ODK/SurveyCTO export, recognised by its submission columns; its headers were mapped to the form's names. */
  formExport: boolean;
}

export interface ReadDataOptions {
  /** The codebook given with the data (from `--codebook`, or drawn from an XLSForm). */
  codebook?: Codebook;
  /** How messages name the file (default: the path). */
  displayName?: string;
}

/**
 * Reads survey data in any format researchers hold, chosen by the file's extension: `.csv` (`,` or
 * `;` delimited, detected from the header), `.sav`/`.zsav` (SPSS), `.xlsx` (first sheet). Content
 * that does not match the extension is an error naming both. A KoboToolbox/ODK export is recognised
 * by its submission columns and its headers become the form's names (`attitudes/vb1` → `vb1`,
 * `online/use/platforms/facebook` → `platforms/facebook`); a header that matches no question of the
 * given form is an error. Nothing downstream needs to know the format.
 *
 * @example
 * const form = await codebookFrom('form.xlsx');
 * const { table, codebook } = await readDataFile('export.csv', { codebook: form });
 */
export async function readDataFile(path: string, options: ReadDataOptions = {}): Promise<DataFile> {
  const file = options.displayName ?? path;
  const extension = extname(path).toLowerCase();
  if (extension === '.sav' || extension === '.zsav') {
    const data = readSavBytes(readBytes(path, file), file);
    return { table: toRawTable(data), codebook: options.codebook ?? codebookFromSav(data), format: 'sav', formExport: false };
  }
  let table: RawTable;
  let format: DataFile['format'];
  if (extension === '.xlsx' || extension === '.xlsm') {
    table = toRawTable(await readXlsxFile(path, file));
    format = 'xlsx';
  } else if (extension === '.csv' || extension === '.txt') {
    table = readCsvAnyDelimiter(readBytes(path, file), file);
    format = 'csv';
  } else {
    throw new LeakriskError(
      `leakrisk does not read "${extension || 'extensionless'}" data files`,
      { file },
      'give the data as .csv, .sav/.zsav (SPSS) or .xlsx (Excel, KoboToolbox/ODK export)',
    );
  }
  if (!isFormExport(table.header)) return { table, codebook: options.codebook, format, formExport: false };
  const mapped = exportColumns(table.header, options.codebook, file);
  table.header.splice(0, table.header.length, ...mapped.names);
  const codebook = options.codebook === undefined ? undefined : withExportMetadata(options.codebook, mapped.metadata);
  return { table, codebook, format, formExport: true };
}

function readBytes(path: string, file: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LeakriskError('file not found', { file }, 'check the path (it is relative to the current folder)');
    throw new LeakriskError(`cannot read the file (${code ?? String(error)})`, { file });
  }
}

/** A CSV whose header decides the delimiter; a binary file named `.csv` is an error naming what it is. */
function readCsvAnyDelimiter(bytes: Buffer, file: string): RawTable {
  const magic = bytes.toString('latin1', 0, 4);
  if (magic === '$FL2' || magic === '$FL3' || magic.startsWith('PK\u0003\u0004')) {
    throw new LeakriskError(
      `the file is not a CSV: it is ${magic.startsWith('PK') ? 'a zip archive (an Excel .xlsx file, perhaps)' : 'an SPSS file'}`,
      { file },
      `rename it to ${magic.startsWith('PK') ? '.xlsx' : '.sav'} so that the right reader opens it`,
    );
  }
  if (detectDelimiter(bytes) === ',') return readCsvBytes(bytes, file);
  return readSemicolonCsv(bytes, file);
}

/** Until the engine's CSV reader takes a delimiter: `;`-separated text through papaparse, with the same field-count rule. */
function readSemicolonCsv(bytes: Buffer, file: string): RawTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LeakriskError(
      'the file is not valid UTF-8 (it may be saved as Windows-1252 or Latin-1)',
      { file },
      'save the file as "CSV UTF-8" (Excel) or convert it',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = Papa.parse<string[]>(text, { delimiter: ';', header: false, skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError !== undefined) {
    throw new LeakriskError(
      `broken quoting (${quoteError.message})`,
      { file, row: quoteError.row },
      'a field that holds a ";", a quote or a line break must be wrapped in double quotes',
    );
  }
  const rows = parsed.data;
  while (rows.length > 1 && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === '') rows.pop();
  const header = rows[0] ?? [];
  const columns: string[][] = header.map(() => []);
  for (let r = 1; r < rows.length; r++) {
    const fields = rows[r]!;
    if (fields.length !== header.length) {
      throw new LeakriskError(
        `row ${r} has ${fields.length} fields but the header has ${header.length}`,
        { file, row: r },
        'every row needs one field per header column; quote fields that contain ";"',
      );
    }
    for (let j = 0; j < fields.length; j++) columns[j]!.push(fields[j]!);
  }
  return { file, header, columns, nrow: rows.length - 1 };
}

/** The columns of a format reader as the cells a CSV would hold (until tables are built from typed columns). */
function toRawTable(data: ImportedTable): RawTable {
  const header = data.columns.map((column) => column.name);
  const columns = data.columns.map((column) => {
    const cells = new Array<string>(data.nrow);
    for (let i = 0; i < data.nrow; i++) cells[i] = importedCell(column, i);
    return cells;
  });
  return { file: data.file, header, columns, nrow: data.nrow };
}
