import type { PiiSpan } from './types.js';

/**
 * Links: `http(s)://…`, `www.…` and bare domains ending in a common top-level domain
 * (`instagram.com/x`, `wa.me/923001234567`, `bit.ly/abc`, `site.com.pk`). A link runs to the next
 * space, quote, angle bracket or Urdu letter; trailing punctuation (`.`, `,`, `)`, `۔`, …) is left out.
 * A phone number inside a link is part of the link (the scrubber keeps the longer span).
 */
const TLDS = 'com|pk|org|net|me|ly|io|co|info|tv|gl|be|app|link|page|site|xyz|online|edu|gov|uk|ae|biz|gg|to|cc|fm|live|store|shop|blog|news';
const SCHEME = /(?<![A-Za-z0-9])(?:https?:\/\/|www\.)[^\s<>"'\u0600-\u06ff]+/gi;
const BARE = new RegExp(
  `(?<![A-Za-z0-9@.\\-/_])(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.)+(?:${TLDS})(?![A-Za-z0-9\\-])(?::\\d{1,5})?(?:/[^\\s<>"'\\u0600-\\u06ff]*)?`,
  'gi',
);
const TRAILING = /[.,;:!?)\]}'"\u06d4\u060c\u061f]+$/;

function push(spans: PiiSpan[], start: number, raw: string): void {
  const trimmed = raw.replace(TRAILING, '');
  // keep a closing bracket that closes one inside the link (wikipedia-style links)
  let end = start + trimmed.length;
  if (raw.length > trimmed.length && raw[trimmed.length] === ')' && trimmed.includes('(')) end += 1;
  if (end > start) spans.push({ start, end, type: 'URL' });
}

/**
 * Finds links in normalised text.
 * @example detectUrls('see wa.me/923001234567.') // [{ start: 4, end: 22, type: 'URL' }]
 */
export function detectUrls(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (!text.includes('.') && !text.includes('/')) return spans;
  SCHEME.lastIndex = 0;
  for (let m = SCHEME.exec(text); m !== null; m = SCHEME.exec(text)) push(spans, m.index, m[0]);
  BARE.lastIndex = 0;
  for (let m = BARE.exec(text); m !== null; m = BARE.exec(text)) push(spans, m.index, m[0]);
  return spans;
}
