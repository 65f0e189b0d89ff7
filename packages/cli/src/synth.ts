import { loadCodebook, synthesizeSurvey, writeCsvFileAtomic } from '@leakrisk/survey';
import { bundledCodebookPath } from './paths.js';
import { makeProgress } from './progress.js';

/** `leakrisk synth --n N --seed S --out raw.csv`: a synthetic raw survey, same seed → same bytes. */
export async function synthCommand(options: { n: number; seed: number; out: string; codebook?: string; quiet?: boolean }): Promise<void> {
  const progress = makeProgress(options.quiet);
  const codebookPath = options.codebook ?? bundledCodebookPath();
  const codebook = loadCodebook(codebookPath);
  progress.step(`generating ${options.n} synthetic respondents (seed ${options.seed})`);
  const survey = synthesizeSurvey({ n: options.n, seed: options.seed, codebook });
  writeCsvFileAtomic(options.out, survey.header, survey.columns);
  if (!options.quiet) {
    process.stdout.write(
      `Wrote ${options.n} SYNTHETIC respondents (${survey.header.length} columns, seed ${options.seed}) to ${options.out}.\n` +
        'It holds fake names, phone numbers, CNICs, emails and free text, like a raw survey: anonymize it before sharing.\n',
    );
  }
}
