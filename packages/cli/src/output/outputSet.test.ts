import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeakriskError } from '@leakrisk/survey';
import { OutputSet } from './outputSet.js';
import { withOutputs } from './withOutputs.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leakrisk-outputs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const path = (...parts: string[]) => join(dir, ...parts);
/** Every name in the folder, hidden ones too, recursively (links not followed). */
function listing(folder = dir, prefix = ''): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    names.push(name);
    if (entry.isDirectory()) names.push(...listing(folder, name));
  }
  return names.sort();
}
function failure(action: () => unknown): LeakriskError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(LeakriskError);
    return error as LeakriskError;
  }
  throw new Error('expected a LeakriskError');
}

describe('OutputSet: writing', () => {
  it('writes files and a folder together, only at commit, and leaves no temporary', async () => {
    writeFileSync(path('raw.csv'), 'raw');
    await withOutputs((outputs) => {
      outputs.reads('--data', path('raw.csv'));
      writeFileSync(outputs.file('--out', path('anon.csv')), 'anon');
      writeFileSync(outputs.file('--audit', path('audit.json')), '{}');
      const folder = outputs.folder('--results', path('results'));
      mkdirSync(join(folder, 'sub'));
      writeFileSync(join(folder, 'results.json'), '[]');
      writeFileSync(join(folder, 'sub', 'a.csv'), 'a');
      // nothing is in place before the commit
      expect(existsSync(path('anon.csv'))).toBe(false);
      expect(existsSync(path('results'))).toBe(false);
    });
    expect(readFileSync(path('anon.csv'), 'utf8')).toBe('anon');
    expect(readFileSync(path('audit.json'), 'utf8')).toBe('{}');
    expect(readFileSync(path('results', 'sub', 'a.csv'), 'utf8')).toBe('a');
    expect(listing()).toEqual(['anon.csv', 'audit.json', 'raw.csv', 'results', 'results/results.json', 'results/sub', 'results/sub/a.csv']);
  });

  it('replaces existing outputs, keeps the other files of an output folder, and writes through a link to an output', async () => {
    mkdirSync(path('results'));
    writeFileSync(path('results', 'audit.json'), 'from anonymize');
    writeFileSync(path('results', 'results.json'), 'old');
    writeFileSync(path('runs-2024.csv'), 'old');
    symlinkSync(path('runs-2024.csv'), path('latest.csv'));
    await withOutputs((outputs) => {
      writeFileSync(join(outputs.folder('--out', path('results')), 'results.json'), 'new');
      writeFileSync(outputs.file('--csv', path('latest.csv')), 'new csv');
    });
    expect(readFileSync(path('results', 'results.json'), 'utf8')).toBe('new');
    expect(readFileSync(path('results', 'audit.json'), 'utf8')).toBe('from anonymize');
    // the link stays a link, and its target got the new content
    expect(readFileSync(path('runs-2024.csv'), 'utf8')).toBe('new csv');
    expect(listing()).toEqual(['latest.csv', 'results', 'results/audit.json', 'results/results.json', 'runs-2024.csv']);
  });

  it('gives files the mode asked for, and folders it creates the folder mode, whatever the umask', async () => {
    const old = process.umask(0o022);
    try {
      await withOutputs((outputs) => void writeFileSync(outputs.file('--out', path('keys', 'deep', 'key.txt'), { mode: 0o600 }), 'k'), { folderMode: 0o700 });
    } finally {
      process.umask(old);
    }
    expect(statSync(path('keys', 'deep', 'key.txt')).mode & 0o777).toBe(0o600);
    expect(statSync(path('keys')).mode & 0o777).toBe(0o700);
    expect(statSync(path('keys', 'deep')).mode & 0o777).toBe(0o700);
  });

  it('removes every temporary and every folder it made when the work throws', async () => {
    await expect(
      withOutputs((outputs) => {
        writeFileSync(outputs.file('--out', path('new', 'deeper', 'anon.csv')), 'partial');
        writeFileSync(join(outputs.folder('--results', path('results')), 'x.csv'), 'x');
        throw new LeakriskError('the privacy requirement cannot be met');
      }),
    ).rejects.toThrow('cannot be met');
    expect(listing()).toEqual([]);
  });
});

describe('OutputSet: no output is an input', () => {
  it('refuses an output that is an input, by path, through a symbolic link, a linked folder and a hard link', () => {
    writeFileSync(path('raw.csv'), 'raw');
    mkdirSync(path('other'));
    symlinkSync(path('raw.csv'), path('link.csv'));
    symlinkSync(dir, path('other', 'alias'));
    linkSync(path('raw.csv'), path('hard.csv'));
    for (const named of [path('raw.csv'), path('other', '..', 'raw.csv'), path('link.csv'), path('other', 'alias', 'raw.csv'), path('hard.csv')]) {
      const outputs = new OutputSet();
      outputs.reads('--data', path('raw.csv'));
      const error = failure(() => outputs.file('--out', named));
      expect(error.message).toBe('--out is the same file as --data');
      expect(error.file).toBe(named);
      outputs.discard();
    }
    expect(listing()).toEqual(['hard.csv', 'link.csv', 'other', 'other/alias', 'raw.csv']);
    expect(readFileSync(path('raw.csv'), 'utf8')).toBe('raw');
  });

  it('refuses an input named after the output (checked both ways)', () => {
    writeFileSync(path('raw.csv'), 'raw');
    const outputs = new OutputSet();
    outputs.file('--out', path('anon.csv'));
    expect(failure(() => outputs.reads('the key file (keyFrom)', path('anon.csv'))).message).toBe('--out is the same file as the key file (keyFrom)');
    outputs.discard();
    expect(listing()).toEqual(['raw.csv']);
  });

  it('refuses two outputs on one file, also when one is a dangling link to the other', () => {
    const outputs = new OutputSet();
    outputs.file('--out', path('anon.csv'));
    expect(failure(() => outputs.file('--audit', path('anon.csv'))).message).toBe('--audit is the same file as --out');
    symlinkSync(path('anon.csv'), path('dangling.json'));
    expect(failure(() => outputs.file('--audit', path('dangling.json'))).message).toBe('--audit is the same file as --out');
    outputs.discard();
    expect(listing()).toEqual(['dangling.json']);
  });

  it('refuses, at commit, a file written into an output folder that is an input, and writes nothing', async () => {
    mkdirSync(path('results'));
    writeFileSync(path('results', 'dist_vb1.csv'), 'the data');
    writeFileSync(path('results', 'keep.txt'), 'kept');
    const error = await withOutputs((outputs) => {
      outputs.reads('--data', path('results', 'dist_vb1.csv'));
      writeFileSync(outputs.file('--audit', path('audit.json')), '{}');
      const folder = outputs.folder('--out', path('results'));
      writeFileSync(join(folder, 'results.json'), '{}');
      writeFileSync(join(folder, 'dist_vb1.csv'), 'estimates');
    }).catch((e: unknown) => e);
    expect((error as LeakriskError).message).toBe('--out (dist_vb1.csv in that folder) is the same file as --data');
    expect(readFileSync(path('results', 'dist_vb1.csv'), 'utf8')).toBe('the data');
    expect(listing()).toEqual(['results', 'results/dist_vb1.csv', 'results/keep.txt']);
  });

  it('refuses, at commit, an input named late that an output would replace', async () => {
    writeFileSync(path('settings.json'), '{}');
    const error = await withOutputs((outputs) => {
      writeFileSync(join(outputs.folder('--out', path('site')), 'index.html'), '<html>');
      // the build read site/index.html as its settings (a hostile but possible call)
      outputs.reads('the settings', path('site', 'index.html'));
    }).catch((e: unknown) => e);
    expect((error as LeakriskError).message).toBe('--out (index.html in that folder) is the same file as the settings');
    expect(existsSync(path('site'))).toBe(false);
  });
});

describe('OutputSet: file-system errors are one-line messages and leave nothing', () => {
  it('names a folder where a file is needed, a file where a folder is needed, and a file on the path', () => {
    mkdirSync(path('folder'));
    writeFileSync(path('file.csv'), 'x');
    const outputs = new OutputSet();
    expect(failure(() => outputs.file('--out', path('folder'))).message).toBe('--out: cannot write here: this is a folder, but a file is needed here (EISDIR)');
    expect(failure(() => outputs.folder('--out', path('file.csv'))).message).toBe(
      '--out: cannot write here: this is an existing file, but a folder is needed here (EEXIST)',
    );
    expect(failure(() => outputs.file('--audit', path('file.csv', 'audit.json'))).message).toBe(
      '--audit: cannot write here: a part of this path is a file, not a folder (ENOTDIR)',
    );
    expect(failure(() => outputs.folder('--out', path('file.csv', 'results'))).message).toMatch(/ENOTDIR/);
    outputs.discard();
    expect(listing()).toEqual(['file.csv', 'folder']);
  });

  it.skipIf(process.getuid?.() === 0)('names a folder it may not write to (skipped as root, where permissions do not stop writes)', () => {
    mkdirSync(path('locked'));
    chmodSync(path('locked'), 0o500);
    try {
      const outputs = new OutputSet();
      expect(failure(() => outputs.file('--out', path('locked', 'anon.csv'))).message).toBe('--out: cannot write here: permission denied (EACCES)');
      outputs.discard();
      expect(readdirSync(path('locked'))).toEqual([]);
    } finally {
      chmodSync(path('locked'), 0o700);
    }
  });

  it('puts back every file already renamed when a later rename fails', () => {
    writeFileSync(path('anon.csv'), 'old anon');
    writeFileSync(path('audit.json'), 'old audit');
    const outputs = new OutputSet();
    writeFileSync(outputs.file('--out', path('anon.csv')), 'new anon');
    const audit = outputs.file('--audit', path('audit.json'));
    // Make the second rename fail: a folder cannot be renamed over a file.
    rmSync(audit);
    mkdirSync(audit);
    expect(() => outputs.commit()).toThrow(LeakriskError);
    expect(readFileSync(path('anon.csv'), 'utf8')).toBe('old anon');
    expect(readFileSync(path('audit.json'), 'utf8')).toBe('old audit');
    expect(listing()).toEqual(['anon.csv', 'audit.json']);
  });
});
