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
