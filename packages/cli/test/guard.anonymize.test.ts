// The output guard, attacked through `anonymize`, `risk`, `synth` and `keygen` with real files: every
// attack must exit 1 with a message naming both roles, leave every input byte-identical, and leave no
// output or temporary behind.
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lock, makeStudy, run, snapshot, type Study } from './study.js';

const study = makeStudy();
const elsewhere = mkdtempSync(join(tmpdir(), 'leakrisk-guard-elsewhere-'));
afterAll(() => {
  rmSync(study.dir, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});
const at = (name: string) => join(study.dir, name);

/** Runs a hostile command; asserts exit 1, the message, no stack trace, and the study folder exactly as before. */
async function refused(argv: string[], message: string | RegExp, folders: string[] = [study.dir]): Promise<string> {
  const before = folders.map(snapshot);
  const result = await run(argv);
  if (typeof message === 'string') expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1); // the message and its fix, one line
  expect(folders.map(snapshot)).toEqual(before);
  return result.stderr;
}

function anonymize(study: Study, out: string, audit: string, ...more: string[]): string[] {
  return ['anonymize', '--data', study.data, '--config', study.config, '--out', out, '--audit', audit, '--quiet', ...more];
}

describe('anonymize: no output is an input', () => {
  it('refuses --out = --audit', async () => {
    await refused(anonymize(study, at('anon.csv'), at('anon.csv')), '--audit is the same file as --out');
  });

  it.each([
    ['the data', () => study.data, '--audit is the same file as --data'],
    ['the config', () => study.config, '--audit is the same file as --config'],
    ['the codebook named in the config', () => study.codebook, '--audit is the same file as the codebook named in the config'],
    ['the hierarchy file', () => study.hierarchy, '--audit is the same file as the hierarchy file of column "district"'],
    ['the key file of keyFrom', () => study.key, '--audit is the same file as the key file (keyFrom)'],
  ])('refuses --audit onto %s', async (_name, target, message) => {
    await refused(anonymize(study, at('anon.csv'), target()), message);
  });

  it.each([
    ['the key file', () => study.key, '--out is the same file as the key file (keyFrom)'],
    ['the hierarchy file', () => study.hierarchy, '--out is the same file as the hierarchy file of column "district"'],
    ['the codebook', () => study.codebook, '--out is the same file as the codebook named in the config'],
    ['the data, spelled differently', () => join(study.dir, 'sub', '..', 'raw.csv'), '--out is the same file as --data'],
  ])('refuses --out onto %s', async (_name, target, message) => {
    await refused(anonymize(study, target(), at('audit.json')), message);
  });

  it('refuses --out onto --codebook and --audit onto --plan', async () => {
    await refused(anonymize(study, study.codebook, at('audit.json'), '--codebook', study.codebook), '--out is the same file as --codebook');
    await refused(anonymize(study, at('anon.csv'), study.plan, '--plan', study.plan), '--audit is the same file as --plan');
  });

  it('refuses the default audit (beside --out) when that is the config', async () => {
    const sub = at('configs');
    mkdirSync(sub);
    writeFileSync(join(sub, 'audit.json'), readFileSync(study.config));
    // paths in a config are relative to it: point them back at the study folder
    const config = JSON.parse(readFileSync(study.config, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(sub, 'audit.json'),
      JSON.stringify({
        ...config,
        codebook: '../codebook.json',
        keyFrom: 'file:../key.txt',
        columns: { ...(config.columns as object), district: { role: 'quasi', hierarchy: '../district.csv' } },
      }),
    );
    await refused(
      ['anonymize', '--data', study.data, '--config', join(sub, 'audit.json'), '--out', join(sub, 'anon.csv')],
      '--audit is the same file as --config',
    );
    rmSync(sub, { recursive: true });
  });

  it('refuses --out reaching the data through a symbolic link, a linked folder and a hard link', async () => {
    symlinkSync(study.data, at('link.csv'));
    linkSync(study.data, at('hard.csv'));
    symlinkSync(study.dir, join(elsewhere, 'alias'));
    await refused(anonymize(study, at('link.csv'), at('audit.json')), '--out is the same file as --data');
    await refused(anonymize(study, at('hard.csv'), at('audit.json')), '--out is the same file as --data');
    await refused(anonymize(study, join(elsewhere, 'alias', 'raw.csv'), at('audit.json')), '--out is the same file as --data', [study.dir, elsewhere]);
    await refused(anonymize(study, at('anon.csv'), join(elsewhere, 'alias', 'key.txt')), '--audit is the same file as the key file (keyFrom)', [
      study.dir,
      elsewhere,
    ]);
    rmSync(at('link.csv'));
    rmSync(at('hard.csv'));
  });

  it('refuses --audit onto the data through a hard link and a linked folder, and --out onto the config through a linked folder', async () => {
    linkSync(study.data, at('hard-audit.json'));
    symlinkSync(study.dir, join(elsewhere, 'alias2'));
    try {
      await refused(anonymize(study, at('anon.csv'), at('hard-audit.json')), '--audit is the same file as --data');
      await refused(anonymize(study, at('anon.csv'), join(elsewhere, 'alias2', 'raw.csv')), '--audit is the same file as --data', [study.dir, elsewhere]);
      await refused(anonymize(study, join(elsewhere, 'alias2', 'anon.json'), at('audit.json')), '--out is the same file as --config', [study.dir, elsewhere]);
      // the config named through the alias, the output through the real folder
      await refused(
        ['anonymize', '--data', study.data, '--config', join(elsewhere, 'alias2', 'anon.json'), '--out', study.config, '--audit', at('audit.json')],
        '--out is the same file as --config',
        [study.dir, elsewhere],
      );
    } finally {
      rmSync(at('hard-audit.json'));
      rmSync(join(elsewhere, 'alias2'));
    }
  });

  it('refuses --audit as a dangling link to where --out goes', async () => {
    symlinkSync(at('anon.csv'), at('dangling.json'));
    await refused(anonymize(study, at('anon.csv'), at('dangling.json')), '--audit is the same file as --out');
    rmSync(at('dangling.json'));
  });
});

describe('anonymize: file-system errors are one line and leave nothing', () => {
  it('leaves no anon.csv when the audit cannot be written (a file where its folder should be)', async () => {
    await refused(
      anonymize(study, at('anon.csv'), join(study.data, 'audit.json')),
      '--audit: cannot write here: a part of this path is a file, not a folder (ENOTDIR)',
    );
  });

  it('refuses --out that is an existing folder', async () => {
    mkdirSync(at('existing-folder'));
    await refused(anonymize(study, at('existing-folder'), at('audit.json')), '--out: cannot write here: this is a folder, but a file is needed here (EISDIR)');
    rmSync(at('existing-folder'), { recursive: true });
  });

  it('removes the folders it made for outputs when the run fails', async () => {
    await refused(anonymize(study, at('new/deeper/anon.csv'), join(study.data, 'audit.json')), 'ENOTDIR');
  });

  it('refuses a folder it may not write to, and leaves it as it was', async (context) => {
    mkdirSync(at('locked'));
    const unlock = lock(at('locked'));
    if (unlock === undefined) return context.skip('this machine cannot make a folder read-only for this user');
    try {
      await refused(anonymize(study, join(at('locked'), 'anon.csv'), at('audit.json')), /--out: cannot write here: .* \((EACCES|EPERM)\)/);
      await refused(anonymize(study, at('anon.csv'), join(at('locked'), 'audit.json')), /--audit: cannot write here: .* \((EACCES|EPERM)\)/);
    } finally {
      unlock();
      rmSync(at('locked'), { recursive: true });
    }
  });

  it('writes the outputs as a set: when the audit cannot replace its file, the old anon.csv is put back', async (context) => {
    mkdirSync(at('set'));
    writeFileSync(join(at('set'), 'anon.csv'), 'the previous release\n');
    writeFileSync(join(at('set'), 'audit.json'), '{"previous":true}\n');
    const unlock = lock(join(at('set'), 'audit.json'));
    if (unlock === undefined) return context.skip('only root (chattr +i) can make a file that cannot be replaced in a writable folder');
    try {
      await refused(anonymize(study, join(at('set'), 'anon.csv'), join(at('set'), 'audit.json')), /--audit: cannot write here: .* \(EPERM\)/);
      expect(readFileSync(join(at('set'), 'anon.csv'), 'utf8')).toBe('the previous release\n');
    } finally {
      unlock();
      rmSync(at('set'), { recursive: true });
    }
  });
});

describe('anonymize: success', () => {
  it('writes both outputs, and says what it did on stderr only', async () => {
    const out = mkdtempSync(join(tmpdir(), 'leakrisk-guard-out-'));
    const before = snapshot(study.dir);
    const result = await run(['anonymize', '--data', study.data, '--config', study.config, '--out', join(out, 'anon.csv'), '--audit', join(out, 'audit.json')]);
    expect(result.stderr).toMatch(/^Anonymized 120 rows → .*anon\.csv/);
    expect(result.stderr).toContain('  k achieved: ');
    expect(result.stderr).toContain('  risk after: ');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(Object.keys(snapshot(out)).sort()).toEqual(['anon.csv', 'audit.json']);
    expect(snapshot(study.dir)).toEqual(before);
    // the audit names files by their base name only
    const audit = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8')) as {
      data: string;
      config: string;
      quasiIdentifiers: { hierarchy: { path?: string } }[];
    };
    expect([audit.data, audit.config]).toEqual(['raw.csv', 'anon.json']);
    expect(audit.quasiIdentifiers.map((key) => key.hierarchy.path).filter(Boolean)).toEqual(['district.csv']);
    expect(readFileSync(join(out, 'audit.json'), 'utf8')).not.toContain(study.dir);
    rmSync(out, { recursive: true });
  });

  it('--init writes the draft to --out, relative to it, and nothing on stdout', async () => {
    const out = mkdtempSync(join(tmpdir(), 'leakrisk-guard-init-'));
    const result = await run(['anonymize', '--init', '--data', study.data, '--codebook', study.codebook, '--out', join(out, 'draft.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const draft = JSON.parse(readFileSync(join(out, 'draft.json'), 'utf8')) as { columns: Record<string, unknown>; codebook?: string };
    expect(Object.keys(draft.columns)).toEqual(['resp_id', 'name', 'age', 'gender', 'district', 'vb1']);
    expect(draft.codebook).toBe(`../${study.dir.split('/').pop()}/codebook.json`);
    await refused(['anonymize', '--init', '--data', study.data, '--out', study.data], '--out is the same file as --data');
    rmSync(out, { recursive: true });
  });
});

describe('risk, synth and keygen write through the guard', () => {
  it('risk refuses --out onto the config, a hierarchy or the key file', async () => {
    const risk = (out: string) => ['risk', '--data', study.data, '--config', study.config, '--out', out];
    await refused(risk(study.config), '--out is the same file as --config');
    await refused(risk(study.hierarchy), '--out is the same file as the hierarchy file of column "district"');
    await refused(risk(study.key), '--out is the same file as the key file (keyFrom)');
  });

  it('synth refuses --out onto its codebook', async () => {
    await refused(['synth', '--n', '5', '--seed', '1', '--codebook', study.codebook, '--out', study.codebook], '--out is the same file as --codebook');
  });

  it('keygen makes the folders it creates private (0700) and the key 0600', async () => {
    const home = mkdtempSync(join(tmpdir(), 'leakrisk-guard-home-'));
    const result = await run(['keygen', '--out', join(home, '.leakrisk', 'keys', 'key.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(statSync(join(home, '.leakrisk')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, '.leakrisk', 'keys')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, '.leakrisk', 'keys', 'key.txt')).mode & 0o777).toBe(0o600);
    rmSync(home, { recursive: true });
  });
});
