import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLeakriskError, type LeakriskError } from '@leakrisk/survey';
import { generateKey, resolveKey } from './key.js';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function io(env: Record<string, string | undefined>, files: Record<string, string> = {}, extra: { warnings?: string[]; modes?: Record<string, number> } = {}) {
  return {
    env,
    baseDir: '/data/config',
    configFile: 'data/config/anon.json',
    readFile: (path: string): string => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: ${path}`);
      return content;
    },
    ...(extra.modes === undefined ? {} : { fileMode: (path: string): number => extra.modes![path] ?? 0o100600 }),
    ...(extra.warnings === undefined ? {} : { warn: (message: string): void => void extra.warnings!.push(message) }),
  };
}

function errorOf(fn: () => unknown): LeakriskError {
  try {
    fn();
  } catch (error) {
    if (isLeakriskError(error)) return error;
    throw error;
  }
  throw new Error('expected a LeakriskError');
}

describe('generateKey', () => {
  it('gives 32 random bytes as 64 hex characters, different every time', () => {
    const a = generateKey();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(generateKey()).not.toBe(a);
  });
});

describe('resolveKey', () => {
  const hexKey = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const randomKey = '3f9c0e71b2a84d56e019c7f3a25b8d406e1f92c3b7a0d5481c6e2f9b0a37d4e5';

  it('reads an environment variable as UTF-8 bytes', () => {
    expect(decode(resolveKey('env:LEAKRISK_KEY', io({ LEAKRISK_KEY: hexKey })))).toBe(hexKey);
    expect(resolveKey('env:LEAKRISK_KEY', io({ LEAKRISK_KEY: hexKey })).length).toBe(64);
  });

  it('reads a file relative to the config folder and drops one trailing newline', () => {
    const files = { '/data/config/keys/key.txt': `${hexKey}\n`, '/data/config/crlf.txt': `${hexKey}\r\n`, '/data/config/two.txt': `${hexKey}\n\n` };
    expect(decode(resolveKey('file:keys/key.txt', io({}, files)))).toBe(hexKey);
    expect(decode(resolveKey('file:crlf.txt', io({}, files)))).toBe(hexKey);
    expect(decode(resolveKey('file:two.txt', io({}, files)))).toBe(`${hexKey}\n`);
  });

  it('refuses a key shorter than 16 bytes and says how to make one', () => {
    const error = errorOf(() => resolveKey('env:LEAKRISK_KEY', io({ LEAKRISK_KEY: 'short-secret' })));
    expect(error.message).toBe('The pseudonymization key from environment variable LEAKRISK_KEY is too short: 12 bytes, at least 16 are needed.');
    expect(error.fix).toContain('leakrisk keygen --out key.txt');
    expect(error.file).toBe('data/config/anon.json');
    expect(error.column).toBe('keyFrom');
    // 16 bytes is enough; multi-byte UTF-8 counts bytes, not characters
    expect(resolveKey('env:K', io({ K: '0123456789abcdef' })).length).toBe(16);
    expect(resolveKey('env:K', io({ K: 'کلیدکلیدکلید' })).length).toBe(24);
  });

  it('does not take inherited object properties for environment variables', () => {
    expect(errorOf(() => resolveKey('env:constructor', io({}))).message).toBe(
      'The pseudonymization key is missing: environment variable (the one named in keyFrom) is not set.',
    );
  });

  it('fails on a missing variable, an empty one, a missing file and an unknown form', () => {
    expect(errorOf(() => resolveKey('env:LEAKRISK_KEY', io({}))).message).toBe(
      'The pseudonymization key is missing: environment variable LEAKRISK_KEY is not set.',
    );
    expect(errorOf(() => resolveKey('env:LEAKRISK_KEY', io({ LEAKRISK_KEY: '' }))).message).toBe(
      'The pseudonymization key is missing: environment variable LEAKRISK_KEY is empty.',
    );
    expect(errorOf(() => resolveKey('file:nokey.txt', io({}))).message).toBe(
      'The pseudonymization key file nokey.txt cannot be read (looked for /data/config/nokey.txt).',
    );
    expect(errorOf(() => resolveKey('LEAKRISK_KEY', io({}))).message).toMatch(/^keyFrom must be "env:NAME" or "file:path"/);
  });

  it('warns (and goes on) when the key looks guessable, never for a random key', () => {
    const warningsFor = (key: string): string[] => {
      const warnings: string[] = [];
      expect(decode(resolveKey('env:LEAKRISK_KEY', io({ LEAKRISK_KEY: key }, {}, { warnings })))).toBe(key);
      return warnings;
    };
    expect(warningsFor('0000000000000000')[0]).toBe(
      'the pseudonymization key from environment variable LEAKRISK_KEY looks guessable (every character of it is the same); ' +
        'anyone who guesses it can reverse the pseudonyms. Make a key with `leakrisk keygen --out key.txt` (keep it out of the repository) ' +
        'and use it instead (pseudonyms made with the old key will not match the new ones).',
    );
    expect(warningsFor('abcabcabcabcabcabc')[0]).toContain('(it repeats a pattern of 3 characters)');
    expect(warningsFor('passwordpassword')[0]).toContain('(it repeats a pattern of 8 characters)');
    expect(warningsFor('abcdefghijklmnopq')[0]).toContain('(it is a run of consecutive characters)');
    expect(warningsFor('aabbaabbbabababbbaab')[0]).toContain('(it uses only 2 different characters)');
    expect(warningsFor(randomKey)).toEqual([]);
    // the fixture key above is one 32-character half typed twice: guessable from either half
    expect(warningsFor(hexKey)[0]).toContain('(it repeats a pattern of 32 characters)');
    for (let i = 0; i < 200; i++) expect(warningsFor(generateKey())).toEqual([]);
  });

  it('warns when a key file may be read by the group or by others, naming the file and the fix', () => {
    const files = { '/data/config/key.txt': `${randomKey}\n` };
    for (const [mode, warned] of [
      [0o100600, false],
      [0o100400, false],
      [0o100640, true],
      [0o100644, true],
      [0o100604, true],
    ] as const) {
      const warnings: string[] = [];
      resolveKey('file:key.txt', io({}, files, { warnings, modes: { '/data/config/key.txt': mode } }));
      expect(warnings.length, mode.toString(8)).toBe(warned ? 1 : 0);
      if (warned) {
        expect(warnings[0]).toBe(
          `the key file key.txt can be read by other users of this machine (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); ` +
            'anyone who reads it can reverse the pseudonyms. Make it private: chmod 600 key.txt',
        );
      }
    }
  });

  it('never puts the key, or a pasted key, into a message', () => {
    fc.assert(
      // a marker prefix makes an accidental match with the message's own words impossible
      fc.property(
        fc.string({ minLength: 0, maxLength: 40 }).map((tail) => `Zq9~${tail}`),
        fc.constantFrom('env', 'file', 'paste', 'envname'),
        (secret, how) => {
          const attempt = (): unknown => {
            if (how === 'env') return resolveKey('env:LEAKRISK_KEY', io({ LEAKRISK_KEY: secret }));
            if (how === 'file') return resolveKey('file:key.txt', io({}, { '/data/config/key.txt': secret }));
            if (how === 'envname') return resolveKey(`env:${secret}`, io({}));
            return resolveKey(secret, io({}));
          };
          try {
            attempt();
          } catch (error) {
            expect(isLeakriskError(error)).toBe(true);
            const shown = (error as LeakriskError).format();
            expect(shown).not.toContain(secret);
          }
          // nor into a warning
          const warnings: string[] = [];
          const modes = { '/data/config/key.txt': 0o100644 };
          try {
            if (how === 'env') resolveKey('env:LEAKRISK_KEY', io({ LEAKRISK_KEY: secret }, {}, { warnings, modes }));
            else resolveKey('file:key.txt', io({}, { '/data/config/key.txt': secret }, { warnings, modes }));
          } catch {
            // too short: covered above
          }
          for (const warning of warnings) expect(warning).not.toContain(secret);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
