import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pseudonymize } from './hmac.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const key = utf8('0123456789abcdef0123456789abcdef');

describe('pseudonymize', () => {
  it('is HMAC-SHA-256 of the value, truncated (RFC 4231 test case 2)', () => {
    // HMAC-SHA-256(key "Jefe", "what do ya want for nothing?") =
    // 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
    expect(pseudonymize('what do ya want for nothing?', utf8('Jefe'))).toBe('P5bdcc146bf60754e');
    expect(pseudonymize('what do ya want for nothing?', utf8('Jefe'), { prefix: '', length: 64 })).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(pseudonymize('what do ya want for nothing?', utf8('Jefe'), { prefix: 'R-', length: 8 })).toBe('R-5bdcc146');
  });

  it('keeps an empty cell empty', () => {
    expect(pseudonymize('', key)).toBe('');
  });

  it('refuses a length outside 8..64', () => {
    expect(() => pseudonymize('x', key, { length: 4 })).toThrow(/is not allowed/);
    expect(() => pseudonymize('x', key, { length: 65 })).toThrow(/is not allowed/);
  });

  it('is deterministic per key and differs across keys', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.uint8Array({ minLength: 16, maxLength: 48 }),
        fc.uint8Array({ minLength: 16, maxLength: 48 }),
        (value, keyA, keyB) => {
          fc.pre(Buffer.compare(Buffer.from(keyA), Buffer.from(keyB)) !== 0);
          const a = pseudonymize(value, keyA);
          expect(pseudonymize(value, keyA)).toBe(a);
          expect(a).toMatch(/^P[0-9a-f]{16}$/);
          expect(pseudonymize(value, keyB)).not.toBe(a);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives different values different pseudonyms', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(pseudonymize(`R-${i}`, key));
    expect(seen.size).toBe(10_000);
  });
});
