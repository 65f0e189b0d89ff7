import { loadCodebook, missingCodesOf, readCsvBytes, readCsvFile, type Codebook, type IncomingBytes, type Table } from '@leakrisk/survey';
import type { Progress } from './progress.js';
import { relativeToFile } from './paths.js';

/**
 * Reads the data file and the codebook that goes with it: `--codebook` wins, else the `codebook`
 * path written inside the plan or config (relative to that file), else none.
 */
export async function loadInputs(options: {
  data: string;
  codebook?: string | undefined;
  codebookFromFile?: string | undefined;
  codebookInFile?: string | undefined;
  /** The data file when already being read (see `readDataInBackground`); undefined = read it here. */
  bytes?: Promise<{ bytes: Buffer; incoming: IncomingBytes } | undefined>;
  progress: Progress;
}): Promise<{ table: Table; codebook: Codebook | undefined; codebookPath: string | undefined }> {
  const codebookPath =
    options.codebook ?? (options.codebookInFile && options.codebookFromFile ? relativeToFile(options.codebookFromFile, options.codebookInFile) : undefined);
  const codebook = codebookPath === undefined ? undefined : loadCodebook(codebookPath);
  options.progress.step(`reading ${options.data}`);
  const reading = await options.bytes;
  const table = reading === undefined ? await readCsvFile(options.data) : readCsvBytes(reading.bytes, options.data, reading.incoming);
  return { table, codebook, codebookPath };
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
