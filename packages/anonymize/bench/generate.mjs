#!/usr/bin/env node
// Writes a synthetic raw survey CSV (fake direct identifiers, free text with PII) for the anonymize
// benchmark, using the survey package's `synthesizeSurvey` on the bundled codebook. Rows are made in
// chunks of 100,000 (seed + chunk index) and streamed to the file, so that 1,000,000 rows never sit in
// one string. Usage: node generate.mjs --rows N --out raw.csv [--seed S]
import { closeSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCsv, loadCodebook, synthesizeSurvey } from '@leakrisk/survey';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CHUNK = 100_000;

export function generateRawSurvey({ rows, out, seed = 20261125 }) {
  const codebook = loadCodebook(join(root, 'data', 'instrument', 'codebook.json'));
  const fd = openSync(out, 'w');
  try {
    for (let done = 0, chunk = 0; done < rows; chunk++) {
      const n = Math.min(CHUNK, rows - done);
      const survey = synthesizeSurvey({ n, seed: seed + chunk, codebook });
      let text = formatCsv(survey.header, survey.columns);
      if (done > 0) text = text.slice(text.indexOf('\n') + 1);
      writeSync(fd, text);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  generateRawSurvey({ rows: Number(get('--rows', '1000000')), out: get('--out', 'raw.csv'), seed: Number(get('--seed', '20261125')) });
}
