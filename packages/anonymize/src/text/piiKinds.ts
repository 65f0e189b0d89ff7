import { LATIN_GIVEN_NAMES, LATIN_NAMES, URDU_NAME_SET, URDU_NOT_FIRST_NAMES } from './nameLists.js';
import { normalizeForMatching } from './normalize.js';
import { findPii } from './scrub.js';
import { PII_TYPES, type PiiType } from './types.js';

/**
 * Whether one value LOOKS LIKE personal data, and which kinds: for checks over values that are meant
 * to be harmless (kept columns before release, domain and level values before the report publishes
 * them). The same detectors as the scrubber (`findPii`): a phone or CNIC however written (`0300-1234567`,
 * digits one by one, spelled out, Urdu digits), an email, a link, a handle (`@x`, or after a platform
 * cue), an IBAN, a passport number, an address or date of birth after their cue, a name after a cue
 * ("mera naam X hai"). And, because a kept column may simply list people, a value that IS a person's
 * name: a listed given name alone or followed by one or two listed names ("Ayesha", "Bilal Ahmed",
 * "عائشہ خان"; see `nameLists.ts`). A name is the weakest of these kinds: a single such value may be a
 * public figure or a category, so callers deciding on one value may want more than `NAME`.
 *
 * Never fires on ordinary answers: yes/no, Likert words, place names, bands (`25-34`), numbers up to
 * eight digits, amounts, years, dates, times, service numbers (`1122`).
 *
 * Fast: a value with no letter, `@` or non-ASCII character and fewer than nine digits, or one short
 * code (`R000123-ab`), is answered after one pass over its characters; other values go through the
 * scrubber's own gate (no detector runs on "Strongly agree"), and their answers are remembered (short
 * values, the last 4,096 distinct ones), so a categorical column costs one lookup per cell.
 *
 * @returns the kinds found, in `PII_TYPES` order; the same empty (frozen) array when none.
 * @example piiKindsIn('0300-1234567') // ['PHONE']
 * @example piiKindsIn('zero three zero zero one two three four five six seven') // ['PHONE']
 * @example piiKindsIn('Strongly agree') // []
 */
export function piiKindsIn(value: string): readonly PiiType[] {
  const quick = quickAnswer(value);
  if (quick !== undefined) return quick;
  if (value.length > CACHEABLE) return detect(value);
  const known = remembered.get(value);
  if (known !== undefined) return known;
  const kinds = detect(value);
  if (remembered.size >= REMEMBERED) remembered.clear();
  remembered.set(value, kinds);
  return kinds;
}

const NONE: readonly PiiType[] = Object.freeze([]);
const PASSPORT_ONLY: readonly PiiType[] = Object.freeze(['PASSPORT']);
/** Two capitals and seven digits standing alone (`AB1234567`), as `detectPassports` takes them without a cue. */
const BARE_PASSPORT = /(?<![0-9A-Za-z])[A-Z]{2}\d{7}(?![0-9A-Za-z])/;
const CACHEABLE = 64;
const REMEMBERED = 4096;
const remembered = new Map<string, readonly PiiType[]>();

/** The answer from one pass over the characters, or undefined when the detectors must look. */
function quickAnswer(value: string): readonly PiiType[] | undefined {
  if (value.length < 2) return NONE;
  let digits = 0;
  let letters = 0;
  let lookalikes = 0; // O, o, l, I: digits in disguise (`03OO-l234567`)
  let other = false; // a letter, `@` or a non-ASCII character
  let oneWord = true; // no space, `@`, `.`, `/` or `:` (no link, email, handle cue or second word)
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letters++;
      if (c === 79 || c === 111 || c === 108 || c === 73) lookalikes++;
    } else if (c >= 0x80) {
      other = true;
      oneWord = false;
    } else if (c === 64) {
      other = true;
      oneWord = false;
    } else if (c === 32 || c === 46 || c === 47 || c === 58 || c === 9 || c === 10 || c === 13) oneWord = false;
  }
  // numbers, amounts, bands, dates, times and short codes: only a phone or CNIC (nine digits or more) could hide here
  if (letters === 0 && !other && digits < 9) return NONE;
  // one short ASCII code with a few digits (`R000123-ab`, `2nd`, `G-10`): too few digits, even with
  // lookalike letters or one spelled digit, for a phone; only a passport number has such a shape
  if (oneWord && digits > 0 && letters <= 4 && digits + lookalikes + 2 < 9) return BARE_PASSPORT.test(value) ? PASSPORT_ONLY : NONE;
  return undefined;
}

function detect(value: string): readonly PiiType[] {
  const found = findPii(value);
  const name = found.length === 0 || !found.some((span) => span.type === 'NAME') ? isPersonName(value) : false;
  if (found.length === 0 && !name) return NONE;
  const kinds = PII_TYPES.filter((type) => (type === 'NAME' && name) || found.some((span) => span.type === type));
  return Object.freeze(kinds);
}

const LATIN_WORDS = /^[A-Za-z]+(?:[ ]+[A-Za-z]+){0,2}$/;
const URDU_WORDS = /^[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+(?:[ ]+[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+){1,2}$/;

/**
 * A value that is a person's name by itself: Latin script, a listed given name alone or followed by
 * one or two listed names ("Hassan Abdal", a town, stays: "abdal" is not a listed name); Urdu script,
 * two or three listed names, the first not a family name, title or ordinary word.
 */
function isPersonName(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length > 40) return false;
  if (LATIN_WORDS.test(trimmed)) {
    const words = trimmed.toLowerCase().split(/ +/);
    if (!LATIN_GIVEN_NAMES.has(words[0]!)) return false;
    for (let i = 1; i < words.length; i++) if (!LATIN_NAMES.has(words[i]!)) return false;
    return true;
  }
  const normalized = normalizeForMatching(trimmed).text;
  if (!URDU_WORDS.test(normalized)) return false;
  const words = normalized.split(/ +/);
  if (URDU_NOT_FIRST_NAMES.has(words[0]!)) return false;
  return words.every((word) => URDU_NAME_SET.has(word));
}
