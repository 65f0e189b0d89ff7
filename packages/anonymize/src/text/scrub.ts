import { detectAddresses } from './address.js';
import { detectCnics } from './cnic.js';
import { detectDatesOfBirth } from './dob.js';
import { detectEmails } from './email.js';
import { detectHandles } from './handle.js';
import { detectIbans } from './iban.js';
import { detectNames } from './names.js';
import { normalizeForMatching, toOriginalSpan } from './normalize.js';
import { detectPassports } from './passport.js';
import { NUMBER_RUN, SPELLED_DIGITS_RUN, SPELLED_DIGITS_RUN_URDU } from './numberWords.js';
import { detectPhones } from './phone.js';
import { detectPlatformHandles } from './platformHandles.js';
import { detectSpelledNumbers } from './spelledNumbers.js';
import { emptyCounts, PII_TYPES, type PiiSpan, type PiiType } from './types.js';
import { detectUrls } from './url.js';

export interface ScrubOptions {
  /** The types to replace; all of them when omitted. */
  types?: readonly PiiType[];
}

export interface ScrubResult {
  text: string;
  /** How many spans of each type were replaced. */
  counts: Record<PiiType, number>;
}

export interface ScrubColumnResult {
  values: string[];
  /** How many spans of each type were replaced, over the whole column. */
  counts: Record<PiiType, number>;
}

/**
 * When two detections overlap, the longer one wins; at equal length the more specific type wins
 * (a checked IBAN over a passport-shaped piece of it, a CNIC over a phone-shaped one).
 */
const PRIORITY: Record<PiiType, number> = {
  IBAN: 0,
  CNIC: 1,
  PHONE: 2,
  EMAIL: 3,
  URL: 4,
  PASSPORT: 5,
  DOB: 6,
  ADDRESS: 7,
  HANDLE: 8,
  NAME: 9,
};

/**
 * Social-media platform words (English, Roman Urdu and Urdu spellings): a handle written without `@`
 * follows one ("insta: sana.k22", "snapchat pe add karo …").
 */
const PLATFORM_WORD =
  /insta|\big\b|tik\s?tok|snap|face\s?book|\bfb\b|twitter|telegram|you\s?tube|\byt\b|discord|linked\s?in|likee|bigo|انسٹا|ٹک\s?ٹاک|سنیپ|فیس\s?بک|ٹویٹر|ٹوئٹر|ٹیلی\s?گرام|یو\s?ٹیوب/i;

/** A letter O/o or l/I standing for a digit next to digits: `03OO`, `l234567`, `0 3 O O`. */
const LETTER_FOR_DIGIT = /[0-9][OoIl]|[OoIl][0-9]|(?<![A-Za-z])[OoIl][\s.\-_/][0-9]|[0-9][\s.\-_/][OoIl](?![A-Za-z])/;

/**
 * Cells that contain none of these cannot hold anything the detectors find: no digit (phones, CNICs,
 * IBANs, passports, addresses, dates), no `@` (emails, handles), no slash or dot before two letters
 * (links; a sentence-ending dot does not count), no spelled-out email, no name cue ("my", "naam",
 * "kehte" …) and no platform word (a handle without `@`). Non-ASCII text always goes through the full
 * path because its digits and cues are only recognisable after normalisation. A phone number spelled
 * out in words ("zero three zero zero …") is caught by a second test, `SPELLED_DIGITS_RUN`.
 */
const MAY_HOLD_PII =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: [^\x00-\x7f] is "any non-ASCII character"
  /[0-9@/]|\.[A-Za-z]{2}|[^\x00-\x7f]|\bat\b|contact|\bask|\btell|message|name|naam|\bnam\b|\bi\s?a?m\b|i'm|this is|it's|call me|named|called|\bmy\b|\bhis\b|\bher\b|\bour\b|\bmer[aie]|meray|hamar|\bus\s?k|\bis\s?k|\bma[ie]n?\b|\bmein\b|\bmae\b|\bmn\b|\bme\b|k[ae]ht|bulat|pukar|bolt[aeiy]|insta|\big\b|tik\s?tok|snap|face\s?book|\bfb\b|twitter|telegram|you\s?tube|\byt\b|discord|linked\s?in|likee|bigo/i;

/** How many ASCII digits the (normalised) text holds: detectors need at least a few. */
function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
const DOT_LETTER = /\.[A-Za-z]/;

/** A spelled-out email needs an "at" word: `x at gmail dot com`, `x [at] gmail`. */
function mayHoldSpelledEmail(lower: string): boolean {
  return lower.includes(' at ') || lower.includes('[at]') || lower.includes('(at)');
}

/** A link needs a dot before a letter (`x.com`, `www.`) or a scheme. */
function mayHoldLink(text: string, lower: string): boolean {
  return DOT_LETTER.test(text) || lower.includes('http');
}

/** Whether a cell needs the full scrubber (see MAY_HOLD_PII). */
export function mayHoldPii(text: string): boolean {
  return MAY_HOLD_PII.test(text) || SPELLED_DIGITS_RUN.test(text);
}

/** Digits written one by one, with letters for digits, in words or across lines (see `detectSpelledNumbers`). */
function mayHoldHiddenNumber(text: string, digitCount: number): boolean {
  if (digitCount >= 9) return true;
  if (digitCount >= 5 && LETTER_FOR_DIGIT.test(text)) return true;
  return NUMBER_RUN.test(text) || SPELLED_DIGITS_RUN_URDU.test(text);
}

function detectAll(text: string, wanted: ReadonlySet<PiiType>): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const add = (found: PiiSpan[]): void => {
    for (let i = 0; i < found.length; i++) spans.push(found[i]!);
  };
  // each detector runs only when the text can hold what it looks for
  const digitCount = countDigits(text);
  const hasAt = text.includes('@');
  const lower = text.toLowerCase();
  if (digitCount >= 9 && wanted.has('PHONE')) add(detectPhones(text));
  if ((wanted.has('PHONE') || wanted.has('CNIC')) && mayHoldHiddenNumber(text, digitCount)) {
    for (const span of detectSpelledNumbers(text)) if (wanted.has(span.type)) spans.push(span);
  }
  if (digitCount >= 13 && wanted.has('CNIC')) add(detectCnics(text));
  if (digitCount >= 18 && wanted.has('IBAN')) add(detectIbans(text));
  if (digitCount >= 6 && wanted.has('PASSPORT')) add(detectPassports(text));
  if (digitCount >= 1 && wanted.has('ADDRESS')) add(detectAddresses(text));
  if (digitCount >= 1 && wanted.has('DOB')) add(detectDatesOfBirth(text));
  if ((hasAt || mayHoldSpelledEmail(lower)) && wanted.has('EMAIL')) add(detectEmails(text));
  if (mayHoldLink(text, lower) && wanted.has('URL')) add(detectUrls(text));
  if (hasAt && wanted.has('HANDLE')) add(detectHandles(text));
  if (wanted.has('HANDLE') && PLATFORM_WORD.test(text)) {
    // after a platform cue, `sana.pk` is a handle, not the bare domain the link detector takes it for
    const handles = detectPlatformHandles(text);
    for (let i = spans.length - 1; i >= 0; i--) {
      const span = spans[i]!;
      if (span.type === 'URL' && handles.some((h) => h.start === span.start && h.end === span.end)) spans.splice(i, 1);
    }
    add(handles);
  }
  if (wanted.has('NAME')) add(detectNames(text));
  return spans;
}

/** Keeps non-overlapping spans: longest first, then by type priority, then leftmost. Sorted by start. */
export function resolveOverlaps(spans: readonly PiiSpan[]): PiiSpan[] {
  const ordered = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.type] - PRIORITY[b.type] || a.start - b.start);
  const kept: PiiSpan[] = [];
  for (const span of ordered) {
    if (span.end <= span.start) continue;
    if (kept.some((other) => span.start < other.end && other.start < span.end)) continue;
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const ALL_TYPES: ReadonlySet<PiiType> = new Set(PII_TYPES);

function findIn(text: string, wanted: ReadonlySet<PiiType>): PiiSpan[] {
  if (text.length === 0 || !mayHoldPii(text)) return [];
  const normalized = normalizeForMatching(text);
  const spans = resolveOverlaps(detectAll(normalized.text, wanted));
  const found: PiiSpan[] = [];
  let at = 0;
  for (const span of spans) {
    const [start, end] = toOriginalSpan(normalized, span.start, span.end);
    if (start < at) continue;
    found.push({ start, end, type: span.type });
    at = end;
  }
  return found;
}

function scrubInto(text: string, wanted: ReadonlySet<PiiType>, counts: Record<PiiType, number>): string {
  const spans = findIn(text, wanted);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += `${text.slice(at, span.start)}[${span.type}]`;
    at = span.end;
    counts[span.type] += 1;
  }
  return out + text.slice(at);
}

/**
 * The personal data `scrubText` would replace, as non-overlapping spans of the ORIGINAL text
 * (UTF-16 offsets, sorted by start). Used to measure the scrubber against a labelled corpus.
 */
export function findPii(text: string, options: ScrubOptions = {}): PiiSpan[] {
  return findIn(text, options.types === undefined ? ALL_TYPES : new Set(options.types));
}

/**
 * Replaces personal data in free text with typed tags (`[PHONE]`, `[CNIC]`, `[EMAIL]`, `[URL]`,
 * `[HANDLE]`, `[IBAN]`, `[NAME]`, `[PASSPORT]`, `[ADDRESS]`, `[DOB]`). Matching runs on the
 * Urdu-normalised text (see `normalizeForMatching`); everything outside the replaced spans is kept
 * exactly as written. Amounts, years, ordinary dates, times, percentages, counts and ages stay.
 * @example scrubText('mera naam Ayesha hai, 0300-1234567 pe call karo').text
 * // 'mera naam [NAME] hai, [PHONE] pe call karo'
 */
export function scrubText(text: string, options: ScrubOptions = {}): ScrubResult {
  const wanted = options.types === undefined ? ALL_TYPES : new Set(options.types);
  const counts = emptyCounts();
  return { text: scrubInto(text, wanted, counts), counts };
}

/**
 * Scrubs every cell of a free-text column (see `scrubText`). Cells without a digit, `@`, dot, slash,
 * non-ASCII character or name cue are returned untouched without running any detector, and each
 * detector runs only on cells that can hold what it looks for (enough digits, an `@`, a link-like dot,
 * a cue word), so a million short comments take a few seconds.
 */
export function scrubColumn(values: readonly string[], options: ScrubOptions = {}): ScrubColumnResult {
  const scrub = scrubber(options);
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = scrub.scrub(values[i]!);
  return { values: out, counts: scrub.counts };
}

/**
 * {@link scrubColumn} one cell at a time, for a column read as short-lived strings: `scrub(value)`
 * returns the scrubbed text (the same string when nothing is replaced) and `counts` adds up the
 * spans replaced so far.
 */
export function scrubber(options: ScrubOptions = {}): { scrub: (value: string) => string; counts: Record<PiiType, number> } {
  const wanted = options.types === undefined ? ALL_TYPES : new Set(options.types);
  const counts = emptyCounts();
  return {
    scrub: (value: string) => (value.length === 0 || !mayHoldPii(value) ? value : scrubInto(value, wanted, counts)),
    counts,
  };
}
