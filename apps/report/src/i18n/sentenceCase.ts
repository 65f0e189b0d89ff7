import type { Lang } from './types.js';

/**
 * A label as it reads inside an English sentence: its first letter lower-cased ("Victim blaming" →
 * "victim blaming"), unless its first word is an acronym or a name with inner capitals ("PECA",
 * "TikTok", "X (formerly Twitter)" keeps its capital when the word is one letter). Urdu has no case.
 *
 * @example midSentence('Victim blaming for leaked images', 'en') // 'victim blaming for leaked images'
 * @example midSentence('TikTok', 'en') // 'TikTok'
 */
export function midSentence(label: string, lang: Lang): string {
  if (lang !== 'en' || label.length === 0) return label;
  const firstWord = /^[^\s:,(]+/.exec(label)?.[0] ?? '';
  const letters = firstWord.replace(/[^A-Za-z]/g, '');
  if (letters.length <= 1 || /[A-Z]/.test(letters.slice(1))) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** A variable name written for people when no label is known: `age_band` → "Age band". */
export function humanizeName(name: string): string {
  const words = name.replace(/[_.]+/g, ' ').trim();
  return words.length === 0 ? name : words.charAt(0).toUpperCase() + words.slice(1);
}
