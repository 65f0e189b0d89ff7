import type { PiiSpan } from './types.js';

/**
 * Dates of birth: a date right after a birth cue (`born on`, `DOB`, `D.O.B`, `date of birth`,
 * `birthday`, `paidaish`/`pedaish`, `tareekh-e-paidaish`, `تاریخ پیدائش`, `پیدائش`, `سالگرہ`) or right
 * before `ko paida …` / `کو پیدا …` ("12 March 1995 ko paida hui"). Only the date is replaced; the cue
 * stays. A date anywhere else (an interview date, "12-05-2023 ko video leak hui") is not personal data
 * on its own and stays, and a bare year ("born in 1995") stays too.
 *
 * Dates: `12-03-1995`, `12/3/95`, `12.03.1995`, `1995-03-12`, `12 March 1995`, `12th of March, 1995`,
 * `March 12, 1995`, `12 مارچ 1995`, and day + month without a year after a cue (`birthday 12 March`).
 */
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر';
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const DATE = new RegExp(
  [
    String.raw`(?<!\d)(?:0?[1-9]|[12]\d|3[01])\s?[-/.]\s?(?:0?[1-9]|1[0-2])\s?[-/.]\s?(?:${YEAR}|\d{2})(?!\d)`,
    String.raw`(?<!\d)${YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)`,
    String.raw`(?<!\d)${DAY}\s*(?:of\s+)?(?:${MONTHS})\.?(?:,?\s*(?:${YEAR}|'\d{2}))?(?![A-Za-z])`,
    String.raw`(?<![A-Za-z])(?:${MONTHS})\.?\s+${DAY}(?:,?\s*${YEAR})?(?![0-9])`,
  ].join('|'),
  'gi',
);
const CUE_BEFORE =
  /(?<![A-Za-z])(?:date\s+of\s+birth|birth\s*date|birthdate|d\.?\s?o\.?\s?b\.?|born(?:\s+on)?|birthday|b'?day|(?:tareekh|tarikh)[-\s]?e[-\s]?(?:paidaish|pedaish)|yaum[-\s]?e[-\s]?(?:paidaish|pedaish)|paidaish|paidaesh|paidayish|pedaish|salgirah|salgira|تاریخ\s*پیدائش|یوم\s*پیدائش|پیدائش|سالگرہ)(?:[\s:\-=,]|is|was|on|the|hai|he|ki|ka|ko|meri|mera|میری|میرا|کی|کا|ہے|کو)*$/i;
const CUE_AFTER = /^\s*(?:ko|kw|کو)?\s*(?:paida|peda|پیدا)/i;
const CUE_WORDS = /birth|dob|d\.o\.b|d o b|born|b'?day|paida|peda|salgira|پیدا|سالگرہ/;

/** Cheap test for any birth cue on the lower-cased text (no `i` flag: faster to scan). */
function hasBirthCue(text: string): boolean {
  return CUE_WORDS.test(text.toLowerCase());
}

/**
 * Finds dates of birth in normalised text.
 * @example detectDatesOfBirth('DOB: 12-03-1995') // [{ start: 5, end: 15, type: 'DOB' }]
 */
export function detectDatesOfBirth(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (!hasBirthCue(text)) return spans;
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m !== null; m = DATE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 20);
    if (CUE_BEFORE.test(before) || CUE_AFTER.test(after)) spans.push({ start, end, type: 'DOB' });
  }
  return spans;
}
