import { describe, expect, it } from 'vitest';
import { generateKey } from './key.js';
import { weakKeyReason } from './weakKey.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('weakKeyReason', () => {
  it.each([
    ['16 zeros', '0000000000000000', 'every character of it is the same'],
    ['one repeated byte', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'every character of it is the same'],
    ['a repeated pair', '0101010101010101', 'it repeats a pattern of 2 characters'],
    ['a repeated word, with a partial tail', 'secretsecretsecretsec', 'it repeats a pattern of 6 characters'],
    ['a key typed twice', `${'a1b2c3d4e5f60718'.repeat(2)}`, 'it repeats a pattern of 16 characters'],
    ['the alphabet', 'abcdefghijklmnop', 'it is a run of consecutive characters'],
    ['counting down', '9876543210/.-,+*', 'it is a run of consecutive characters'],
    ['four letters', 'abcdabdcbadcacbdabdc', 'it uses only 4 different characters'],
  ])('finds %s', (_name, key, reason) => {
    expect(weakKeyReason(bytes(key))).toBe(reason);
  });

  it('accepts keys made by keygen and a typical passphrase', () => {
    for (let i = 0; i < 500; i++) expect(weakKeyReason(bytes(generateKey()))).toBeUndefined();
    expect(weakKeyReason(bytes('correct horse battery staple'))).toBeUndefined();
    // the same bytes as raw 32 random bytes would be: any byte value
    expect(weakKeyReason(Uint8Array.from({ length: 32 }, (_, i) => ((i * 97 + 13) % 251) ^ (i << 3)))).toBeUndefined();
  });
});
