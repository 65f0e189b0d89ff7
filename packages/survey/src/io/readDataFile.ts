import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { codebookFromSav } from '../codebook/fromSav.js';
import type { Codebook } from '../codebook/types.js';
import { LeakriskError } from '../errors.js';
import { dictionaryColumn } from '../table/dictionaryColumn.js';
import { numberColumn } from '../table/numberColumn.js';
import { tableFromColumns, type Table } from '../table/table.js';
import { textColumn } from '../table/textColumn.js';
import { readCsvBytes, readCsvFile } from './csv.js';
import type { ImportedTable } from './imported.js';
import { completeLength, type IncomingBytes } from './incoming.js';
import { exportColumns, isFormExport, withExportMetadata } from './kobo.js';
import { readSavBytes } from './sav/readSav.js';
import { readXlsxFile } from './xlsx.js';

/** A data file read for analysis or anonymization, whatever its format. */
export interface DataFile {
  table: Table;
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
  /**
   * The file's bytes when the caller is already reading them (the CLI reads on another thread and
   * parses a CSV's rows as they arrive, see `IncomingBytes`); undefined = read the file here.
   */
  bytes?: { bytes: Buffer; incoming?: IncomingBytes } | undefined;
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
    const data = readSavBytes(options.bytes === undefined ? readBytes(path, file) : wholeFile(options.bytes), file);
    return { table: tableFromImported(data), codebook: options.codebook ?? codebookFromSav(data), format: 'sav', formExport: false };
  }
  let table: Table;
  let format: DataFile['format'];
  if (extension === '.xlsx' || extension === '.xlsm') {
    table = tableFromImported(await readXlsxFile(path, file));
    format = 'xlsx';
  } else if (extension === '.csv' || extension === '.txt') {
    table = options.bytes === undefined ? await readCsvPath(path, file) : readCsvAnyDelimiter(options.bytes.bytes, file, options.bytes.incoming);
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
  const codebook = options.codebook === undefined ? undefined : withExportMetadata(options.codebook, mapped.metadata);
  return { table: { ...table, header: mapped.names }, codebook, format, formExport: true };
}

/** Bytes still arriving, once all have arrived. */
function wholeFile(reading: { bytes: Buffer; incoming?: IncomingBytes }): Buffer {
  return reading.incoming === undefined ? reading.bytes : reading.bytes.subarray(0, completeLength(reading.incoming));
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

/** A CSV file read whole, or streamed when it is too large for one buffer (over 2 GB). */
async function readCsvPath(path: string, file: string): Promise<Table> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG') return readCsvFile(path, file);
    bytes = readBytes(path, file); // fails again, with the message for its cause
  }
  return readCsvAnyDelimiter(bytes, file);
}

/** A CSV, `,` or `;` by its header line; a binary file named `.csv` is an error naming what it is. */
function readCsvAnyDelimiter(bytes: Buffer, file: string, incoming?: IncomingBytes): Table {
  if (incoming !== undefined && incoming.completeLength() === undefined) incoming.waitBeyond(3);
  const magic = bytes.toString('latin1', 0, 4);
  if (magic === '$FL2' || magic === '$FL3' || magic.startsWith('PK\u0003\u0004')) {
    throw new LeakriskError(
      `the file is not a CSV: it is ${magic.startsWith('PK') ? 'a zip archive (an Excel .xlsx file, perhaps)' : 'an SPSS file'}`,
      { file },
      `rename it to ${magic.startsWith('PK') ? '.xlsx' : '.sav'} so that the right reader opens it`,
    );
  }
  return readCsvBytes(bytes, file, incoming, 'detect');
}

/** A table from a format reader's typed columns: numbers, dictionary codes and text as they are. */
function tableFromImported(data: ImportedTable): Table {
  return tableFromColumns(
    data.file,
    data.columns.map((column) => ({
      name: column.name,
      column:
        column.kind === 'numbers'
          ? numberColumn(column.values)
          : column.kind === 'dictionary'
            ? dictionaryColumn(column.codes, column.levels)
            : textColumn(column.values),
    })),
  );
}
