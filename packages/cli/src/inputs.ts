import { codebookFrom, missingCodesOf, readDataFile, type Codebook, type DataFile, type IncomingBytes, type Table } from '@leakrisk/survey';
import type { Progress } from './progress.js';
import { relativeToFile } from './paths.js';

/**
 * Reads the data file and the codebook that goes with it. The codebook: `--codebook` wins, else
 * the `codebook` path written inside the plan or config (relative to that file), else the one an
 * SPSS file carries, else none; a codebook file may be `codebook.json`/`.yaml`, an XLSForm `.xlsx`
 * or an SPSS `.sav`. The data: `.csv` (`,` or `;`), `.sav`/`.zsav` or `.xlsx`, by extension, with a
 * KoboToolbox/ODK export's headers mapped to the form's names (see `readDataFile`).
 */
export async function loadInputs(options: {
  data: string;
  codebook?: string | undefined;
  codebookFromFile?: string | undefined;
  codebookInFile?: string | undefined;
  /** The data file when already being read (see `readDataInBackground`); undefined = read it here. */
  bytes?: Promise<{ bytes: Buffer; incoming: IncomingBytes } | undefined>;
  progress: Progress;
}): Promise<{ table: Table; codebook: Codebook | undefined; codebookPath: string | undefined; format: DataFile['format']; formExport: boolean }> {
  const codebookPath =
    options.codebook ?? (options.codebookInFile && options.codebookFromFile ? relativeToFile(options.codebookFromFile, options.codebookInFile) : undefined);
  const given = codebookPath === undefined ? undefined : await codebookFrom(codebookPath);
  options.progress.step(`reading ${options.data}`);
  const reading = await options.bytes;
  const data = await readDataFile(options.data, { ...(given === undefined ? {} : { codebook: given }), bytes: reading });
  return { table: data.table, codebook: data.codebook, codebookPath, format: data.format, formExport: data.formExport };
}

/** Each column's declared missing codes (98 "don't know", 99 "refused", …), for the anonymize package. */
export function missingCodesByColumn(table: Table, codebook: Codebook | undefined): Map<string, Set<string>> {
  const codes = new Map<string, Set<string>>();
  if (codebook === undefined) return codes;
  for (const column of table.header) {
    const declared = missingCodesOf(codebook, column);
    if (declared.size > 0) codes.set(column, declared);
  }
  return codes;
}
