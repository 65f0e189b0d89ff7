import { describe, expect, it } from 'vitest';
import { fileSystemError, isSystemError } from './fileSystemError.js';

const systemError = (code: string) => Object.assign(new Error(`${code}: something`), { code });

describe('fileSystemError', () => {
  it.each([
    ['EACCES', '--out: cannot write here: permission denied (EACCES)'],
    ['ENOSPC', '--out: cannot write here: the disk is full (ENOSPC)'],
    ['EROFS', '--out: cannot write here: the file system is read-only (EROFS)'],
    ['EWHATEVER', '--out: cannot write here: the operating system refused (EWHATEVER)'],
  ])('says what %s means, in one line with a fix', (code, message) => {
    const error = fileSystemError(systemError(code), 'out/anon.csv', '--out');
    expect(error.message).toBe(message);
    expect(error.file).toBe('out/anon.csv');
    expect(error.fix).toBeTruthy();
    expect(error.format().split('\n')).toHaveLength(1); // the message and its fix on one line
  });

  it('recognises errors from the operating system only', () => {
    expect(isSystemError(systemError('ENOENT'))).toBe(true);
    expect(isSystemError(new Error('plain'))).toBe(false);
    expect(isSystemError(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false);
    expect(isSystemError('ENOENT')).toBe(false);
  });
});
