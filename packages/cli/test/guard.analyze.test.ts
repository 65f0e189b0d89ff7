// The output guard, attacked through `analyze` and `report` (folder outputs) with real files: a folder
// output clashes when any file it would write inside is an input. Every attack must exit 1 with a
// message naming both roles, leave every input byte-identical and leave no output or temporary.
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lock, makeStudy, run, snapshot } from './study.js';

const study = makeStudy();
const work = mkdtempSync(join(tmpdir(), 'leakrisk-guard-work-'));
const results = join(work, 'results');
afterAll(() => {
  rmSync(study.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});
beforeAll(async () => {
  const made = await run(['analyze', '--data', study.data, '--plan', study.plan, '--out', results, '--quiet']);
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
});

async function refused(argv: string[], message: string | RegExp, folders: string[] = [study.dir, work]): Promise<void> {
  const before = folders.map(snapshot);
  const result = await run(argv);
  if (typeof message === 'string') expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(folders.map(snapshot)).toEqual(before);
}

const analyze = (out: string, data = study.data) => ['analyze', '--data', data, '--plan', study.plan, '--out', out, '--quiet'];

describe('analyze: a folder output never writes over an input', () => {
  it('refuses a results folder that holds the data under a name an output takes (dist_vb1.csv)', async () => {
    const folder = join(work, 'holds-data');
    mkdirSync(folder);
    copyFileSync(study.data, join(folder, 'dist_vb1.csv'));
    await refused(analyze(folder, join(folder, 'dist_vb1.csv')), '--out (dist_vb1.csv in that folder) is the same file as --data');
  });

  it('refuses a results folder where an output name is a hard link or a symbolic link to an input', async () => {
    const folder = join(work, 'links');
    mkdirSync(folder);
    linkSync(study.data, join(folder, 'vb1_by_gender.csv'));
    await refused(analyze(folder), '--out (vb1_by_gender.csv in that folder) is the same file as --data');
    rmSync(join(folder, 'vb1_by_gender.csv'));
    symlinkSync(study.plan, join(folder, 'results.json'));
    await refused(analyze(folder), '--out (results.json in that folder) is the same file as --plan');
  });

  it('refuses the study folder itself as results: the codebook and report settings copies would replace their originals', async () => {
    await refused(analyze(study.dir), '--out (codebook.json in that folder) is the same file as the codebook named in the plan');
  });

  it('refuses --out onto the report settings or the contacts file through a linked folder', async () => {
    const folder = join(work, 'contacts-link');
    mkdirSync(folder);
    symlinkSync(study.settings, join(folder, 'report.json'));
    await refused(analyze(folder), '--out (report.json in that folder) is the same file as the report settings named in the plan');
  });

  it('refuses --out that is the data file, or any existing file, and a path under a file', async () => {
    await refused(analyze(study.data), '--out is the same file as --data');
    await refused(analyze(study.contacts), '--out is the same file as the contacts file named in the report settings');
    writeFileSync(join(work, 'a-file.txt'), 'x');
    await refused(analyze(join(work, 'a-file.txt')), '--out: cannot write here: this is an existing file, but a folder is needed here (EEXIST)');
    await refused(analyze(join(work, 'a-file.txt', 'results')), '--out: cannot write here: a part of this path is a file, not a folder (ENOTDIR)');
    rmSync(join(work, 'a-file.txt'));
  });
});

describe('analyze: aliases, unwritable targets, and outputs as a set', () => {
  it('refuses --out onto the plan, and a linked folder whose data file has an output name, the data named by its real path', async () => {
    await refused(analyze(study.plan), '--out is the same file as --plan');
    const folder = join(work, 'real-folder');
    mkdirSync(folder);
    copyFileSync(study.data, join(folder, 'vb1_by_gender.csv'));
    symlinkSync(folder, join(work, 'alias-folder'));
    await refused(
      analyze(join(work, 'alias-folder'), join(folder, 'vb1_by_gender.csv')),
      '--out (vb1_by_gender.csv in that folder) is the same file as --data',
    );
    // and the other way round: the data named through the alias, the results folder by its real path
    await refused(analyze(folder, join(work, 'alias-folder', 'vb1_by_gender.csv')), '--out (vb1_by_gender.csv in that folder) is the same file as --data');
  });

  it('writes nothing when one file of the results cannot be put in place (a folder where dist_vb1.csv goes)', async () => {
    const folder = join(work, 'one-blocked');
    mkdirSync(join(folder, 'dist_vb1.csv'), { recursive: true });
    await refused(analyze(folder), '--out (dist_vb1.csv in that folder): cannot write here: this is a folder, but a file is needed here (EISDIR)');
  });

  it('refuses a results folder it may not write to', async (context) => {
    const folder = join(work, 'locked');
    mkdirSync(folder);
    const unlock = lock(folder);
    if (unlock === undefined) return context.skip('this machine cannot make a folder read-only for this user');
    try {
      await refused(analyze(join(folder, 'results')), /--out: cannot write here: .* \((EACCES|EPERM)\)/);
      // the temporary results folder is made beside it: the refusal comes when the first file would be put in
      await refused(analyze(folder), /--out \([\w.]+ in that folder\): cannot write here: .* \((EACCES|EPERM)\)/);
    } finally {
      unlock();
    }
  });

  it('puts every old result back when one of them cannot be replaced', async (context) => {
    const folder = join(work, 'old-results');
    mkdirSync(folder);
    for (const name of ['results.json', 'dist_vb1.csv', 'vb1_by_gender.csv']) writeFileSync(join(folder, name), `old ${name}\n`);
    const unlock = lock(join(folder, 'vb1_by_gender.csv'));
    if (unlock === undefined) return context.skip('only root (chattr +i) can make a file that cannot be replaced in a writable folder');
    try {
      await refused(analyze(folder), /--out \(vb1_by_gender.csv in that folder\): cannot write here: .* \(EPERM\)/);
    } finally {
      unlock();
    }
    expect(readFileSync(join(folder, 'results.json'), 'utf8')).toBe('old results.json\n');
  });
});

describe('report: the site folder never writes over an input', () => {
  it('refuses a site folder where a file the site writes is a link to the codebook it reads from the results', async () => {
    const site = join(work, 'site-links');
    mkdirSync(site);
    symlinkSync(join(results, 'codebook.json'), join(site, 'index.html'));
    await refused(
      ['report', '--results', results, '--out', site, '--quiet'],
      '--out (index.html in that folder) is the same file as the codebook named in results.json',
    );
  });

  it('refuses a site folder where the stylesheet is a hard link to --settings', async () => {
    const site = join(work, 'site-hard');
    mkdirSync(join(site, 'assets'), { recursive: true });
    const settings = join(work, 'settings-copy.json');
    copyFileSync(join(results, 'report.json'), settings); // contacts inlined by analyze
    linkSync(settings, join(site, 'assets', 'report.css'));
    await refused(
      ['report', '--results', results, '--settings', settings, '--out', site, '--quiet'],
      '--out (assets/report.css in that folder) is the same file as --settings',
    );
    rmSync(settings);
  });

  it('refuses a site folder reached through a linked folder where a file the site writes is a hard link to the results', async () => {
    const site = join(work, 'site-real');
    mkdirSync(site);
    linkSync(join(results, 'results.json'), join(site, 'index.html'));
    symlinkSync(site, join(work, 'site-alias'));
    await refused(
      ['report', '--results', results, '--out', join(work, 'site-alias'), '--quiet'],
      '--out (index.html in that folder) is the same file as results.json',
    );
  });

  it('refuses a site folder whose assets folder links to the bundled assets the site copies from', async () => {
    const site = join(work, 'site-assets-link');
    mkdirSync(site);
    symlinkSync(fileURLToPath(new URL('../../../apps/report/assets', import.meta.url)), join(site, 'assets'));
    await refused(
      ['report', '--results', results, '--out', site, '--quiet'],
      /--out \(assets\/[\w.-]+ in that folder\) is the same file as the report's input [\w.-]+/,
    );
  });

  it('leaves nothing when the site folder cannot be written', async (context) => {
    const site = join(work, 'site-locked');
    mkdirSync(site);
    const unlock = lock(site);
    if (unlock === undefined) return context.skip('this machine cannot make a folder read-only for this user');
    try {
      await refused(['report', '--results', results, '--out', join(site, 'site'), '--quiet'], /--out: cannot write here: .* \((EACCES|EPERM)\)/);
    } finally {
      unlock();
    }
  });

  it('refuses --out that is an existing file', async () => {
    await refused(['report', '--results', results, '--out', join(results, 'results.json'), '--quiet'], '--out is the same file as results.json');
    await refused(['report', '--results', results, '--out', join(results, 'dist_vb1.csv'), '--quiet'], '(EEXIST)');
  });
});

describe('analyze and report: success', () => {
  it('keeps files already in the results folder (the audit) and replaces its own', async () => {
    const folder = join(work, 'with-audit');
    mkdirSync(folder);
    writeFileSync(join(folder, 'audit.json'), '{"kind":"anonymization-audit"}');
    writeFileSync(join(folder, 'results.json'), 'stale');
    const result = await run(analyze(folder));
    expect(result.code).toBe(0);
    expect(readFileSync(join(folder, 'audit.json'), 'utf8')).toBe('{"kind":"anonymization-audit"}');
    expect(JSON.parse(readFileSync(join(folder, 'results.json'), 'utf8')).meta.plan).toBe('plan.json');
    expect(Object.keys(snapshot(folder)).sort()).toEqual(['audit.json', 'codebook.json', 'dist_vb1.csv', 'report.json', 'results.json', 'vb1_by_gender.csv']);
  });
});
