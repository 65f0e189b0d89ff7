#!/usr/bin/env node
// Anonymization benchmark (`pnpm bench`): a 1,000,000-row synthetic raw survey (fake names, phones,
// CNICs, emails, free-text comments with PII) anonymized with 5 quasi-identifiers (age bands,
// gender, province, district with its hierarchy, area), k = 5, distinct l = 2 on vb1, pseudonymized
// respondent ids, a date shift and comment scrubbing, through the CLI exactly as a user runs it
// (`node packages/cli/bin/leakrisk.mjs anonymize --data … --config … --out … --audit …`).
// Prints wall time and peak memory (from /usr/bin/time -v) against the targets: ≤ 30 s, ≤ 2 GB.
// Options: --rows N (default 1,000,000), --keep (keep the temporary folder).
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from '../../../scripts/bench/measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const cli = join(root, 'packages', 'cli', 'bin', 'leakrisk.mjs');
const anonymizeDist = join(root, 'packages', 'anonymize', 'dist', 'index.js');
const surveyDist = join(root, 'packages', 'survey', 'dist', 'index.js');
const codebookPath = join(root, 'data', 'instrument', 'codebook.json');
const TARGET_SECONDS = 30;
const TARGET_MB = 2048;
// A fixed benchmark key (synthetic data only; never use a committed key on real data).
const BENCH_KEY = 'bench-key-0123456789abcdef0123456789';

/** The header line of a CSV without reading the whole file. */
function firstLine(path) {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const bytes = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytes).toString('utf8').split('\n')[0];
  } finally {
    closeSync(fd);
  }
}

/** Node flags that load workspace packages from source when they are not built. */
function sourceFlags() {
  return existsSync(surveyDist) && existsSync(anonymizeDist) ? [] : ['--conditions=development', '--import', 'tsx'];
}

function cliHasAnonymize() {
  if (!existsSync(cli)) return false;
  const run = spawnSync(process.execPath, [cli, 'anonymize', '--help'], { encoding: 'utf8', cwd: root });
  return run.status === 0 && /--audit/.test(run.stdout + run.stderr);
}

/** The benchmark config: every codebook column classified; 5 quasi-identifiers. */
function benchConfig(header) {
  const columns = {};
  for (const name of header) columns[name] = 'keep';
  for (const name of ['name', 'phone', 'cnic', 'email']) columns[name] = 'drop';
  columns.resp_id = 'pseudonymize';
  columns.interview_date = { role: 'dateShift', maxDays: 14 };
  columns.comment = 'scrub';
  columns.province = { role: 'quasi', importance: 1 };
  columns.gender = { role: 'quasi', importance: 2 };
  columns.age = { role: 'quasi', recode: { bands: [18, 26, 36, 46, 56, 66] }, importance: 3 };
  columns.area = { role: 'quasi', importance: 4 };
  columns.district = { role: 'quasi', hierarchy: 'district.csv', importance: 5 };
  return {
    columns,
    privacy: { k: 5, l: { sensitive: ['vb1'], distinct: 2 }, weights: 'weight', maxSuppressedShare: 0.05, missingMatches: 'any' },
    keyFrom: 'env:LEAKRISK_KEY',
  };
}

export async function runAnonymizeBench({ rows = 1_000_000, keep = false } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'leakrisk-anonymize-bench-'));
  try {
    const data = join(folder, 'raw.csv');
    const t0 = process.hrtime.bigint();
    const gen = spawnSync(process.execPath, [...sourceFlags(), join(here, 'generate.mjs'), '--rows', String(rows), '--out', data], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (gen.status !== 0) throw new Error('generating the raw survey failed');
    console.log(`generated ${rows.toLocaleString('en')} raw rows in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s: ${data}`);
    const header = firstLine(data).split(',');
    const config = join(folder, 'anon.json');
    writeFileSync(config, JSON.stringify(benchConfig(header), null, 2));
    copyFileSync(join(root, 'data', 'hierarchies', 'district.csv'), join(folder, 'district.csv'));
    const out = join(folder, 'anon.csv');
    const audit = join(folder, 'audit.json');
    const env = { ...process.env, LEAKRISK_KEY: BENCH_KEY };

    if (!cliHasAnonymize()) throw new Error('the CLI (packages/cli/bin/leakrisk.mjs) is missing or has no `anonymize`: run `pnpm build` first');
    const how = 'node packages/cli/bin/leakrisk.mjs anonymize (whole CLI process)';
    const run = measure(
      process.execPath,
      [cli, 'anonymize', '--data', data, '--config', config, '--codebook', codebookPath, '--out', out, '--audit', audit, '--quiet'],
      { cwd: root, env },
    );
    if (run.status !== 0) {
      console.error(run.stderr);
      throw new Error(`the anonymization failed (exit ${run.status})`);
    }
    const result = JSON.parse(readFileSync(audit, 'utf8'));
    const levels = result.quasiIdentifiers.map((q) => `${q.column}@${q.chosenLevelName}`).join(', ');
    const lines = [];
    lines.push('', `anonymize benchmark: ${rows.toLocaleString('en')} rows, 5 quasi-identifiers, k = 5, distinct l = 2, scrubbing on`);
    lines.push(
      `  leakrisk: ${run.seconds.toFixed(2)} s wall, peak ${run.peakMb === null ? 'n/a (no /usr/bin/time)' : `${run.peakMb.toFixed(0)} MB`}   [${how}]`,
    );
    lines.push(
      `  chose ${levels}; ${result.privacy.suppressedRecords} records (${(100 * result.privacy.suppressedShare).toFixed(2)}%) with a suppressed cell; k achieved ${result.privacy.achieved.k}; ${result.search.evaluated} of ${result.search.latticeSize} lattice nodes evaluated`,
    );
    const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'MET' : 'NOT MET');
    const memoryOk = run.peakMb === null ? null : run.peakMb <= TARGET_MB;
    lines.push(`  time:   ${run.seconds.toFixed(1)} s (target ≤ ${TARGET_SECONDS} s): ${verdict(run.seconds <= TARGET_SECONDS)}`);
    lines.push(`  memory: ${run.peakMb === null ? 'n/a' : `${run.peakMb.toFixed(0)} MB`} (target ≤ ${TARGET_MB} MB): ${verdict(memoryOk)}`);
    console.log(lines.join('\n'));
    return { rows, seconds: run.seconds, peakMb: run.peakMb, how };
  } finally {
    if (!keep) rmSync(folder, { recursive: true, force: true });
    else console.log(`kept ${folder}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const r = args.indexOf('--rows');
  await runAnonymizeBench({ rows: r >= 0 ? Number(args[r + 1]) : 1_000_000, keep: args.includes('--keep') });
}
