#!/usr/bin/env node
// SPSS reading benchmark (`pnpm bench`): the analysis benchmark's 1,000,000-row survey (generate.mjs)
// written both as CSV and as a bytecode-compressed .sav (savWriter.mjs: the same values, categorical
// columns as strings), then `leakrisk analyze` with the same 8-analysis plan on each, back to back,
// as whole CLI processes (node packages/cli/bin/leakrisk.mjs; the bundle when the build is current).
// Target (issue 11): the .sav within 2× of the CSV's wall time.
// Options: --rows N (default 1,000,000), --keep (keep the temporary folder).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchPlan, generateSurvey } from './generate.mjs';
import { benchCsvToSav } from './savWriter.mjs';
import { measure } from '../../../scripts/bench/measure.mjs';
import { buildIsCurrent } from '../../cli/bin/buildState.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const cli = join(root, 'packages', 'cli', 'bin', 'leakrisk.mjs');
const TARGET_RATIO = 2;

export async function runAnalyzeSavBench({ rows = 1_000_000, keep = false } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'leakrisk-sav-bench-'));
  try {
    const { path: csv } = await generateSurvey({ rows, out: join(folder, 'survey.csv') });
    const sav = join(folder, 'survey.sav');
    await benchCsvToSav(csv, sav);
    const plan = join(folder, 'plan.json');
    writeFileSync(plan, JSON.stringify(benchPlan, null, 2));
    const how = buildIsCurrent(root)
      ? 'node packages/cli/bin/leakrisk.mjs analyze (whole CLI process, bundle)'
      : 'BUILD MISSING OR OLDER THAN THE SOURCES: the CLI ran the TypeScript sources through tsx; run `pnpm build` first for real numbers';
    const run = (data, out) => {
      const result = measure(process.execPath, [cli, 'analyze', '--data', data, '--plan', plan, '--out', join(folder, out), '--quiet'], { cwd: root });
      if (result.status !== 0) throw new Error(`analyze --data ${data} failed (exit ${result.status}):\n${result.stderr}`);
      return result;
    };
    const fromCsv = run(csv, 'results-csv');
    const fromSav = run(sav, 'results-sav');
    // The same data gives the same estimates whichever file it came from.
    const estimates = (out) =>
      JSON.parse(readFileSync(join(folder, out, 'results.json'), 'utf8')).results.map((r) => r.rows.map((row) => row.estimate ?? row.statistic));
    const same = JSON.stringify(estimates('results-csv')) === JSON.stringify(estimates('results-sav'));
    const ratio = fromSav.seconds / fromCsv.seconds;
    const mb = (m) => (m.peakMb === null ? 'n/a' : `${m.peakMb.toFixed(0)} MB`);
    console.log(
      [
        '',
        `SPSS benchmark: ${rows.toLocaleString('en')} rows, the analysis benchmark's 8-analysis plan   [${how}]`,
        `  analyze survey.csv: ${fromCsv.seconds.toFixed(2)} s wall, peak ${mb(fromCsv)}`,
        `  analyze survey.sav: ${fromSav.seconds.toFixed(2)} s wall, peak ${mb(fromSav)}`,
        `  same estimates from both: ${same ? 'yes' : 'NO'}`,
        `  .sav / .csv: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×): ${ratio <= TARGET_RATIO ? 'MET' : 'NOT MET'}`,
      ].join('\n'),
    );
    return { rows, csvSeconds: fromCsv.seconds, savSeconds: fromSav.seconds, ratio, same, ok: same && ratio <= TARGET_RATIO };
  } finally {
    if (!keep) rmSync(folder, { recursive: true, force: true });
    else console.log(`kept ${folder}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const k = args.indexOf('--rows');
  const result = await runAnalyzeSavBench({ rows: k >= 0 ? Number(args[k + 1]) : 1_000_000, keep: args.includes('--keep') });
  if (!result.ok) process.exitCode = 1;
}
