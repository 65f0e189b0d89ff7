import type { PiiSpan } from './types.js';

/**
 * Pakistani CNIC / NICOP numbers: 13 digits, `35202-1234567-1`, `3520212345671` or spaced
 * `35202 1234567 1` (Urdu digits once normalised). The first digit is the province code (1–7), so a
 * 13-digit number starting with 0, 8 or 9 is not taken. The digit groups must be 5-7-1 when separated.
 */
const CNIC = /(?<![0-9])[1-7]\d{4}(?:\s?-\s?|\s|\.)?\d{7}(?:\s?-\s?|\s|\.)?\d(?![0-9])/g;

/**
 * Finds CNIC numbers in normalised text.
 * @example detectCnics('CNIC 35202-1234567-1') // [{ start: 5, end: 20, type: 'CNIC' }]
 */
export function detectCnics(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  CNIC.lastIndex = 0;
  for (let m = CNIC.exec(text); m !== null; m = CNIC.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length, type: 'CNIC' });
  }
  return spans;
}
