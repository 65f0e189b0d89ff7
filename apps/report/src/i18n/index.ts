import { en } from './en.js';
import { ur } from './ur.js';
import type { Lang, Strings } from './types.js';

export type { KindSection, Lang, ModelKindName, ModelScale, PredictorUnit, Strings, Weighting } from './types.js';
export { en } from './en.js';
export { ur } from './ur.js';
export { midSentence } from './sentenceCase.js';

export function stringsFor(lang: Lang): Strings {
  return lang === 'ur' ? ur : en;
}
