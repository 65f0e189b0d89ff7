import type { PiiSpan } from './types.js';

/**
 * Email addresses: `name@example.com`, and the common spelled-out forms for the big providers
 * (`ali.k [at] gmail [dot] com`, `ali.k at gmail dot com`).
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;
const SPELLED =
  /(?<![A-Za-z0-9._-])[A-Za-z0-9._-]+(?:\s(?:dot|\.)\s[A-Za-z0-9_-]+)*\s*(?:\[at\]|\(at\)|\sat\s)\s*(?:gmail|yahoo|hotmail|outlook|live|icloud|proton(?:mail)?)\s*(?:\.|\[dot\]|\(dot\)|\sdot\s)\s*com(?![A-Za-z0-9])/gi;

const SPELLED_HINT = /\[at\]|\(at\)|\sat\s/i;

/**
 * Finds email addresses in normalised text.
 * @example detectEmails('mail me: sana.k@example.pk') // [{ start: 9, end: 26, type: 'EMAIL' }]
 */
export function detectEmails(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (text.includes('@')) {
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'EMAIL' });
    }
  }
  if (!SPELLED_HINT.test(text)) return spans;
  SPELLED.lastIndex = 0;
  for (let m = SPELLED.exec(text); m !== null; m = SPELLED.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length, type: 'EMAIL' });
  }
  return spans;
}
