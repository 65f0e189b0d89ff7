import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLeakriskError, type LeakriskError } from '@leakrisk/survey';
import { generateKey, resolveKey } from './key.js';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function io(env: Record<string, string | undefined>, files: Record<string, string> = {}) {
  return {
    env,
    baseDir: '/data/config',
    configFile: 'data/config/anon.json',
    readFile: (path: string): string => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: ${path}`);
      return content;
    },
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
        },
      ),
      { numRuns: 2000 },
    );
  });
});
