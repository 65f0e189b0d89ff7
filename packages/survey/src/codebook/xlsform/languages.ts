import type { Localized } from '../types.js';
import { normaliseHeader, type FormRow, type FormSheet } from './formSheets.js';

/**
 * The languages of an XLSForm, read from its column headers: `label::English (en)` is English with
 * code `en`; `label::Urdu` (no code) is matched by name; a plain `label` is the form's default
 * language (`settings.default_language`, else English).
 */
export interface FormLanguages {
  /** Language codes in the order the form's label columns give them (`['en', 'ur']`). */
  codes: string[];
  /** The default language's code, for plain `label`/`hint` columns. */
  defaultCode: string;
}

const BY_NAME: Record<string, string> = {
  english: 'en',
  urdu: 'ur',
  punjabi: 'pa',
  sindhi: 'sd',
  pashto: 'ps',
  balochi: 'bal',
  saraiki: 'skr',
  arabic: 'ar',
  hindi: 'hi',
  bengali: 'bn',
  french: 'fr',
  spanish: 'es',
  portuguese: 'pt',
  swahili: 'sw',
};

/** `English (en)` → `en`; `Urdu` → `ur`; `Shina` → `shina`. */
function languageCode(spec: string): string {
  const trimmed = spec.trim();
  const coded = /\(\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\s*\)\s*$/.exec(trimmed);
  if (coded) return coded[1]!.toLowerCase();
  const name = trimmed.toLowerCase();
  if (BY_NAME[name] !== undefined) return BY_NAME[name];
  if (/^[a-z]{2,3}$/.test(name)) return name;
  const slug = name.replace(/[^a-z]/g, '').slice(0, 8);
  return slug.length >= 2 ? slug : 'und';
}

export function formLanguages(survey: FormSheet, choices: FormSheet | undefined, defaultLanguage: string | undefined): FormLanguages {
  const defaultCode = defaultLanguage !== undefined && defaultLanguage.trim() !== '' ? languageCode(defaultLanguage) : 'en';
  const codes: string[] = [];
  for (const header of [...survey.columns, ...(choices?.columns ?? [])]) {
    const normal = normaliseHeader(header);
    let code: string | undefined;
    if (normal === 'label' || normal === 'hint') code = defaultCode;
    else if (normal.startsWith('label::') || normal.startsWith('hint::')) code = languageCode(header.slice(header.indexOf('::') + 2));
    if (code !== undefined && !codes.includes(code)) codes.push(code);
  }
  if (codes.length === 0) codes.push(defaultCode);
  return { codes, defaultCode };
}

/** The texts of one row's `label` (or `hint`) columns by language code, HTML and markdown emphasis removed. */
export function textsOf(row: FormRow, column: 'label' | 'hint' | 'form_title', languages: FormLanguages): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [header, value] of row.cells) {
    const normal = normaliseHeader(header);
    let code: string | undefined;
    if (normal === column) code = languages.defaultCode;
    else if (normal.startsWith(`${column}::`)) code = languageCode(header.slice(header.indexOf('::') + 2));
    if (code === undefined) continue;
    const text = plainText(value);
    if (text !== '' && !texts.has(code)) texts.set(code, text);
  }
  return texts;
}

/** Form labels may carry HTML (`<span style=…>`) and markdown emphasis; the codebook keeps the words. */
function plainText(value: string): string {
  return value
    .replace(/<[^>]*>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Counts the places where a language of the form had no text and the first language's was used. */
export class Fallbacks {
  readonly missing = new Map<string, number>();

  /**
   * A {@link Localized} from texts by language: `en` and `ur` always present (the first language of
   * the form stands in where one is missing, else `fallback`), every other language kept by its code.
   */
  localized(texts: Map<string, string>, languages: FormLanguages, fallback: string): Localized {
    const first = languages.codes.map((code) => texts.get(code)).find((text) => text !== undefined) ?? fallback;
    for (const code of languages.codes) if (!texts.has(code) && texts.size > 0) this.missing.set(code, (this.missing.get(code) ?? 0) + 1);
    const label: Localized = { en: texts.get('en') ?? first, ur: texts.get('ur') ?? first };
    for (const [code, text] of texts) if (code !== 'en' && code !== 'ur' && /^[a-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(code)) label[code] = text;
    return label;
  }

  notes(): string[] {
    return [...this.missing].map(
      ([code, n]) => `${n} label${n === 1 ? '' : 's'} of the form have no "${code}" text; the form's first language stands in there`,
    );
  }
}
