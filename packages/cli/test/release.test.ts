// `pnpm release` end to end: build the tarball, install it with npm into a temporary prefix (offline:
// nothing may be left to fetch), and from a folder outside the repository run the worked example —
// keygen → synth → anonymize → analyze → report — with relative paths, using only the installed
// command and the example files it ships in its data/ folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'leakrisk-release-test-'));
const prefix = join(scratch, 'prefix');
const work = join(scratch, 'work');
const installed = join(prefix, 'lib', 'node_modules', 'leakrisk');
const bin = join(prefix, 'bin', 'leakrisk');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The environment of a researcher's shell: no workspace variables, the installed command first on PATH. */
const env: Record<string, string> = Object.fromEntries(
  Object.entries(process.env).filter(([name, value]) => value !== undefined && !name.startsWith('npm_') && !name.startsWith('LEAKRISK') && name !== 'INIT_CWD'),
) as Record<string, string>;
env['PATH'] = `${join(prefix, 'bin')}:${env['PATH'] ?? ''}`;

function leakrisk(...args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(bin, args, { cwd: work, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`leakrisk ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(repository, 'packages', 'cli', 'scripts', 'release.mjs'), '--out-dir', join(scratch, 'release')], { stdio: 'pipe' });
  // `./` in front: npm reads a bare `release/x.tgz` as a GitHub repository
  execFileSync(
    'npm',
    ['install', '-g', '--offline', '--no-audit', '--no-fund', '--cache', join(scratch, 'npm-cache'), '--prefix', prefix, `./release/leakrisk-${VERSION}.tgz`],
    {
      cwd: scratch,
      env,
      stdio: 'pipe',
    },
  );
  mkdirSync(work);
}, 600_000);

describe('the release tarball', () => {
  it('installs a self-contained package: no dependencies, the report assets, font and its licence, the bundled data', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'leakrisk', version: VERSION, bin: { leakrisk: 'bin/leakrisk.mjs' } });
    expect(manifest['dependencies']).toBeUndefined();
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    for (const font of ['noto-nastaliq-urdu', 'noto-sans']) {
      const folder = join(installed, 'fonts', '@fontsource', font);
      expect(readFileSync(join(folder, 'LICENSE'), 'utf8')).toContain('SIL OPEN FONT LICENSE');
      expect(readdirSync(join(folder, 'files')).filter((file) => file.endsWith('.woff2'))).toHaveLength(2); // 400 and 700
    }
    expect(existsSync(join(installed, 'dist', 'harfbuzz.wasm'))).toBe(true);
    expect(readdirSync(join(installed, 'assets')).sort()).toEqual(['report.css', 'report.js']);
    for (const file of ['instrument/codebook.json', 'report/settings.json', 'report/contacts.json', 'config/anonymize.json', 'plans/main.plan.json']) {
      expect(existsSync(join(installed, 'data', file)), file).toBe(true);
    }
    expect(leakrisk('--version').stdout.trim()).toBe(VERSION);
  });

  it('runs the worked example from a folder outside the repository, with relative paths', { timeout: 600_000 }, () => {
    cpSync(join(installed, 'data'), join(work, 'example'), { recursive: true });
    leakrisk('keygen', '--out', 'keys/key.txt');
    expect(readFileSync(join(work, 'keys', 'key.txt'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(join(work, 'keys', 'key.txt')).mode & 0o777).toBe(0o600);
    expect(statSync(join(work, 'keys')).mode & 0o777).toBe(0o700);

    const synth = leakrisk('synth', '--n', '3000', '--seed', '11', '--out', 'raw.csv');
    expect(synth.stdout).toBe('');
    expect(readFileSync(join(work, 'raw.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(3001);

    env['LEAKRISK_KEY'] = readFileSync(join(work, 'keys', 'key.txt'), 'utf8').trim();
    const anonymized = leakrisk(
      'anonymize',
      '--data',
      'raw.csv',
      '--config',
      'example/config/anonymize.json',
      '--out',
      'anon.csv',
      '--audit',
      'results/audit.json',
    );
    expect(anonymized.stdout).toBe('');
    expect(anonymized.stderr).toMatch(/k achieved: \d+ \(required 5\)/);
    const audit = JSON.parse(readFileSync(join(work, 'results', 'audit.json'), 'utf8')) as { data: string; privacy: { achieved: { k: number } } };
    expect(audit.privacy.achieved.k).toBeGreaterThanOrEqual(5);
    expect(audit.data).toBe('raw.csv');

    expect(leakrisk('analyze', '--data', 'anon.csv', '--plan', 'example/plans/main.plan.json', '--out', 'results').stdout).toBe('');
    const results = JSON.parse(readFileSync(join(work, 'results', 'results.json'), 'utf8')) as { meta: Record<string, unknown>; results: unknown[] };
    expect(results.meta).toMatchObject({ data: 'anon.csv', plan: 'main.plan.json', codebook: 'codebook.json', reportSettings: 'report.json' });
    expect(results.results.length).toBeGreaterThan(100);
    expect(readFileSync(join(work, 'results', 'results.json'), 'utf8')).not.toContain(scratch);

    expect(leakrisk('report', '--results', 'results', '--out', 'site').stdout).toBe('');
    for (const page of [
      'index.html',
      'ur/index.html',
      'methodology.html',
      'assets/report.css',
      'assets/fonts/noto-nastaliq-urdu-arabic-400-normal.woff2',
      'assets/fonts/OFL.txt',
    ]) {
      expect(existsSync(join(work, 'site', page)), page).toBe(true);
    }
    expect(readFileSync(join(work, 'site', 'ur', 'index.html'), 'utf8')).toContain('lang="ur"');
    expect(readFileSync(join(work, 'site', 'methodology.html'), 'utf8')).not.toContain(scratch);
  });
});
