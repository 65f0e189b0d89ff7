/**
 * SPSS display formats (PSPP "System File Format", variable record `print` field: type, width and
 * decimals packed in one int32) and the conversion of SPSS date and time numbers to ISO text.
 * SPSS stores a date as seconds since 14 October 1582 (the start of the Gregorian calendar), a
 * time of day or duration as seconds; haven reads DATE/ADATE/EDATE/JDATE/SDATE (and the month,
 * quarter and week formats) as dates, DATETIME/YMDHMS as date-times, TIME/DTIME/MTIME as times.
 */
const FORMAT_NAMES: Record<number, string> = {
  1: 'A',
  2: 'AHEX',
  3: 'COMMA',
  4: 'DOLLAR',
  5: 'F',
  6: 'IB',
  7: 'PIBHEX',
  8: 'P',
  9: 'PIB',
  10: 'PK',
  11: 'RB',
  12: 'RBHEX',
  15: 'Z',
  16: 'N',
  17: 'E',
  20: 'DATE',
  21: 'TIME',
  22: 'DATETIME',
  23: 'ADATE',
  24: 'JDATE',
  25: 'DTIME',
  26: 'WKDAY',
  27: 'MONTH',
  28: 'MOYR',
  29: 'QYR',
  30: 'WKYR',
  31: 'PCT',
  32: 'DOT',
  33: 'CCA',
  34: 'CCB',
  35: 'CCC',
  36: 'CCD',
  37: 'CCE',
  38: 'EDATE',
  39: 'SDATE',
  40: 'MTIME',
  41: 'YMDHMS',
};

const DATE_FORMATS = new Set(['DATE', 'ADATE', 'EDATE', 'JDATE', 'SDATE', 'MOYR', 'QYR', 'WKYR']);
const DATETIME_FORMATS = new Set(['DATETIME', 'YMDHMS']);
const TIME_FORMATS = new Set(['TIME', 'DTIME', 'MTIME']);

export interface SavFormat {
  /** `F`, `A`, `DATE`, … (`?` for a code SPSS does not define). */
  type: string;
  width: number;
  decimals: number;
}

export function decodeFormat(packed: number): SavFormat {
  return { type: FORMAT_NAMES[(packed >>> 16) & 0xff] ?? '?', width: (packed >>> 8) & 0xff, decimals: packed & 0xff };
}

/** `F8.2`, `A20`, `DATE11`: the format as SPSS writes it in syntax. */
export function formatName(format: SavFormat): string {
  return format.decimals > 0 ? `${format.type}${format.width}.${format.decimals}` : `${format.type}${format.width}`;
}

/** Whether a numeric format holds dates, date-times or times (the values become ISO text). */
export function temporalKind(format: SavFormat): 'date' | 'datetime' | 'time' | undefined {
  if (DATE_FORMATS.has(format.type)) return 'date';
  if (DATETIME_FORMATS.has(format.type)) return 'datetime';
  if (TIME_FORMATS.has(format.type)) return 'time';
  return undefined;
}

/** Seconds between 1582-10-14 (SPSS's day zero) and 1970-01-01. */
const SPSS_EPOCH_OFFSET = 12219379200;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** ISO text of an SPSS date/time number (`''` for a missing value). */
export function isoFromSpss(seconds: number, kind: 'date' | 'datetime' | 'time'): string {
  if (!Number.isFinite(seconds)) return '';
  if (kind === 'time') {
    const sign = seconds < 0 ? '-' : '';
    const whole = Math.abs(seconds);
    const hours = Math.floor(whole / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    const rest = whole - hours * 3600 - minutes * 60;
    return `${sign}${pad(hours)}:${pad(minutes)}:${secondsText(rest)}`;
  }
  const date = new Date((seconds - SPSS_EPOCH_OFFSET) * 1000);
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (kind === 'date') return day;
  const rest = seconds - Math.floor(seconds / 60) * 60;
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${secondsText(rest)}`;
}

/** Seconds as `SS` or `SS.fff` (SPSS keeps fractions; most files have none). */
function secondsText(seconds: number): string {
  const rounded = Math.round(seconds * 1000) / 1000;
  const whole = Math.floor(rounded);
  const fraction = Math.round((rounded - whole) * 1000);
  return fraction === 0 ? pad(whole) : `${pad(whole)}.${pad(fraction, 3)}`;
}
