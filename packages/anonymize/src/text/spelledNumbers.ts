import { NUMBER_MULTIPLIERS, NUMBER_WORDS } from './numberWords.js';
import { isPakistaniPhone } from './phone.js';
import type { PiiSpan } from './types.js';

/**
 * Phone numbers and CNICs written so that a plain digit pattern misses them:
 * - digits one by one with spaces or other separators: `0 3 0 0 1 2 3 4 5 6 7`, `0-3-0-0-…`, `0.3.0.0…`;
 * - the letter O/o for zero and l/I for one inside digit runs: `03OO-l234567`, `O3OO 1234567`;
 * - digits spelled out in English, Roman Urdu or Urdu (`zero three …`, `sifar teen …`, `صفر تین …`),
 *   with `double`/`triple` (`double five` = 55), mixed with digits (`0300 one two three 4567`);
 * - a number broken across a line (`0300\n1234567`) or split by `/`, `_`, `*`, `|` or commas.
 *
 * The text is read as runs of number tokens (digit groups, number words, a lone O or l) joined by
 * short separators. Inside a run, the longest stretch of whole tokens that forms a Pakistani phone
 * number (with its trunk 0 or country code 92: a bare `3…` is too easily a list of answers) or a
 * 13-digit CNIC (first digit 1–7) is taken. A stretch is only reported when a plain detector cannot
 * see it (a word, a letter for a digit, an unusual separator or more groups than a written number
 * has), so ordinary numbers keep the judgement of `detectPhones` and `detectCnics`.
 *
 * Decoys stay: "one two three times" and "ek do baar" are far too short; counting sequences
 * (`1 2 3 4 5 6 7 8 9 10`, "ek do teen char …") are left out; a comma between two digit groups
 * (`0, 300, 500, 1000`) ends the run, since lists of amounts and counts are written that way.
 */
interface NumberToken {
  start: number;
  end: number;
  digits: string;
  /** Plain digits with no letter standing for a digit. */
  plain: boolean;
  /** The separator before this token holds more than a space, dash, dot or bracket. */
  oddGap: boolean;
}

/** Most digit groups `detectPhones` reads (a CNIC has at most three). */
const PLAIN_PHONE_GROUPS = 6;
const PLAIN_CNIC_GROUPS = 3;
/** Longest separator between two tokens of one number. */
const MAX_GAP = 5;

function isLatinOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isArabicLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff);
}
/** Characters allowed between the tokens of one number. */
function isSeparator(c: number): boolean {
  // space, tab, newline, CR, - . , / _ * | : ( ) + and the Urdu comma
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 45 ||
    c === 46 ||
    c === 44 ||
    c === 47 ||
    c === 95 ||
    c === 42 ||
    c === 124 ||
    c === 58 ||
    c === 40 ||
    c === 41 ||
    c === 43 ||
    c === 0x060c
  );
}
/** Separators `detectPhones` reads inside a number: space, dash, dot, brackets. */
function isPlainSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 40 || c === 41;
}

/** The digits a Latin word stands for, or undefined; `plain` when it is only digits. */
function latinDigits(word: string): { digits: string; plain: boolean } | undefined {
  let digits = '';
  let hasDigit = false;
  let letters = false;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      digits += word[k];
      hasDigit = true;
    } else if (c === 79 || c === 111) {
      digits += '0'; // O o
      letters = true;
    } else if (c === 108 || c === 73) {
      digits += '1'; // l I
      letters = true;
    } else {
      digits = '';
      break;
    }
  }
  if (digits.length === word.length && (hasDigit || word.length === 1)) {
    // a lone "o"/"O" is zero, a lone "l"/"I" one, only inside a run (see readRuns)
    return { digits, plain: !letters };
  }
  const spelled = NUMBER_WORDS.get(word.toLowerCase());
  return spelled === undefined ? undefined : { digits: spelled, plain: false };
}

/** Longest run of tokens counting up or down by one, and whether it goes on after `to`. */
const steps = (tokens: readonly NumberToken[], k: number): number => Number(tokens[k]!.digits) - Number(tokens[k - 1]!.digits);

/**
 * Whether a stretch is a count rather than a number: all of it counts up or down by one (`1 2 3 4 5 6 7
 * 8 9 10`, "ek do teen char …"), nine or more tokens of it do (`3 - 0 1 2 3 4 5 6 7 8 9 10`), or it ends
 * inside a count of four or more that the next token continues (`0 3 0 0 1 2 3 4 5 6 7 8 9`). A phone
 * spelled digit by digit has at most eight (`0 3 0 0 1 2 3 4 5 6 7` counts 0…7).
 */
function isCounting(tokens: readonly NumberToken[], from: number, to: number): boolean {
  let run = 1;
  let step = 0;
  for (let k = from + 1; k <= to; k++) {
    const d = steps(tokens, k);
    if ((d === 1 || d === -1) && (run === 1 || d === step)) {
      run += 1;
      step = d;
    } else {
      run = d === 1 || d === -1 ? 2 : 1;
      step = d;
    }
    if (run >= 9) return true;
  }
  if (run === to - from + 1 && run >= 4) return true;
  return run >= 4 && to + 1 < tokens.length && steps(tokens, to + 1) === step;
}

function isHidden(tokens: readonly NumberToken[], from: number, to: number, plainGroups: number): boolean {
  if (to - from + 1 > plainGroups) return true;
  for (let k = from; k <= to; k++) {
    if (!tokens[k]!.plain || (k > from && tokens[k]!.oddGap)) return true;
  }
  return false;
}

/** Finds the longest phone or CNIC stretches in one run of number tokens. */
function searchRun(text: string, tokens: readonly NumberToken[], spans: PiiSpan[]): void {
  const offsets = [0];
  let all = '';
  for (const token of tokens) {
    all += token.digits;
    offsets.push(all.length);
  }
  if (all.length < 9) return;
  let i = 0;
  while (i < tokens.length) {
    let found = -1;
    let type: 'PHONE' | 'CNIC' = 'PHONE';
    for (let j = tokens.length - 1; j >= i; j--) {
      const length = offsets[j + 1]! - offsets[i]!;
      if (length < 9 || length > 14) continue;
      const digits = all.slice(offsets[i]!, offsets[j + 1]!);
      if (isCounting(tokens, i, j)) continue;
      const hasPlus = text.charCodeAt(tokens[i]!.start - 1) === 43;
      if ((digits.startsWith('0') || digits.startsWith('92')) && isPakistaniPhone(digits, hasPlus) && isHidden(tokens, i, j, PLAIN_PHONE_GROUPS)) {
        found = j;
        type = 'PHONE';
        break;
      }
      const first = digits.charCodeAt(0);
      if (length === 13 && first >= 49 && first <= 55 && isHidden(tokens, i, j, PLAIN_CNIC_GROUPS)) {
        found = j;
        type = 'CNIC';
        break;
      }
    }
    if (found < 0) {
      i++;
      continue;
    }
    let start = tokens[i]!.start;
    if (text.charCodeAt(start - 1) === 43) start -= 1;
    spans.push({ start, end: tokens[found]!.end, type });
    i = found + 1;
  }
}

/**
 * Finds phone numbers and CNICs written digit by digit, with letters for digits, spelled out or broken
 * across lines, in normalised text (Urdu digits are ASCII by then).
 * @example detectSpelledNumbers('zero three double zero 1234567') // [{ start: 0, end: 30, type: 'PHONE' }]
 */
export function detectSpelledNumbers(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  let run: NumberToken[] = [];
  let runDigits = 0;
  let lastEnd = -1;
  let repeat = 0; // a pending "double"/"triple"
  let repeatStart = 0;
  const flush = (): void => {
    if (runDigits >= 9) searchRun(text, run, spans);
    run = [];
    runDigits = 0;
    repeat = 0;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    let latin: boolean;
    if (isLatinOrDigit(c)) {
      while (j < n && isLatinOrDigit(text.charCodeAt(j))) j++;
      latin = true;
    } else if (isArabicLetter(c)) {
      while (j < n && isArabicLetter(text.charCodeAt(j))) j++;
      latin = false;
    } else {
      i++;
      continue;
    }
    const word = text.slice(i, j);
    // the separator since the previous token: short and made of separators only, or the run ends
    let joined = lastEnd >= 0 && i - lastEnd <= MAX_GAP;
    let oddGap = false;
    let comma = false;
    for (let k = lastEnd; joined && k < i; k++) {
      const g = text.charCodeAt(k);
      // a full stop before a space ends a sentence ("… section 21. 0341 …"), not a number's part
      if (!isSeparator(g) || (g === 46 && k + 1 < i && text.charCodeAt(k + 1) === 32)) joined = false;
      else if (!isPlainSeparator(g)) oddGap = true;
      if (g === 44 || g === 0x060c) comma = true;
    }
    if (!joined) flush();
    const value = latin ? latinDigits(word) : NUMBER_WORDS.get(word) === undefined ? undefined : { digits: NUMBER_WORDS.get(word)!, plain: false };
    const times = value === undefined ? NUMBER_MULTIPLIERS.get(latin ? word.toLowerCase() : word) : undefined;
    if (value === undefined && times === undefined) {
      flush();
      lastEnd = -1;
      i = j;
      continue;
    }
    if (times !== undefined) {
      if (repeat > 0) flush();
      repeat = times;
      repeatStart = i;
      lastEnd = j;
      i = j;
      continue;
    }
    const token: NumberToken = { start: i, end: j, digits: value!.digits, plain: value!.plain, oddGap };
    if (repeat > 0) {
      if (token.digits.length === 1) {
        token.digits = token.digits.repeat(repeat);
        token.start = repeatStart;
        token.plain = false;
      } else {
        flush();
      }
      repeat = 0;
    }
    // a comma between two digit groups separates list items (amounts, counts), not a number's parts
    const previous = run[run.length - 1];
    if (comma && previous !== undefined && previous.digits.length > 1 && token.digits.length > 1 && previous.plain && token.plain) flush();
    run.push(token);
    runDigits += token.digits.length;
    lastEnd = j;
    i = j;
  }
  flush();
  return spans;
}
