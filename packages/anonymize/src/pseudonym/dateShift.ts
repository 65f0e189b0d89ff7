import { createHmac } from 'node:crypto';
import { dictionaryColumn, isMissingCell, LeakriskError, type DictionaryColumn, type ProblemLocation, type Utf8Column } from '@leakrisk/survey';

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
  checkMaxDays(maxDays);
  if (maxDays === 0) return 0;
  const m = 2 * maxDays + 1;
  const limit = Math.floor(RANGE / m) * m;
  for (let counter = 0; ; counter++) {
    const digest = createHmac('sha256', key).update(`date-shift\0${respondentId}\0${counter}`, 'utf8').digest();
    const v = digest.readUIntBE(0, 6);
    if (v < limit) return (v % m) - maxDays;
  }
}

function checkMaxDays(maxDays: number): void {
  if (!Number.isInteger(maxDays) || maxDays < 0 || maxDays > 36_500) {
    throw new LeakriskError(
      `A date shift of at most ${String(maxDays)} days is not allowed.`,
      { column: 'maxDays' },
      'Use a whole number of days from 0 to 36500 (for example 30).',
    );
  }
}

const PREFIX = Buffer.from('date-shift\0', 'utf8');

/**
 * {@link dateShiftDays} for many respondents under one key and `maxDays`, on UTF-8 bytes: the
 * returned function gives the shift of the respondent id `id[start … end)`. The HMAC message is
 * assembled in a reused buffer and hashed by `node:crypto`. `maxDays` is checked at each call, as
 * `dateShiftDays` does.
 */
export function dateShifter(key: Uint8Array, maxDays: number): (id: Uint8Array, start: number, end: number) => number {
  const secret = Buffer.from(key);
  let message = Buffer.alloc(256);
  return (id: Uint8Array, start: number, end: number): number => {
    checkMaxDays(maxDays);
    if (maxDays === 0) return 0;
    const m = 2 * maxDays + 1;
    const limit = Math.floor(RANGE / m) * m;
    // "date-shift\0" + id + "\0" + counter.
    const idEnd = PREFIX.length + end - start;
    if (idEnd + 32 > message.length) message = Buffer.alloc(2 * (idEnd + 32));
    PREFIX.copy(message, 0);
    message.set(id.subarray(start, end), PREFIX.length);
    message[idEnd] = 0;
    for (let counter = 0; ; counter++) {
      const messageEnd = idEnd + 1 + message.write(String(counter), idEnd + 1, 'latin1');
      // The first 48 bits of the HMAC, read from its hex digits.
      const hex = createHmac('sha256', secret)
        .update(new Uint8Array(message.buffer, message.byteOffset, messageEnd))
        .digest('hex');
      const v = Number.parseInt(hex.slice(0, 12), 16);
      if (v < limit) return (v % m) - maxDays;
    }
  };
}

/**
 * Shifts an ISO date (`YYYY-MM-DD`) by the respondent's keyed shift (see `dateShiftDays`), in the
 * proleptic Gregorian calendar (UTC, no time-zone effects). An empty cell stays empty. A value that is
 * not a real calendar date, or a missing respondent id, is a LeakriskError located by `where` (the
 * caller supplies file, row and column); the message does not repeat the value.
 * @example shiftDate('2024-03-01', 'R-17', key, 30) // the same date moved by between -30 and +30 days
 */
export function shiftDate(isoDate: string, respondentId: string, key: Uint8Array, maxDays: number, where: ProblemLocation = {}): string {
  if (isoDate.length === 0) return '';
  const time = isoDateTime(isoDate);
  if (time === undefined) throw notADateError(where);
  if (respondentId.length === 0) throw noRespondentError(where);
  return shiftedIsoDate(time, dateShiftDays(respondentId, key, maxDays));
}

/** Milliseconds since 1970 (UTC) of an ISO date `YYYY-MM-DD`, or undefined when it is not a real calendar date. */
function isoDateTime(isoDate: string): number | undefined {
  const match = ISO_DATE.exec(isoDate);
  const year = match === null ? NaN : Number(match[1]);
  const month = match === null ? NaN : Number(match[2]);
  const day = match === null ? NaN : Number(match[3]);
  const time = Date.UTC(year, month - 1, day);
  const parsed = new Date(time);
  if (match === null || Number.isNaN(time) || parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
    return undefined;
  }
  return time;
}

/** The ISO date (`YYYY-MM-DD`) `days` days after the date at `time` (from {@link isoDateTime}). */
function shiftedIsoDate(time: number, days: number): string {
  const shifted = new Date(time + days * DAY_MS);
  const y = shifted.getUTCFullYear();
  const yyyy = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : String(y);
  const mm = String(shifted.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(shifted.getUTCDate()).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}

/** The error for a cell to be date-shifted that is not a calendar date. */
function notADateError(where: ProblemLocation): LeakriskError {
  return new LeakriskError(
    'This cell is not a calendar date in YYYY-MM-DD form, so it cannot be date-shifted.',
    where,
    'Write dates as YYYY-MM-DD (for example 2024-03-01), or leave the cell empty if unknown.',
  );
}

/** The error for a date to be shifted in a row without a respondent id. */
function noRespondentError(where: ProblemLocation): LeakriskError {
  return new LeakriskError(
    'This row has a date but no respondent id, so its date shift cannot be derived.',
    where,
    'Give every row a respondent id (the shift is per respondent), or leave the date empty.',
  );
}

/** A date-shifted column, and counts for the audit. */
export interface ShiftedDates {
  dates: DictionaryColumn;
  /** Non-missing cells. */
  cells: number;
  /** Cells whose text changed. */
  changed: number;
}

/**
 * {@link shiftDate} over a whole column given as its distinct texts (`distinctTexts`): each date is
 * parsed once and each (date, shift) pair formatted once, while the keyed shift is still derived per
 * row from the respondent id, row i's text in `respondentIds` (the respondent column's `utf8()` texts),
 * or the row number `i + 1` when there is no respondent column. Missing cells (empty, `NA`, `missing`
 * codes) stay as they are. Rows are checked in order, so the error is the one `shiftDate` would raise
 * first; `where` gives its file and column.
 */
export function shiftDateColumn(
  dates: DictionaryColumn,
  respondentIds: Utf8Column | undefined,
  key: Uint8Array,
  maxDays: number,
  missing: ReadonlySet<string> | undefined,
  where: { file?: string; column?: string },
): ShiftedDates {
  const n = dates.codes.length;
  const shiftOf = dateShifter(key, maxDays);
  const rowNumber = Buffer.alloc(24);
  const isMissing = dates.levels.map((value) => isMissingCell(value, missing));
  const times = dates.levels.map((value, c) => (isMissing[c] ? undefined : isoDateTime(value)));
  // Codes below dates.levels.length stand for the original text (missing cells); shifted dates follow.
  const values = [...dates.levels];
  const span = 2 * maxDays + 1;
  const shiftedCode = new Map<number, number>();
  const index = new Int32Array(n);
  let cells = 0;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const c = dates.codes[i]!;
    if (isMissing[c]) {
      index[i] = c;
      continue;
    }
    cells++;
    const time = times[c];
    if (time === undefined) throw notADateError({ file: where.file, row: i + 1, column: where.column });
    let days: number;
    if (respondentIds === undefined) days = shiftOf(rowNumber, 0, rowNumber.write(String(i + 1), 0, 'latin1'));
    else {
      const { bytes, start, end } = respondentIds;
      if (end[i] === start[i]) throw noRespondentError({ file: where.file, row: i + 1, column: where.column });
      days = shiftOf(bytes, start[i]!, end[i]!);
    }
    const slot = c * span + days + maxDays;
    let code = shiftedCode.get(slot);
    if (code === undefined) {
      code = values.length;
      values.push(shiftedIsoDate(time, days));
      shiftedCode.set(slot, code);
    }
    index[i] = code;
    if (values[code] !== dates.levels[c]) changed++;
  }
  return { dates: dictionaryColumn(index, values), cells, changed };
}
