#!/usr/bin/env node
// Replicate-weight benchmark (`pnpm bench`): a 1,000,000-row survey of 40 strata × 2 PSUs analysed on the
// JKn design made from it (80 replicates) — a mean, a mean by gender and a gaussian glm — and svyolr on
// 100,000 rows of the same kind, each run through the CLI as a user runs it
// (`pnpm leakrisk analyze --data … --plan … --out …`, pnpm's start-up included) and, when Rscript with
// the survey package is installed, in R on the same file (bench/replicates.R, bench/replicatesOrdinal.R).
// Targets (issue 12): the analyses ≥ 10× faster than R within 1.5 GB peak memory; svyolr ≥ 5× faster.
// Options: --rows N (default 1,000,000), --ordinal-rows N (default 100,000), --keep, --no-r.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReplicateSurvey, ordinalPlan, replicatePlan } from './generateReplicates.mjs';
import { measure } from '../../../scripts/bench/measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const cli = join(root, 'packages', 'cli', 'bin', 'leakrisk.mjs');

function hasPnpm() {
  return spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).status === 0;
}

function rHasSurvey() {
  const run = spawnSync('Rscript', ['-e', 'cat(requireNamespace("survey", quietly = TRUE))'], { encoding: 'utf8' });
  return run.status === 0 && run.stdout.trim() === 'TRUE';
}

/** One case: our CLI and R on the same generated file. */
async function runCase({ name, rows, plan, rScript, targetRatio, targetMb, folder, withR }) {
  const data = join(folder, `${name}.csv`);
  await generateReplicateSurvey({ rows, out: data });
  const planFile = join(folder, `${name}.plan.json`);
  writeFileSync(planFile, JSON.stringify(plan, null, 2));
  const args = ['analyze', '--data', data, '--plan', planFile, '--out', join(folder, `${name}-results`), '--quiet'];
  const ours = hasPnpm() ? measure('pnpm', ['--silent', 'leakrisk', ...args], { cwd: root }) : measure(process.execPath, [cli, ...args], { cwd: root });
  if (ours.status !== 0) {
    console.error(ours.stderr);
    throw new Error(`${name}: the analysis failed (exit ${ours.status})`);
  }
  let r = null;
  if (withR && rHasSurvey()) {
    r = measure('Rscript', [join(here, rScript), data]);
    if (r.status !== 0) {
      console.error(r.stderr);
      r = null;
    }
  }
  const ratio = r ? r.seconds / ours.seconds : null;
  const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'MET' : 'NOT MET');
  const speedOk = ratio === null ? null : ratio >= targetRatio;
  const memoryOk = targetMb === null || ours.peakMb === null ? null : ours.peakMb <= targetMb;
  const mb = (m) => (m === null ? 'n/a' : `${m.toFixed(0)} MB`);
  console.log(
    [
      '',
      `replicate benchmark ${name}: ${rows.toLocaleString('en')} rows, JKn from 40 strata × 2 PSUs (80 replicates): ${plan.analyses.map((a) => a.id).join(', ')}`,
      `  leakrisk: ${ours.seconds.toFixed(2)} s wall, peak ${mb(ours.peakMb)}   [${hasPnpm() ? 'pnpm leakrisk analyze' : 'node packages/cli/bin/leakrisk.mjs analyze'}]`,
      r
        ? `  R survey: ${r.seconds.toFixed(2)} s wall, peak ${mb(r.peakMb)}   (${/R read\.csv.*$/m.exec(r.stdout)?.[0] ?? ''})`
        : '  R survey: not run (Rscript with the survey package is not installed, or --no-r)',
      `  speed:  ${ratio === null ? 'n/a' : `${ratio.toFixed(1)}× faster than R`} (target ≥ ${targetRatio}×): ${verdict(speedOk)}`,
      ...(targetMb === null ? [] : [`  memory: ${mb(ours.peakMb)} (target ≤ ${targetMb} MB): ${verdict(memoryOk)}`]),
    ].join('\n'),
  );
  return { name, rows, seconds: ours.seconds, peakMb: ours.peakMb, rSeconds: r?.seconds ?? null, ratio, speedOk, memoryOk };
}

export async function runReplicatesBench({ rows = 1_000_000, ordinalRows = 100_000, keep = false, withR = true } = {}) {
  if (!existsSync(cli)) throw new Error('the CLI is not there: run `pnpm build` first');
  const folder = mkdtempSync(join(tmpdir(), 'leakrisk-replicates-bench-'));
  try {
    const analyses = await runCase({ name: 'jkn', rows, plan: replicatePlan, rScript: 'replicates.R', targetRatio: 10, targetMb: 1536, folder, withR });
    const ordinal = await runCase({
      name: 'ordinal',
      rows: ordinalRows,
      plan: ordinalPlan,
      rScript: 'replicatesOrdinal.R',
      targetRatio: 5,
      targetMb: null,
      folder,
      withR,
    });
    return [analyses, ordinal];
  } finally {
    if (!keep) rmSync(folder, { recursive: true, force: true });
    else console.log(`kept ${folder}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const k = args.indexOf(name);
    return k >= 0 ? Number(args[k + 1]) : fallback;
  };
  const results = await runReplicatesBench({
    rows: get('--rows', 1_000_000),
    ordinalRows: get('--ordinal-rows', 100_000),
    keep: args.includes('--keep'),
    withR: !args.includes('--no-r'),
  });
  if (results.some((r) => r.speedOk === false || r.memoryOk === false)) process.exitCode = 1;
}
