#!/usr/bin/env node
// Starts the leakrisk CLI. It runs the bundled JavaScript in bundle/ (made by `pnpm build` from the
// compiled packages) when every workspace package's build is at least as new as its sources (fast
// start, as in `pnpm bench`); otherwise it runs the TypeScript sources through tsx, so that an edit is
// never silently ignored. Through `pnpm leakrisk …` it first returns to the folder the user ran the
// command from, so that relative paths mean what the user meant.
import { existsSync, realpathSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsCurrent as workspaceBuildIsCurrent } from './buildState.mjs';

const cliDir = dirname(dirname(fileURLToPath(import.meta.url)));
const bundleMain = join(cliDir, 'bundle', 'main.js');
const srcMain = join(cliDir, 'src', 'main.ts');
const workspace = dirname(dirname(cliDir));

/**
 * pnpm runs a package script in the package's folder (here, the repository root) and passes the
 * folder the user typed the command in as INIT_CWD. Only when this process is that script (`pnpm
 * leakrisk`, started in the repository root) is INIT_CWD the user's folder; `pnpm demo` and the tests
 * pass absolute paths and keep theirs.
 */
function usersFolder() {
  const initCwd = process.env.INIT_CWD;
  if (process.env.npm_lifecycle_event !== 'leakrisk' || !initCwd || !isAbsolute(initCwd) || !existsSync(initCwd)) return undefined;
  return realpathSync(process.cwd()) === realpathSync(workspace) ? initCwd : undefined;
}
const userFolder = usersFolder();
if (userFolder !== undefined) process.chdir(userFolder);

function buildIsCurrent() {
  if (!existsSync(bundleMain)) return false;
  if (!existsSync(srcMain)) return true; // an installed package ships its bundle only
  return workspaceBuildIsCurrent(workspace);
}

if (buildIsCurrent() && process.env.LEAKRISK_FROM_SOURCE !== '1') {
  const { main } = await import(pathToFileURL(bundleMain).href);
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
