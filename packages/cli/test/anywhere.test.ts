// Running anywhere: relative paths mean the user's folder (also through `pnpm leakrisk`), outputs
// name files by base name only, and a results folder carries the codebook and report settings the
// report needs, wherever it is moved.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeStudy, run } from './study.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const launcher = join(repository, 'packages', 'cli', 'bin', 'leakrisk.mjs');
const study = makeStudy();
const work = mkdtempSync(join(tmpdir(), 'leakrisk-anywhere-'));
afterAll(() => {
  rmSync(study.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('the results folder is all the report needs', () => {
  it('holds the codebook and the report settings (contacts inlined), named in meta by base name', async () => {
    const settings = JSON.parse(readFileSync(study.settings, 'utf8')) as Record<string, unknown>;
    writeFileSync(study.settings, JSON.stringify({ ...settings, title: { en: 'A study of our own', ur: 'ہمارا اپنا مطالعہ' } }));
    const results = join(work, 'results');
    const result = await run(['analyze', '--data', study.data, '--plan', study.plan, '--out', results]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const written = JSON.parse(readFileSync(join(results, 'results.json'), 'utf8')) as { meta: Record<string, unknown> };
    expect(written.meta).toMatchObject({ data: 'raw.csv', plan: 'plan.json', codebook: 'codebook.json', reportSettings: 'report.json' });
    for (const file of ['results.json', 'codebook.json', 'report.json', 'dist_vb1.csv']) {
      const text = readFileSync(join(results, file), 'utf8');
      expect(text).not.toContain(study.dir);
      expect(text).not.toContain(tmpdir());
    }
    expect(JSON.parse(readFileSync(join(results, 'codebook.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(study.codebook, 'utf8')));
    const copied = JSON.parse(readFileSync(join(results, 'report.json'), 'utf8')) as { title: { en: string }; contacts: unknown };
    expect(copied.title.en).toBe('A study of our own');
    expect(copied.contacts).toEqual((JSON.parse(readFileSync(study.contacts, 'utf8')) as { contacts: unknown }).contacts);
  });

  it('builds the report from a moved results folder with the study gone, and the site holds no local path', async () => {
    const moved = mkdtempSync(join(tmpdir(), 'leakrisk-moved-'));
    cpSync(join(work, 'results'), join(moved, 'results'), { recursive: true });
    const gone = `${study.dir}-gone`;
    cpSync(study.dir, gone, { recursive: true });
    rmSync(study.dir, { recursive: true });
    try {
      const result = await run(['report', '--results', join(moved, 'results'), '--out', join(moved, 'site'), '--quiet']);
      // the codebook and settings were found in the moved folder (the report warns when they are not)
      expect(result.stderr).not.toMatch(/not in the results folder|no codebook/);
      expect(result.code).toBe(0);
      const index = readFileSync(join(moved, 'site', 'index.html'), 'utf8');
      expect(index).toContain('A study of our own');
      const methodology = readFileSync(join(moved, 'site', 'methodology.html'), 'utf8');
      expect(methodology).toContain('raw.csv');
      expect(methodology).not.toContain(moved);
      expect(methodology).not.toContain(study.dir);
    } finally {
      cpSync(gone, study.dir, { recursive: true });
      rmSync(gone, { recursive: true });
      rmSync(moved, { recursive: true });
    }
  });
});

describe("relative paths are the user's", () => {
  function launch(args: string[], cwd: string, env: Record<string, string>) {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') && name !== 'INIT_CWD'));
    return spawnSync(process.execPath, [launcher, ...args], { cwd, env: { ...clean, ...env }, encoding: 'utf8' });
  }

  it("through `pnpm leakrisk` (run in the repository root, the user's folder in INIT_CWD) they resolve against INIT_CWD", () => {
    const user = mkdtempSync(join(tmpdir(), 'leakrisk-user-'));
    cpSync(study.dir, join(user, 'study'), { recursive: true });
    const args = ['synth', '--n', '20', '--seed', '3', '--codebook', 'study/codebook.json', '--out', 'out/raw.csv'];
    const result = launch(args, repository, { INIT_CWD: user, npm_lifecycle_event: 'leakrisk' });
    expect(result.stderr).toContain('Wrote 20 SYNTHETIC respondents');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(user, 'out', 'raw.csv'), 'utf8').split('\n')[0]).toMatch(/^resp_id,/);
    expect(existsSync(join(repository, 'out', 'raw.csv'))).toBe(false);
    rmSync(user, { recursive: true });
  });

  it("outside a package script INIT_CWD is ignored: the folder the command runs in is the user's", () => {
    const user = mkdtempSync(join(tmpdir(), 'leakrisk-user-'));
    const other = mkdtempSync(join(tmpdir(), 'leakrisk-other-'));
    const result = launch(['keygen', '--out', 'key.txt', '--quiet'], user, { INIT_CWD: other, npm_lifecycle_event: 'test' });
    expect(result.status).toBe(0);
    expect(existsSync(join(user, 'key.txt'))).toBe(true);
    expect(existsSync(join(other, 'key.txt'))).toBe(false);
    rmSync(user, { recursive: true });
    rmSync(other, { recursive: true });
  });

  const pnpm = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  // CI installs pnpm (the README's first command); without it there is nothing to run through.
  it.skipIf(pnpm.status !== 0)("with the real `pnpm --silent run leakrisk` from a folder inside the repository, stdout holds only the command's output", () => {
    const user = join(repository, 'out', `anywhere-${process.pid}`);
    mkdirSync(user, { recursive: true });
    try {
      const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') && name !== 'INIT_CWD'));
      const result = spawnSync('pnpm', ['--silent', 'run', 'leakrisk', 'keygen', '--out', 'key.txt'], { cwd: user, env: clean, encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('');
      expect(readFileSync(join(user, 'key.txt'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    } finally {
      rmSync(user, { recursive: true, force: true });
    }
  });
});
