#!/usr/bin/env node
// Analysis benchmark (`pnpm bench`): generates a 1,000,000-row synthetic stratified cluster survey,
// runs the 8-analysis plan through the CLI exactly as a user does
// (`pnpm leakrisk analyze --data … --plan … --out …`, pnpm's start-up included; plain
// `node packages/cli/bin/leakrisk.mjs` when pnpm is not installed), and reports wall time and
// peak memory (from /usr/bin/time -v when present). When Rscript with the survey package is installed,
// runs the same estimates in R (bench/analyze.R) and prints the speed ratio.
// Targets (issue 3): at least 10× faster than R, at most 600 MB peak memory.
// Options: --rows N (default 1,000,000), --keep (keep the temporary folder), --no-r,
// --library (diagnostic: time packages/survey/dist's readCsvFile + runPlan instead of the CLI).
// `pnpm bench` builds every package first, so the CLI runs its compiled bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchPlan, generateSurvey } from './generate.mjs';
import { measure } from '../../../scripts/bench/measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const cli = join(root, 'packages', 'cli', 'bin', 'leakrisk.mjs');
const surveyDist = join(root, 'packages', 'survey', 'dist', 'index.js');
const TARGET_RATIO = 10;
const TARGET_MB = 600;

function cliHasAnalyze() {
  if (!existsSync(cli)) return false;
  const run = spawnSync(process.execPath, [cli, 'analyze', '--help'], { encoding: 'utf8', cwd: root });
  return run.status === 0 && /--plan/.test(run.stdout + run.stderr);
}

function hasPnpm() {
  const run = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return run.status === 0;
}

function rHasSurvey() {
  const run = spawnSync('Rscript', ['-e', 'cat(requireNamespace("survey", quietly = TRUE))'], { encoding: 'utf8' });
  return run.status === 0 && run.stdout.trim() === 'TRUE';
}

/** A child process that imports this package's build (`--library`: the library without the CLI around it). */
const LIBRARY_RUNNER = `
const [dist, data, plan, out] = process.argv.slice(1);
const lib = await import(dist);
const table = await lib.readCsvFile(data);
const results = lib.runPlan({ table, plan: lib.loadPlan(plan), dataFile: data, planFile: plan,
  dataSha256: '', now: new Date(), toolVersion: 'bench' });
await import('node:fs').then((fs) => fs.writeFileSync(out, JSON.stringify(results)));
`;

export async function runAnalyzeBench({ rows = 1_000_000, keep = false, withR = true, library = false } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'leakrisk-analyze-bench-'));
  try {
    const t0 = process.hrtime.bigint();
    const { path: data } = await generateSurvey({ rows, out: join(folder, 'survey.csv') });
    console.log(`generated ${rows.toLocaleString('en')} rows in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s: ${data}`);
    const plan = join(folder, 'plan.json');
    writeFileSync(plan, JSON.stringify(benchPlan, null, 2));
    const out = join(folder, 'results');

    let ours;
    let how;
    if (!library) {
      if (!cliHasAnalyze()) throw new Error('the CLI (packages/cli/bin/leakrisk.mjs) is missing or has no `analyze`: run `pnpm build` first');
      how = 'node packages/cli/bin/leakrisk.mjs analyze (whole CLI process)';
      const args = ['analyze', '--data', data, '--plan', plan, '--out', out, '--quiet'];
      if (hasPnpm()) {
        // As a user runs it: pnpm's start-up is part of the time.
        how = how.replace('node packages/cli/bin/leakrisk.mjs', 'pnpm leakrisk');
        ours = measure('pnpm', ['--silent', 'leakrisk', ...args], { cwd: root });
      } else {
        how += ' (pnpm is not installed: without its start-up)';
        ours = measure(process.execPath, [cli, ...args], { cwd: root });
      }
    } else if (existsSync(surveyDist)) {
      how = 'LIBRARY ONLY (--library): a Node process importing packages/survey/dist (readCsvFile + runPlan), no CLI';
      ours = measure(process.execPath, ['--input-type=module', '-e', LIBRARY_RUNNER, surveyDist, data, plan, join(folder, 'results.json')], { cwd: root });
    } else {
      throw new Error('packages/survey/dist is not built: run `pnpm build` (turbo build) first');
    }
    if (ours.status !== 0) {
      console.error(ours.stderr);
      throw new Error(`the analysis failed (exit ${ours.status})`);
    }

    let r = null;
    if (withR && rHasSurvey()) {
      r = measure('Rscript', [join(here, 'analyze.R'), data]);
      if (r.status !== 0) {
        console.error(r.stderr);
        r = null;
      }
    }

    const lines = [];
    lines.push(
      '',
      `analysis benchmark: ${rows.toLocaleString('en')} rows, 8 analyses (2 means, total with missing values, 2 by-means, logit proportion, Rao–Scott F, gaussian glm)`,
    );
    lines.push(
      `  leakrisk: ${ours.seconds.toFixed(2)} s wall, peak ${ours.peakMb === null ? 'n/a (no /usr/bin/time)' : `${ours.peakMb.toFixed(0)} MB`}   [${how}]`,
    );
    if (r) {
      const phases = /R read\.csv.*$/m.exec(r.stdout)?.[0] ?? '';
      lines.push(`  R survey: ${r.seconds.toFixed(2)} s wall, peak ${r.peakMb === null ? 'n/a' : `${r.peakMb.toFixed(0)} MB`}   (${phases})`);
    } else lines.push('  R survey: not run (Rscript with the survey package is not installed, or --no-r)');
    const ratio = r ? r.seconds / ours.seconds : null;
    const speedOk = ratio === null ? null : ratio >= TARGET_RATIO;
    const memoryOk = ours.peakMb === null ? null : ours.peakMb <= TARGET_MB;
    const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'MET' : 'NOT MET');
    lines.push(`  speed:  ${ratio === null ? 'n/a' : `${ratio.toFixed(1)}× faster than R`} (target ≥ ${TARGET_RATIO}×): ${verdict(speedOk)}`);
    lines.push(`  memory: ${ours.peakMb === null ? 'n/a' : `${ours.peakMb.toFixed(0)} MB`} (target ≤ ${TARGET_MB} MB): ${verdict(memoryOk)}`);
    console.log(lines.join('\n'));
    return { rows, seconds: ours.seconds, peakMb: ours.peakMb, rSeconds: r?.seconds ?? null, rPeakMb: r?.peakMb ?? null, ratio, speedOk, memoryOk, how };
  } finally {
    if (!keep) rmSync(folder, { recursive: true, force: true });
    else console.log(`kept ${folder}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const k = args.indexOf('--rows');
  const result = await runAnalyzeBench({
    rows: k >= 0 ? Number(args[k + 1]) : 1_000_000,
    keep: args.includes('--keep'),
    withR: !args.includes('--no-r'),
    library: args.includes('--library'),
  });
  if (result.speedOk === false || result.memoryOk === false) process.exitCode = 1;
}
