#!/usr/bin/env node
// `pnpm demo`: the bundled synthetic sample → anonymize → analyze → report, on the bundled configs.
// A fresh random pseudonymization key is made for each run (never saved) unless LEAKRISK_KEY is set.
// Every file is written by the leakrisk commands, through their output guard; the demo itself only
// clears its own output folders first, so that no page or result of an earlier run lingers.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'packages', 'cli', 'bin', 'leakrisk.mjs');
const sampleDir = join(root, 'data', 'sample');
const sample = readdirSync(sampleDir).find((name) => name.endsWith('.csv'));
if (!sample) {
  console.error(`demo: no sample CSV in ${sampleDir}`);
  process.exit(1);
}
const work = join(root, 'out', 'demo');
const results = join(work, 'results');
const site = join(root, 'apps', 'report', 'dist');
rmSync(work, { recursive: true, force: true });
rmSync(site, { recursive: true, force: true }); // the site folder holds only the report: no stale pages

const env = { ...process.env };
if (env.LEAKRISK_KEY) {
  console.log('Using the pseudonymization key in LEAKRISK_KEY.');
} else {
  env.LEAKRISK_KEY = randomBytes(32).toString('hex');
  console.log('LEAKRISK_KEY is not set: using a fresh random pseudonymization key for this run (not saved anywhere).');
}

const rel = (path) => relative(process.cwd(), path) || '.';
function step(title, args) {
  console.log(`\n▶ ${title}\n  leakrisk ${args.map((a) => (a.startsWith(root) ? rel(a) : a)).join(' ')}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`\ndemo: "${title}" failed (exit ${run.status}).`);
    process.exit(run.status ?? 1);
  }
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const data = join(sampleDir, sample);
const anonymized = join(work, 'anonymized.csv');
step('1/3 Anonymize the synthetic raw sample (fail-closed)', [
  'anonymize',
  '--data',
  data,
  '--config',
  join(root, 'data', 'config', 'anonymize.json'),
  '--out',
  anonymized,
  '--audit',
  join(results, 'audit.json'),
]);
step('2/3 Analyze the anonymized data with the bundled plan (raked to census 2023 margins)', [
  'analyze',
  '--data',
  anonymized,
  '--plan',
  join(root, 'data', 'plans', 'main.plan.json'),
  '--out',
  results,
  '--quiet',
]);
step('3/3 Build the bilingual report', ['report', '--results', results, '--out', site, '--quiet']);

console.log(`
Demo finished. All data are SYNTHETIC.
  anonymized data: ${rel(anonymized)}
  audit:           ${rel(join(results, 'audit.json'))}
  results:         ${rel(join(results, 'results.json'))} (+ one CSV per analysis)
  report:          ${rel(join(site, 'index.html'))} (English), ${rel(join(site, 'ur', 'index.html'))} (Urdu)
Open the report in a browser; it makes no network requests.`);
