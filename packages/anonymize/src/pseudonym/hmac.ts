import { createHmac } from 'node:crypto';
import { LeakriskError } from '@leakrisk/survey';

export interface PseudonymOptions {
  /** Put before the hex digits so that a pseudonym never looks like a number (default `P`). */
  prefix?: string;
  /** Hex digits kept from the HMAC, 8 to 64 (default 16, i.e. 64 bits). */
  length?: number;
}

/**
 * A keyed pseudonym: `prefix + hex(HMAC-SHA-256(key, UTF-8 value))` truncated to `length` hex digits.
 * The same value and key always give the same pseudonym (so linked records stay linked); without the
 * key it cannot be reversed or recomputed, unlike a plain hash of a phone number or CNIC, whose small
 * value space can be enumerated. An empty value (a missing cell) stays empty. The value is used exactly
 * as given (no trimming), so the caller decides what counts as the same identifier.
 *
 * With 16 hex digits (64 bits) the chance that two of n distinct values collide is about
 * n² / 2⁶⁵ (≈ 3·10⁻⁸ for a million respondents).
 * @example pseudonymize('R-0001', key) // 'P' followed by 16 hex digits, e.g. 'P3f2a…'
 */
export function pseudonymize(value: string, key: Uint8Array, options: PseudonymOptions = {}): string {
  const prefix = options.prefix ?? 'P';
  const length = options.length ?? 16;
  if (!Number.isInteger(length) || length < 8 || length > 64) {
    throw new LeakriskError(
      `A pseudonym length of ${String(length)} hex digits is not allowed.`,
      { column: 'length' },
      'Use a whole number from 8 to 64 (16 is the default).',
    );
  }
  if (value.length === 0) return '';
  const digest = createHmac('sha256', key).update(value, 'utf8').digest('hex');
  return prefix + digest.slice(0, length);
}

/**
 * {@link pseudonymize} for many values under one key, on UTF-8 bytes: the returned function writes
 * the pseudonym of the text `text[start … end)` into `out` at `at` (nothing for an empty text) and
 * returns where it ends; `out` needs room for the prefix's bytes plus `length` bytes. Each value is
 * hashed by `node:crypto` (`createHmac`, about 1–2 µs per identifier): a privacy tool does not carry
 * its own hash. The options are checked and the key copied once, so a caller that later changes its
 * key array cannot change the pseudonyms.
 */
export function pseudonymWriter(
  key: Uint8Array,
  options: PseudonymOptions = {},
): (text: Uint8Array, start: number, end: number, out: Uint8Array, at: number) => number {
  const prefix = Buffer.from(options.prefix ?? 'P', 'utf8');
  const length = options.length ?? 16;
  pseudonymize('', key, options); // checks the options exactly as pseudonymize does
  const secret = Buffer.from(key);
  return (text, start, end, out, at) => {
    if (end === start) return at;
    // A view, not a copy: Buffer#subarray would make a Buffer object per value.
    const hex = createHmac('sha256', secret)
      .update(new Uint8Array(text.buffer, text.byteOffset + start, end - start))
      .digest('hex');
    for (let k = 0; k < prefix.length; k++) out[at++] = prefix[k]!;
    for (let k = 0; k < length; k++) out[at++] = hex.charCodeAt(k);
    return at;
  };
}

/** {@link pseudonymize} for many string values under one key (see {@link pseudonymWriter}). */
export function pseudonymizer(key: Uint8Array, options: PseudonymOptions = {}): (value: string) => string {
  const write = pseudonymWriter(key, options);
  const out = Buffer.alloc(Buffer.byteLength(options.prefix ?? 'P', 'utf8') + (options.length ?? 16));
  let message = Buffer.alloc(256);
  return (value: string): string => {
    if (value.length === 0) return '';
    if (3 * value.length > message.length) message = Buffer.alloc(3 * value.length);
    const bytes = message.write(value, 0, 'utf8');
    return out.toString('utf8', 0, write(message, 0, bytes, out, 0));
  };
}
