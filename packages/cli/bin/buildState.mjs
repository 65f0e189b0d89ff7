// Whether the compiled JavaScript of every workspace package is at least as new as its TypeScript
// sources (and the CLI's bundle newer than what it bundles). Shared by the CLI launcher (which runs dist/ only then) and the benchmarks (which say so).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Each workspace package and its compiled entry (apps/report compiles to build/: its dist/ is the site;
// the CLI's entry is its bundle, made from its dist/ and the survey and anonymize packages' dist/).
const PACKAGES = [
  ['packages/survey', 'dist/index.js'],
  ['packages/anonymize', 'dist/index.js'],
  ['apps/report', 'build/index.js'],
  ['packages/cli', 'bundle/main.js'],
];
const BUNDLED = ['packages/survey', 'packages/anonymize'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when no package's sources are newer than its build (a package without sources counts as built). */
export function buildIsCurrent(workspace) {
  for (const [dir, entry] of PACKAGES) {
    const src = join(workspace, dir, 'src');
    const built = join(workspace, dir, entry);
    if (!existsSync(src)) {
      if (!existsSync(built)) return false;
      continue;
    }
    if (!existsSync(built) || statSync(built).mtimeMs < newestSource(src)) return false;
  }
  // The bundle holds the survey and anonymize packages: it must be newer than their builds too.
  const [cliDir, cliEntry] = PACKAGES[PACKAGES.length - 1];
  const bundle = statSync(join(workspace, cliDir, cliEntry)).mtimeMs;
  for (const dir of BUNDLED) {
    const [, entry] = PACKAGES.find(([d]) => d === dir);
    const built = join(workspace, dir, entry);
    if (existsSync(built) && statSync(built).mtimeMs > bundle) return false;
  }
  return true;
}
