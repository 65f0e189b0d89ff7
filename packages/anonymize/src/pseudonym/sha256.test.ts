import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HmacSha256 } from './sha256.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function hmacOf(key: Uint8Array, message: Uint8Array): string {
  const out = new Uint8Array(32);
  new HmacSha256(key).digest(message, 0, message.length, out);
  return hex(out);
}

describe('HmacSha256', () => {
  it('gives the RFC 4231 test vectors', () => {
    // Test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(hmacOf(Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?'))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    // Test case 6: a 131-byte key (hashed first) and a 54-byte message.
    expect(hmacOf(new Uint8Array(131).fill(0xaa), Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First'))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('matches crypto.createHmac for keys and messages of every length around the block edges', () => {
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const hmac = new HmacSha256(key);
    const out = new Uint8Array(32);
    for (let length = 0; length <= 200; length++) {
      // The message sits at an offset inside a larger buffer.
      const message = Buffer.alloc(length + 10, 0x5a);
      for (let i = 0; i < length; i++) message[3 + i] = (i * 31 + length) & 0xff;
      hmac.digest(message, 3, 3 + length, out);
      expect(hex(out)).toBe(
        createHmac('sha256', key)
          .update(message.subarray(3, 3 + length))
          .digest('hex'),
      );
    }
  });

  it('matches crypto.createHmac on random keys and messages', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 150 }), fc.uint8Array({ maxLength: 300 }), (key, message) => {
        expect(hmacOf(key, message)).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});
