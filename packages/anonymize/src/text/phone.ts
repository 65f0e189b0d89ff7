import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PiiSpan } from './types.js';

/**
 * Pakistani mobile and landline numbers as people write them: `0300-1234567`, `03001234567`,
 * `+92 300 1234567`, `+923001234567`, `0092 300 1234567`, `+92-300-123-4567`, `0300 123 4567`,
 * `(0300) 1234567`, `(042) 35761234`, `042-35761234`, `923001234567` (as in `wa.me/923001234567`),
 * and the same in Urdu digits once the text is normalised.
 *
 * A cheap regex finds digit runs with phone-like separators (space, `-`, `.`, brackets); inside a run,
 * the longest stretch of whole digit groups that forms a Pakistani number wins, so an amount or a time
 * written next to a number is not swallowed. Mobile numbers (`3[0-6]` + 8 digits after the trunk `0`
 * or country code `92`) are accepted by shape; anything else must pass libphonenumber-js's full
 * (`max`) validation for Pakistan, which knows the area codes and their subscriber lengths.
 */
const CANDIDATE = /(?<![0-9A-Za-z])(?:\+\s?|\(\s?\+?)?\d[\d \-.()]*\d\)?/g;
const GROUP = /\d+/g;
const MOBILE = /^3[0-6]\d{8}$/;
/** Most digit groups a written phone number has (`+92 300 123 45 67`). */
const MAX_GROUPS = 6;

/** The national significant number (without trunk 0 or country code), or null when `digits` is not Pakistani. */
function nationalNumber(digits: string, hasPlus: boolean): string | null {
  let national: string;
  if (digits.startsWith('0092')) national = digits.slice(4);
  else if (digits.startsWith('92') && (hasPlus || digits.length >= 11)) national = digits.slice(2);
  else if (digits.startsWith('0')) national = digits.slice(1);
  else if (digits.length === 10 && digits.startsWith('3')) national = digits;
  else return null;
  // "+92 0300 1234567": a trunk zero written after the country code
  if (national.startsWith('0') && digits.length !== national.length + 1) national = national.slice(1);
  return national;
}

/** Whether `digits` (all the digits of a written number, in order) form a valid Pakistani number. */
export function isPakistaniPhone(digits: string, hasPlus = false): boolean {
  if (digits.length < 9 || digits.length > 14) return false;
  const national = nationalNumber(digits, hasPlus);
  if (national === null || national.length < 8 || national.length > 11) return false;
  if (MOBILE.test(national)) return true;
  if (national.startsWith('3')) return false;
  const parsed = parsePhoneNumberFromString(`+92${national}`);
  return parsed?.isValid() === true;
}

/**
 * Finds Pakistani phone numbers in normalised text.
 * @example detectPhones('call 0300-1234567 after 5') // [{ start: 5, end: 17, type: 'PHONE' }]
 */
export function detectPhones(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const run = m[0];
    const runStart = m.index;
    const groups: { start: number; end: number; digits: string }[] = [];
    GROUP.lastIndex = 0;
    let total = 0;
    for (let g = GROUP.exec(run); g !== null; g = GROUP.exec(run)) {
      groups.push({ start: runStart + g.index, end: runStart + g.index + g[0].length, digits: g[0] });
      total += g[0].length;
    }
    if (total < 9) continue;
    let i = 0;
    while (i < groups.length) {
      let found = -1;
      const last = Math.min(groups.length - 1, i + MAX_GROUPS - 1);
      for (let j = last; j >= i; j--) {
        let digits = '';
        for (let k = i; k <= j; k++) digits += groups[k]!.digits;
        if (digits.length < 9 || digits.length > 14) continue;
        const first = groups[i]!.start;
        const hasPlus = i === 0 ? run.includes('+') && run.indexOf('+') < first - runStart : false;
        if (isPakistaniPhone(digits, hasPlus)) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        i++;
        continue;
      }
      let start = groups[i]!.start;
      if (i === 0) start = runStart;
      else if (text[start - 1] === '(') start -= 1;
      let end = groups[found]!.end;
      const inside = text.slice(start, end);
      const opens = inside.split('(').length - 1;
      const closes = inside.split(')').length - 1;
      if (opens > closes && text[end] === ')') end += 1;
      spans.push({ start, end, type: 'PHONE' });
      i = found + 1;
    }
  }
  return spans;
}
