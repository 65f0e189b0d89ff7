/** Fewer different byte values than this in a key of 16 or more bytes is not chance: a random hex key of 16 characters has about 10. */
const MIN_DISTINCT_BYTES = 5;

/** The shortest period of `bytes` (the smallest p with bytes[i] = bytes[i − p] throughout), or its length when it does not repeat. */
function shortestPeriod(bytes: Uint8Array): number {
  // Knuth–Morris–Pratt failure function: the longest proper prefix that is also a suffix.
  const border = new Int32Array(bytes.length);
  for (let i = 1, k = 0; i < bytes.length; i++) {
    while (k > 0 && bytes[i] !== bytes[k]) k = border[k - 1]!;
    if (bytes[i] === bytes[k]) k++;
    border[i] = k;
  }
  return bytes.length - (bytes.length === 0 ? 0 : border[bytes.length - 1]!);
}

/**
 * Why a key looks guessable, or undefined when it does not: every byte the same (`0000…`), a short
 * pattern repeated (`abcabcabc…`, `0101…`), a run of consecutive characters (`abcdefgh…`,
 * `0123…`), or only a handful of different characters. A key chosen by a person rather than by
 * `leakrisk keygen` usually fails one of these; a pseudonym made with a guessable key can be
 * reversed by hashing every possible identifier with it. A heuristic: it never rejects a key.
 */
export function weakKeyReason(key: Uint8Array): string | undefined {
  if (key.length === 0) return undefined;
  const distinct = new Set(key).size;
  if (distinct === 1) return 'every character of it is the same';
  const period = shortestPeriod(key);
  if (period <= key.length / 2) return `it repeats a pattern of ${period} characters`;
  const step = (key[1]! - key[0]! + 256) % 256;
  if (key.every((byte, i) => i === 0 || (byte - key[i - 1]! + 256) % 256 === step)) return 'it is a run of consecutive characters';
  if (key.length >= 16 && distinct < MIN_DISTINCT_BYTES) return `it uses only ${distinct} different characters`;
  return undefined;
}
