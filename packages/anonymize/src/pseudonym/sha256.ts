import { createHash } from 'node:crypto';

/** SHA-256 round constants (FIPS 180-4, section 4.2.2). */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 initial hash value (FIPS 180-4, section 5.3.3). */
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const BLOCK = 64;

/**
 * HMAC-SHA-256 (RFC 2104 over FIPS 180-4) of many short messages under one key. The key's inner
 * and outer pad blocks are hashed once, so a message of up to 55 bytes costs two compressions and
 * no allocation, where `crypto.createHmac` builds a keyed object per message (several times slower
 * for millions of identifiers). The digests are those of `createHmac('sha256', key)` (checked in
 * the tests).
 */
export class HmacSha256 {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  private readonly state = new Int32Array(8);
  /** The message schedule; its first 16 words are the block being hashed. */
  private readonly w = new Int32Array(64);
  private readonly tail = new Uint8Array(2 * BLOCK);

  constructor(key: Uint8Array) {
    // Keys longer than a block are hashed first (RFC 2104).
    const k = key.length > BLOCK ? new Uint8Array(createHash('sha256').update(key).digest()) : key;
    const pad = new Uint8Array(BLOCK);
    for (const [target, byte] of [
      [this.inner, 0x36],
      [this.outer, 0x5c],
    ] as const) {
      for (let i = 0; i < BLOCK; i++) pad[i] = (i < k.length ? k[i]! : 0) ^ byte;
      target.set(IV);
      this.load(pad, 0);
      this.compress(target);
    }
  }

  /** Writes the 32-byte HMAC of the message `bytes[start … end)` into `out`. */
  digest(bytes: Uint8Array, start: number, end: number, out: Uint8Array): void {
    const state = this.state;
    const w = this.w;
    // Inner hash: the key's inner pad block (already hashed), then the message and its padding.
    state.set(this.inner);
    let at = start;
    for (; at + BLOCK <= end; at += BLOCK) {
      this.load(bytes, at);
      this.compress(state);
    }
    // The rest of the message, 0x80, zeros and the length in bits (of the pad block and message).
    const tail = this.tail;
    const rest = end - at;
    for (let i = 0; i < rest; i++) tail[i] = bytes[at + i]!;
    const blocks = rest + 9 > BLOCK ? 2 : 1;
    tail[rest] = 0x80;
    tail.fill(0, rest + 1, blocks * BLOCK);
    const bits = (BLOCK + end - start) * 8;
    writeWord(tail, blocks * BLOCK - 8, Math.floor(bits / 0x100000000));
    writeWord(tail, blocks * BLOCK - 4, bits >>> 0);
    for (let b = 0; b < blocks; b++) {
      this.load(tail, b * BLOCK);
      this.compress(state);
    }
    // Outer hash: the key's outer pad block, then the inner digest (8 words), 0x80 and 768 bits.
    for (let t = 0; t < 8; t++) w[t] = state[t]!;
    w[8] = 0x80000000;
    w.fill(0, 9, 15);
    w[15] = (BLOCK + 32) * 8;
    state.set(this.outer);
    this.compress(state);
    for (let t = 0; t < 8; t++) writeWord(out, 4 * t, state[t]!);
  }

  /** Reads the 64 bytes of `data` from `at` as the 16 big-endian words to hash next. */
  private load(data: Uint8Array, at: number): void {
    const w = this.w;
    for (let t = 0; t < 16; t++) {
      const p = at + 4 * t;
      w[t] = (data[p]! << 24) | (data[p + 1]! << 16) | (data[p + 2]! << 8) | data[p + 3]!;
    }
  }

  /** The SHA-256 compression function on the loaded block (FIPS 180-4, 6.2.2), extending the schedule as it goes. */
  private compress(state: Int32Array): void {
    const w = this.w;
    let a = state[0]!;
    let b = state[1]!;
    let c = state[2]!;
    let d = state[3]!;
    let e = state[4]!;
    let f = state[5]!;
    let g = state[6]!;
    let h = state[7]!;
    for (let t = 0; t < 64; t++) {
      let wt: number;
      if (t < 16) wt = w[t]!;
      else {
        const x = w[t - 15]!;
        const y = w[t - 2]!;
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        wt = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
        w[t] = wt;
      }
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + K[t]! + wt) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    state[0] = (state[0]! + a) | 0;
    state[1] = (state[1]! + b) | 0;
    state[2] = (state[2]! + c) | 0;
    state[3] = (state[3]! + d) | 0;
    state[4] = (state[4]! + e) | 0;
    state[5] = (state[5]! + f) | 0;
    state[6] = (state[6]! + g) | 0;
    state[7] = (state[7]! + h) | 0;
  }
}

function writeWord(out: Uint8Array, at: number, word: number): void {
  out[at] = word >>> 24;
  out[at + 1] = word >>> 16;
  out[at + 2] = word >>> 8;
  out[at + 3] = word;
}
