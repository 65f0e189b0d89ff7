import { en } from './en.js';
import { ur } from './ur.js';
import type { Lang, Strings } from './types.js';

export type { Lang, Strings } from './types.js';
export { en } from './en.js';
export { ur } from './ur.js';

export function stringsFor(lang: Lang): Strings {
  return lang === 'ur' ? ur : en;
}
