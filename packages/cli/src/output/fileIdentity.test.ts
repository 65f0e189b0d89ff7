import { linkSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, sameFile } from './fileIdentity.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'leakrisk-identity-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('identify', () => {
  it('resolves links in the folders above a file that does not exist yet', () => {
    mkdirSync(join(dir, 'data'));
    symlinkSync(join(dir, 'data'), join(dir, 'alias'));
    const identity = identify(join(dir, 'alias', 'new.csv'));
    expect(identity.resolved).toBe(join(dir, 'data', 'new.csv'));
    expect(identity.kind).toBe('none');
    expect(identity.inode).toBeUndefined();
  });

  it('follows a dangling link, and a chain of them, to where writing would land', () => {
    symlinkSync(join(dir, 'data', 'later.csv'), join(dir, 'first'));
    symlinkSync('first', join(dir, 'second'));
    expect(identify(join(dir, 'second')).resolved).toBe(join(dir, 'data', 'later.csv'));
  });

  it('stops on a loop of links instead of hanging', () => {
    symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
    symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
    const identity = identify(join(dir, 'loop-a'));
    expect(identity.kind).toBe('none');
    expect([join(dir, 'loop-a'), join(dir, 'loop-b')]).toContain(identity.resolved);
  });

  it('tells files, folders and missing paths apart', () => {
    writeFileSync(join(dir, 'file.csv'), 'x');
    expect(identify(join(dir, 'file.csv')).kind).toBe('file');
    expect(identify(dir).kind).toBe('folder');
    expect(identify(join(dir, 'nothing')).kind).toBe('none');
  });
});

describe('sameFile', () => {
  it('is true for one file under two names (hard link), false for two files', () => {
    writeFileSync(join(dir, 'a.csv'), 'a');
    writeFileSync(join(dir, 'b.csv'), 'a');
    linkSync(join(dir, 'a.csv'), join(dir, 'a-too.csv'));
    expect(sameFile(identify(join(dir, 'a.csv')), identify(join(dir, 'a-too.csv')))).toBe(true);
    expect(sameFile(identify(join(dir, 'a.csv')), identify(join(dir, 'b.csv')))).toBe(false);
    expect(sameFile(identify(join(dir, 'new-1.csv')), identify(join(dir, 'new-2.csv')))).toBe(false);
    expect(sameFile(identify(join(dir, 'new-1.csv')), identify(join(dir, 'data', '..', 'new-1.csv')))).toBe(true);
  });
});
