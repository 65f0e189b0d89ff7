#!/usr/bin/env node
// Starts the leakrisk CLI. It runs the compiled JavaScript in dist/ when every workspace package's
// build is at least as new as its sources (fast start, as in `pnpm bench`); otherwise it runs the
// TypeScript sources through tsx, so that an edit is never silently ignored.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliDir = dirname(dirname(fileURLToPath(import.meta.url)));
const distMain = join(cliDir, 'dist', 'main.js');
const srcMain = join(cliDir, 'src', 'main.ts');
const workspace = dirname(dirname(cliDir));
// Each workspace package and its compiled entry (apps/report compiles to build/: its dist/ is the site).
const packages = [
  ['packages/survey', 'dist/index.js'],
  ['packages/anonymize', 'dist/index.js'],
  ['apps/report', 'build/index.js'],
  ['packages/cli', 'dist/main.js'],
].map(([dir, entry]) => ({ dir: join(workspace, dir), entry: join(workspace, dir, entry) }));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsCurrent() {
  if (!existsSync(distMain)) return false;
  if (!existsSync(srcMain)) return true; // an installed package ships dist only
  for (const { dir, entry } of packages) {
    const src = join(dir, 'src');
    if (!existsSync(src)) continue;
    if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource(src)) return false;
  }
  return true;
}

if (buildIsCurrent() && process.env.LEAKRISK_FROM_SOURCE !== '1') {
  const { main } = await import(pathToFileURL(distMain).href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const child = spawn(process.execPath, ['--conditions=development', '--import', import.meta.resolve('tsx'), srcMain, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, LEAKRISK_RUN_MAIN: '1' },
  });
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
