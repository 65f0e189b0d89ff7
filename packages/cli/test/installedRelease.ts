// The release tarball built (as `pnpm release` builds it) and installed with npm, offline, into a
// temporary prefix: what a researcher gets. Tests then run the installed `leakrisk` from folders
// outside the repository, in the environment of a researcher's shell.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../src/version.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));

export interface InstalledRelease {
  /** A temporary folder outside the repository holding the install (remove it when done). */
  scratch: string;
  /** The environment of a researcher's shell: no workspace variables, the installed command first on PATH. */
  env: Record<string, string>;
  /** Runs the installed `leakrisk` in `cwd`; throws with its stderr when it exits other than `expectCode`. */
  run(cwd: string, args: string[], expectCode?: number): { stdout: string; stderr: string; status: number | null };
}

export function installRelease(prefixName = 'leakrisk-release-'): InstalledRelease {
  const scratch = mkdtempSync(join(tmpdir(), prefixName));
  const prefix = join(scratch, 'prefix');
  const env: Record<string, string> = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name, value]) => value !== undefined && !name.startsWith('npm_') && !name.startsWith('LEAKRISK') && name !== 'INIT_CWD',
    ),
  ) as Record<string, string>;
  env['PATH'] = `${join(prefix, 'bin')}:${env['PATH'] ?? ''}`;
  execFileSync(process.execPath, [join(repository, 'packages', 'cli', 'scripts', 'release.mjs'), '--out-dir', join(scratch, 'release')], { stdio: 'pipe' });
  // `./` in front: npm reads a bare `release/x.tgz` as a GitHub repository
  execFileSync(
    'npm',
    ['install', '-g', '--offline', '--no-audit', '--no-fund', '--cache', join(scratch, 'npm-cache'), '--prefix', prefix, `./release/leakrisk-${VERSION}.tgz`],
    { cwd: scratch, env, stdio: 'pipe' },
  );
  const bin = join(prefix, 'bin', 'leakrisk');
  return {
    scratch,
    env,
    run(cwd, args, expectCode = 0) {
      const result = spawnSync(bin, args, { cwd, env, encoding: 'utf8' });
      if (result.status !== expectCode) throw new Error(`leakrisk ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
      return { stdout: result.stdout, stderr: result.stderr, status: result.status };
    },
  };
}
