import type { PiiSpan } from './types.js';

/**
 * Pakistani passport numbers: two letters and seven digits (`AB1234567`). After a cue
 * (`passport`, `pasport`, `پاسپورٹ`, optionally followed by `no`, `number`, `#`, `:`, `نمبر`, `hai`…)
 * the value may be written in lower case or with a space or dash (`ab 1234567`, `AB-1234567`) and an
 * older one-letter form is accepted too. Without a cue only the exact upper-case form `AB1234567`
 * standing alone is taken: it is distinctive enough, and other codes rarely have that shape.
 */
const CUED =
  /(?:passport|pasport|paasport|پاسپورٹ)(?:\s*(?:no\.?|number|nmbr|nambar|num|#|:|-|is|hai|he|h|ka|ki|mera|meri|نمبر|ہے|کا))*\s*([A-Za-z]{1,2}[\s-]?\d{7})(?![0-9A-Za-z])/gi;
const CUE_HINT = /pa+s?sport|پاسپورٹ/i;
const BARE_HINT = /[A-Z]{2}\d{7}/;
const BARE = /(?<![0-9A-Za-z])[A-Z]{2}\d{7}(?![0-9A-Za-z])/g;

/**
 * Finds passport numbers in normalised text.
 * @example detectPassports('passport no: ab1234567') // [{ start: 13, end: 22, type: 'PASSPORT' }]
 */
export function detectPassports(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (CUE_HINT.test(text)) {
    CUED.lastIndex = 0;
    for (let m = CUED.exec(text); m !== null; m = CUED.exec(text)) {
      const value = m[1]!;
      const start = m.index + m[0].length - value.length;
      spans.push({ start, end: start + value.length, type: 'PASSPORT' });
    }
  }
  if (!BARE_HINT.test(text)) return spans;
  BARE.lastIndex = 0;
  for (let m = BARE.exec(text); m !== null; m = BARE.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length, type: 'PASSPORT' });
  }
  return spans;
}
