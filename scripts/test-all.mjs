#!/usr/bin/env node
// Runs every test suite of the workspace and ends with one line `N passed, N failed[, N skipped]`
// holding the real totals of all runners: each package's vitest suite, the demo end to end, and the
// report's browser tests on the demo site (skipped with an install hint when Chromium is missing,
// unless LEAKRISK_REQUIRE_BROWSER=1).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const suites = [
  { name: 'survey', dir: 'packages/survey', config: 'vitest.config.ts' },
  { name: 'anonymize', dir: 'packages/anonymize', config: 'vitest.config.ts' },
  { name: 'cli', dir: 'packages/cli', config: 'vitest.config.ts' },
  { name: 'report', dir: 'apps/report', config: 'vitest.config.ts' },
];
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const scratch = mkdtempSync(join(tmpdir(), 'leakrisk-tests-'));
// The vitest command line the workspace installs (its `bin`, beside its package.json).
const vitestBin = join(dirname(fileURLToPath(import.meta.resolve('vitest/package.json'))), 'vitest.mjs');

function runVitest(suite) {
  const out = join(scratch, `${suite.name}.json`);
  console.log(`\n=== ${suite.name}: vitest (${suite.dir}) ===`);
  const result = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--config', suite.config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    {
      cwd: join(root, suite.dir),
      stdio: 'inherit',
      env: { ...process.env, TZ: 'UTC' },
    },
  );
  if (!existsSync(out)) {
    totals.failed += 1;
    failures.push(`${suite.name}: vitest did not run (exit ${result.status})`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (report.numFailedTests > 0) failures.push(`${suite.name}: ${report.numFailedTests} failed`);
  // A suite file that fails to load counts as a failure even when no test inside it ran.
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0);
  if (brokenFiles.length > 0) {
    totals.failed += brokenFiles.length;
    failures.push(`${suite.name}: ${brokenFiles.length} test file(s) failed to load`);
  }
  if (result.status !== 0 && report.numFailedTests === 0 && brokenFiles.length === 0) {
    totals.failed += 1;
    failures.push(`${suite.name}: vitest exited ${result.status}`);
  }
}

for (const suite of suites) {
  if (existsSync(join(root, suite.dir, suite.config))) runVitest(suite);
}

console.log('\n=== demo: pnpm demo end to end ===');
const demo = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs')], { cwd: root, stdio: 'inherit', env: process.env });
if (demo.status === 0) totals.passed += 1;
else {
  totals.failed += 1;
  failures.push(`demo: exit ${demo.status}`);
}

const e2eConfig = join(root, 'apps', 'report', 'vitest.e2e.config.ts');
if (existsSync(e2eConfig)) runVitest({ name: 'report-browser', dir: 'apps/report', config: 'vitest.e2e.config.ts' });

rmSync(scratch, { recursive: true, force: true });
if (failures.length > 0) console.log(`\nFailures:\n- ${failures.join('\n- ')}`);
const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
mkdirSync(join(root, 'out'), { recursive: true });
writeFileSync(join(root, 'out', 'test-totals.txt'), `${line}\n`);
console.log(`\n${line}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
