import { NUMBER_MULTIPLIERS, NUMBER_WORDS } from './numberWords.js';

/**
 * One pass over a (normalised) comment that tells the scrubber which detectors can find anything in it:
 * how many ASCII digits it holds and whether it holds
 * - a number written so that a plain digit pattern misses it: three number tokens in a row with at
 *   least one number word (`zero three zero …`, `0300 one two three 4567`, `صفر تین …`), a letter O/o
 *   or l/I next to digits (`03OO`, `l234567`), four single digits in a row (`0 3 0 0`), or digit groups
 *   split by a line break or by `/`, `_`, `*`, `|` (`0300⏎1234567`);
 * - a social-media platform word (a handle without `@` may follow);
 * - a "call" verb (`kehte`, `bulate`, `کہتے`: a name may precede it) or "ka naam" / "کا نام" (a name
 *   may follow; "my name is" has cues of its own).
 *
 * Every comment goes through this, so it makes no strings and no lookups beyond arrays: each word is
 * hashed into 16 bits and its slot in `KINDS` holds a bit for each kind of listed word with that
 * hash. A collision can only open a gate for nothing (the detectors still decide), never hide a cue.
 *
 * The answer is one integer: the digit count in the low 20 bits, and the flags below.
 */
export const HIDDEN_NUMBER = 1 << 21;
export const PLATFORM = 1 << 22;
export const CALL_VERB = 1 << 23;
export const KA_NAAM = 1 << 24;
const DIGITS = (1 << 20) - 1;

/** The number of ASCII digits in a scan's answer. */
export function digitsOf(facts: number): number {
  return facts & DIGITS;
}

const PLATFORM_WORDS =
  'instagram insta ig tiktok tik snapchat snap facebook fb twitter telegram youtube yt discord linkedin likee bigo انسٹا انسٹاگرام ٹک سنیپ اسنیپ فیس فیسبک ٹویٹر ٹوئٹر ٹیلی ٹیلیگرام یوٹیوب';
const CALL_WORDS =
  'kehte kehtay kahte kahtay kehti kahti kehtey bulate bulatay bulati bulatey pukarte pukartay pukarti bolte boltay bolti کہتے کہتی بلاتے بلاتی پکارتے پکارتی';
const NAAM_WORDS = 'naam nam name نام';
const KA_WORDS = 'ka ki ke k کا کی کے';

const IS_NUMBER = 1;
const IS_PLATFORM = 2;
const IS_CALL = 4;
const IS_NAAM = 8;
/** O, o, l, I alone: a digit in disguise when it stands next to digits. */
const IS_LOOKALIKE = 16;
const IS_KA = 32;

/** One step of the word hash (Latin letters case-folded); `scanCues` inlines it. */
function step(hash: number, c: number): number {
  return (Math.imul(hash, 31) + (c < 0x80 ? c | 0x20 : c)) & 0x3fffffff;
}
function slotOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = step(hash, word.charCodeAt(i));
  return hash & 0xffff;
}
/** Word hash (16 bits) → the kinds of listed words with that hash. */
const KINDS: Uint8Array = (() => {
  const kinds = new Uint8Array(0x10000);
  const add = (words: Iterable<string>, kind: number): void => {
    for (const word of words) kinds[slotOf(word)]! |= kind;
  };
  add([...NUMBER_WORDS.keys(), ...NUMBER_MULTIPLIERS.keys()], IS_NUMBER);
  add(PLATFORM_WORDS.split(' '), IS_PLATFORM);
  add(CALL_WORDS.split(' '), IS_CALL);
  add(NAAM_WORDS.split(' '), IS_NAAM);
  add(KA_WORDS.split(' '), IS_KA);
  return kinds;
})();

// character classes (below U+0700; anything above is "other")
const OTHER = 0;
const LATIN = 1;
const DIGIT = 2;
const ARABIC = 3;
/** Space, `,`, `.`, `-`: separate a number's parts. */
const SEPARATOR = 4;
/** Newline, `/`, `_`, `*`, `|`: separate a number's parts in a way a plain digit pattern does not read. */
const ODD_SEPARATOR = 5;
const CLASS: Uint8Array = (() => {
  const table = new Uint8Array(0x700);
  for (let c = 65; c <= 90; c++) table[c] = LATIN;
  for (let c = 97; c <= 122; c++) table[c] = LATIN;
  for (let c = 48; c <= 57; c++) table[c] = DIGIT;
  for (let c = 0x0621; c <= 0x064a; c++) table[c] = ARABIC;
  for (let c = 0x066e; c <= 0x06d3; c++) table[c] = ARABIC;
  for (let c = 0x06fa; c <= 0x06ff; c++) table[c] = ARABIC;
  for (const c of [32, 9, 44, 46, 45, 0x060c]) table[c] = SEPARATOR;
  for (const c of [10, 13, 47, 95, 42, 124]) table[c] = ODD_SEPARATOR;
  return table;
})();
const classOf = (c: number): number => (c < 0x700 ? CLASS[c]! : OTHER);

/**
 * Scans a normalised comment (see the module comment); `digitsOf(facts)` and the flags read the answer.
 * @example (scanCues('zero three 00 on insta') & HIDDEN_NUMBER) !== 0 // true
 */
export function scanCues(text: string): number {
  let digits = 0;
  let flags = 0;
  let run = 0; // number tokens in a row
  let words = 0; // of which number words
  let singles = 0; // single digits in a row (`0 3 0 0`)
  let gap = 0; // separator characters since the last token
  let oddGap = false; // the gap holds an odd separator
  let last = OTHER; // the class of the last token: DIGIT, a number word (LATIN) or OTHER
  let lastLookalike = false;
  let lastKa = false; // the last word was ka, ki, ke, k or their Urdu forms
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = classOf(text.charCodeAt(i));
    if (kind === SEPARATOR || kind === ODD_SEPARATOR) {
      i++;
      if (kind === ODD_SEPARATOR) oddGap = true;
      if (++gap <= 4) continue;
      run = 0;
      words = 0;
      singles = 0;
      last = OTHER;
      continue;
    }
    if (kind === OTHER) {
      i++;
      lastKa = false;
      run = 0;
      words = 0;
      singles = 0;
      gap = 0;
      oddGap = false;
      last = OTHER;
      continue;
    }
    const start = i;
    i++;
    if (kind === DIGIT) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57) break;
        i++;
      }
      const length = i - start;
      digits += length;
      if (last === DIGIT && oddGap && gap > 0) flags |= HIDDEN_NUMBER;
      if (lastLookalike && gap <= 1) flags |= HIDDEN_NUMBER;
      singles = length !== 1 ? 0 : last === DIGIT && gap <= 3 ? singles + 1 : 1;
      if (singles >= 4) flags |= HIDDEN_NUMBER;
      if (run > 0 && gap === 0) {
        run = 0;
        words = 0;
      }
      run++;
      if (run >= 3 && words >= 1) flags |= HIDDEN_NUMBER;
      last = DIGIT;
      lastLookalike = false;
      lastKa = false;
    } else {
      let hash = step(0, text.charCodeAt(start));
      if (kind === LATIN) {
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c > 122 || CLASS[c] !== LATIN) break;
          hash = (Math.imul(hash, 31) + (c | 0x20)) & 0x3fffffff;
          i++;
        }
      } else {
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c >= 0x700 || CLASS[c] !== ARABIC) break;
          hash = (Math.imul(hash, 31) + c) & 0x3fffffff;
          i++;
        }
      }
      const length = i - start;
      let slot = KINDS[hash & 0xffff]!;
      if (length === 1) slot &= IS_KA; // of one-letter words only "k" counts (O, l and I are checked below)
      if (length <= 3 && kind === LATIN && isLookalikeWord(text, start, i)) slot |= IS_LOOKALIKE;
      if ((slot & IS_LOOKALIKE) !== 0 && last === DIGIT && gap <= 1) flags |= HIDDEN_NUMBER;
      lastLookalike = (slot & IS_LOOKALIKE) !== 0;
      if ((slot & IS_NUMBER) !== 0) {
        if (run > 0 && gap === 0) {
          run = 0;
          words = 0;
        }
        run++;
        words++;
        if (run >= 3) flags |= HIDDEN_NUMBER;
        last = LATIN;
      } else {
        run = 0;
        words = 0;
        last = lastLookalike ? LATIN : OTHER;
      }
      singles = 0;
      if ((slot & IS_PLATFORM) !== 0) flags |= PLATFORM;
      if ((slot & IS_CALL) !== 0) flags |= CALL_VERB;
      if ((slot & IS_NAAM) !== 0 && lastKa) flags |= KA_NAAM;
      lastKa = (slot & IS_KA) !== 0;
    }
    gap = 0;
    oddGap = false;
  }
  return flags | Math.min(digits, DIGITS);
}

/** A Latin word made only of O, o, l and I (`O`, `OO`, `l`): digits in disguise next to digits. */
function isLookalikeWord(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 79 && c !== 111 && c !== 108 && c !== 73) return false;
  }
  return true;
}
