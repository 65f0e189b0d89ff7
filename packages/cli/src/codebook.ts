import { writeFileSync } from 'node:fs';
import { codebookFrom } from '@leakrisk/survey';
import { withOutputs } from './output/index.js';

/**
 * `leakrisk codebook --from form.xlsx|data.sav|data.csv --out codebook.json`: the codebook drawn
 * from an XLSForm (levels, labels in every language, non-answers as missing codes), an SPSS file
 * (value and variable labels, user-missing values) or a data file (types guessed), written for the
 * researcher to review and then give as `--codebook`.
 */
export async function codebookCommand(options: { from: string; out: string; quiet?: boolean }): Promise<void> {
  const codebook = await withOutputs(async (outputs) => {
    outputs.reads('--from', options.from);
    const file = outputs.file('--out', options.out);
    const drawn = await codebookFrom(options.from);
    writeFileSync(file, `${JSON.stringify(drawn, null, 2)}\n`);
    return drawn;
  });
  if (options.quiet) return;
  process.stderr.write(
    `Wrote the codebook of ${options.from} (${codebook.variables.length} variables, ${codebook.sections.length} sections) to ${options.out}.\n`,
  );
  for (const note of codebook.notes ?? []) process.stderr.write(`note: ${note}\n`);
}
