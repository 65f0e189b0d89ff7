import { describe, expect, it } from 'vitest';
import { replicateSeed } from './replicateSeed.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('replicateSeed', () => {
  it('is the first four bytes of HMAC-SHA-256(key, the fixed label), big-endian', () => {
    // node -e "crypto.createHmac('sha256', key).update(label).digest().readUInt32BE(0)"
    expect(replicateSeed(encode('0123456789abcdef0123456789abcdef'))).toBe(755077582);
    expect(replicateSeed(encode('fedcba9876543210fedcba9876543210'))).toBe(2195361831);
  });

  it('is the same for the same key, and differs with the key', () => {
    const key = encode('3f9c0e71b2a84d56e019c7f3a25b8d40');
    expect(replicateSeed(key)).toBe(replicateSeed(Uint8Array.from(key)));
    expect(replicateSeed(key)).not.toBe(replicateSeed(encode('3f9c0e71b2a84d56e019c7f3a25b8d41')));
  });
});
