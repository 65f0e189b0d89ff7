import { loadCodebook, synthesizeSurvey, writeCsvFileAtomic } from '@leakrisk/survey';
import { withOutputs } from './output/index.js';
import { bundledCodebookPath } from './paths.js';
import { makeProgress } from './progress.js';

/** `leakrisk synth --n N --seed S --out raw.csv`: a synthetic raw survey, same seed → same bytes. */
export async function synthCommand(options: { n: number; seed: number; out: string; codebook?: string; quiet?: boolean }): Promise<void> {
  const progress = makeProgress(options.quiet);
  const codebookPath = options.codebook ?? bundledCodebookPath();
  const columns = await withOutputs((outputs) => {
    outputs.reads(options.codebook === undefined ? 'the bundled codebook' : '--codebook', codebookPath);
    const csvFile = outputs.file('--out', options.out);
    const codebook = loadCodebook(codebookPath);
    progress.step(`generating ${options.n} synthetic respondents (seed ${options.seed})`);
    const survey = synthesizeSurvey({ n: options.n, seed: options.seed, codebook });
    writeCsvFileAtomic(csvFile, survey.header, survey.columns);
    return survey.header.length;
  });
  if (!options.quiet) {
    process.stderr.write(
      `Wrote ${options.n} SYNTHETIC respondents (${columns} columns, seed ${options.seed}) to ${options.out}.\n` +
        'It holds fake names, phone numbers, CNICs, emails and free text, like a raw survey: anonymize it before sharing.\n',
    );
  }
}
