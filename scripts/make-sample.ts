/**
 * Regenerates the bundled SYNTHETIC sample: `pnpm sample` (tsx scripts/make-sample.ts).
 * Same seed, same bytes: running it again must leave `git diff` empty.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCodebook } from '../packages/survey/src/codebook/index.js';
import { formatCsv } from '../packages/survey/src/io/csv.js';
import { writeFileAtomic } from '../packages/survey/src/io/atomicWrite.js';
import { synthesizeSurvey } from '../packages/survey/src/synth/index.js';

const N = 3000;
const SEED = 20251001;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const codebook = loadCodebook(join(root, 'data/instrument/codebook.json'));
const survey = synthesizeSurvey({ n: N, seed: SEED, codebook });
const out = join(root, 'data/sample/synthetic-survey-3000.csv');
writeFileAtomic(out, formatCsv(survey.header, survey.columns));
process.stdout.write(`wrote ${N} SYNTHETIC respondents (seed ${SEED}) to ${out}\n`);
