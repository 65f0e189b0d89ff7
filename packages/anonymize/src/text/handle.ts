import type { PiiSpan } from './types.js';

/**
 * Social-media handles: `@sana_k`, `@ali.raza92`. An `@` inside an email address is not a handle
 * (the character before it must not be part of a local part), a handle needs a letter or underscore,
 * and clock times such as `@10pm` are left alone. A trailing dot (end of sentence) is left out.
 */
const HANDLE = /(?<![A-Za-z0-9._%+\-@/])@(?=[A-Za-z0-9_.]*[A-Za-z_])[A-Za-z0-9_.]{1,30}/g;
const CLOCK = /^@\d{1,2}(?:[:.]\d{2})?(?:am|pm)$/i;

/**
 * Finds social-media handles in normalised text.
 * @example detectHandles('follow @sana_k.') // [{ start: 7, end: 14, type: 'HANDLE' }]
 */
export function detectHandles(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (!text.includes('@')) return spans;
  HANDLE.lastIndex = 0;
  for (let m = HANDLE.exec(text); m !== null; m = HANDLE.exec(text)) {
    const raw = m[0].replace(/\.+$/, '');
    if (raw.length < 2 || CLOCK.test(raw)) continue;
    spans.push({ start: m.index, end: m.index + raw.length, type: 'HANDLE' });
  }
  return spans;
}
