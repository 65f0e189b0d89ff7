import { createHmac } from 'node:crypto';
import { LeakriskError, type ProblemLocation } from '@leakrisk/survey';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** 2^48: the first six bytes of the HMAC read as an integer are uniform below this. */
const RANGE = 2 ** 48;

/**
 * The number of days by which a respondent's dates move: uniform on the integers
 * −maxDays … +maxDays, derived from HMAC-SHA-256(key, "date-shift\0" + respondentId + "\0" + counter).
 * The first 48 bits of the HMAC are read as an integer v; values v ≥ ⌊2⁴⁸ / m⌋·m (m = 2·maxDays + 1)
 * are rejected and the counter advances, so the shift is exactly uniform (rejection sampling). The
 * same key and respondent always give the same shift, so intervals between one respondent's dates
 * are preserved while calendar dates can no longer be matched against outside records.
 */
export function dateShiftDays(respondentId: string, key: Uint8Array, maxDays: number): number {
  if (!Number.isInteger(maxDays) || maxDays < 0 || maxDays > 36_500) {
    throw new LeakriskError(
      `A date shift of at most ${String(maxDays)} days is not allowed.`,
      { column: 'maxDays' },
      'Use a whole number of days from 0 to 36500 (for example 30).',
    );
  }
  if (maxDays === 0) return 0;
  const m = 2 * maxDays + 1;
  const limit = Math.floor(RANGE / m) * m;
  for (let counter = 0; ; counter++) {
    const digest = createHmac('sha256', key).update(`date-shift\0${respondentId}\0${counter}`, 'utf8').digest();
    const v = digest.readUIntBE(0, 6);
    if (v < limit) return (v % m) - maxDays;
  }
}

/**
 * Shifts an ISO date (`YYYY-MM-DD`) by the respondent's keyed shift (see `dateShiftDays`), in the
 * proleptic Gregorian calendar (UTC, no time-zone effects). An empty cell stays empty. A value that is
 * not a real calendar date, or a missing respondent id, is a LeakriskError located by `where` (the
 * caller supplies file, row and column); the message does not repeat the value.
 * @example shiftDate('2024-03-01', 'R-17', key, 30) // the same date moved by between -30 and +30 days
 */
export function shiftDate(
  isoDate: string,
  respondentId: string,
  key: Uint8Array,
  maxDays: number,
  where: ProblemLocation = {},
): string {
  if (isoDate.length === 0) return '';
  const match = ISO_DATE.exec(isoDate);
  const year = match === null ? NaN : Number(match[1]);
  const month = match === null ? NaN : Number(match[2]);
  const day = match === null ? NaN : Number(match[3]);
  const time = Date.UTC(year, month - 1, day);
  const parsed = new Date(time);
  if (
    match === null ||
    Number.isNaN(time) ||
    parsed.getUTCFullYear() !== year ||
    parsed.getUTCMonth() !== month - 1 ||
    parsed.getUTCDate() !== day
  ) {
    throw new LeakriskError(
      'This cell is not a calendar date in YYYY-MM-DD form, so it cannot be date-shifted.',
      where,
      'Write dates as YYYY-MM-DD (for example 2024-03-01), or leave the cell empty if unknown.',
    );
  }
  if (respondentId.length === 0) {
    throw new LeakriskError(
      'This row has a date but no respondent id, so its date shift cannot be derived.',
      where,
      'Give every row a respondent id (the shift is per respondent), or leave the date empty.',
    );
  }
  const shifted = new Date(time + dateShiftDays(respondentId, key, maxDays) * DAY_MS);
  const y = shifted.getUTCFullYear();
  const yyyy = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : String(y);
  const mm = String(shifted.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(shifted.getUTCDate()).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}
