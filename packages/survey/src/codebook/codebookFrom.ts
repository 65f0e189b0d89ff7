import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { LeakriskError } from '../errors.js';
import type { ImportedTable } from '../io/imported.js';
import { readDataFile } from '../io/readDataFile.js';
import { readSavBytes } from '../io/sav/readSav.js';
import { openWorkbook } from '../io/workbook.js';
import { readXlsxFile } from '../io/xlsx.js';
import { exportColumns, isFormExport } from '../io/kobo.js';
import { codebookFromSav } from './fromSav.js';
import { codebookFromTable } from './fromTable.js';
import { loadCodebook } from './load.js';
import type { Codebook } from './types.js';
import { readXlsForm } from './xlsform/readXlsForm.js';

/**
 * The codebook a file holds or implies, chosen by extension: `codebook.json`/`.yaml` as written; an
 * XLSForm `.xlsx` (a workbook with a `survey` sheet) read as the form; an SPSS `.sav`/`.zsav` from its
 * dictionary (variable and value labels, user-missing values); a `.csv` or data `.xlsx` drafted from
 * the data (numeric, categorical with its levels, dates, free text) for review. The result always
 * passes the codebook schema. This is what `leakrisk codebook --from FILE` writes and what
 * `--codebook FILE` reads.
 *
 * @example
 * const codebook = await codebookFrom('form.xlsx');   // levels, labels in English and Urdu, missing codes
 */
export async function codebookFrom(path: string, displayName = path): Promise<Codebook> {
  const extension = extname(path).toLowerCase();
  if (extension === '.json' || extension === '.yaml' || extension === '.yml') return loadCodebook(path);
  if (extension === '.sav' || extension === '.zsav') {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new LeakriskError('file not found', { file: displayName }, 'check the path (it is relative to the current folder)');
    }
    return codebookFromSav(readSavBytes(bytes, displayName));
  }
  if (extension === '.xlsx' || extension === '.xlsm') {
    const workbook = await openWorkbook(path, displayName);
    if (workbook.worksheets.some((sheet) => sheet.name.trim().toLowerCase() === 'survey')) return readXlsForm(path, displayName);
    return drafted(await readXlsxFile(path, displayName), 'xlsx');
  }
  if (extension === '.csv' || extension === '.txt') {
    const { table } = await readDataFile(path, { displayName });
    const imported: ImportedTable = {
      file: displayName,
      nrow: table.nrow,
      columns: table.header.map((name, j) => ({ name, kind: 'text', values: [...table.columns[j]!] })),
    };
    return drafted(imported, 'csv');
  }
  throw new LeakriskError(
    `leakrisk cannot draw a codebook from a "${extension || 'extensionless'}" file`,
    { file: displayName },
    'give an XLSForm (.xlsx), an SPSS file (.sav/.zsav), a data file (.csv, .xlsx) or a codebook (.json/.yaml)',
  );
}

/** A data file's draft; a form export's submission columns come typed (and named) as the reader knows them. */
function drafted(table: ImportedTable, format: 'csv' | 'xlsx'): Codebook {
  const header = table.columns.map((c) => c.name);
  if (!isFormExport(header)) return codebookFromTable(table, format);
  const mapped = exportColumns(header, undefined, table.file);
  const renamed: ImportedTable = { ...table, columns: table.columns.map((column, j) => ({ ...column, name: mapped.names[j]! })) };
  return codebookFromTable(renamed, format, mapped.metadata);
}
