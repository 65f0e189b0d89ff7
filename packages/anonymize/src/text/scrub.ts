import { detectAddresses } from './address.js';
import { detectCnics } from './cnic.js';
import { detectDatesOfBirth } from './dob.js';
import { detectEmails } from './email.js';
import { detectHandles } from './handle.js';
import { detectIbans } from './iban.js';
import { detectNames } from './names.js';
import { normalizeForMatching, toOriginalSpan } from './normalize.js';
import { detectPassports } from './passport.js';
import { CALL_VERB, digitsOf, HIDDEN_NUMBER, KA_NAAM, PLATFORM, scanCues } from './cueScan.js';
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
 * Cells that contain none of these cannot hold anything the detectors find: no digit (phones, CNICs,
 * IBANs, passports, addresses, dates), no `@` (emails, handles), no slash or dot before two letters
 * (links; a sentence-ending dot does not count), no spelled-out email and no name cue ("my", "naam" …).
 * Non-ASCII text always goes through the full path because its digits and cues are only recognisable
 * after normalisation. See `LIGHT` for what the other cells are still checked for.
 */
const MAY_HOLD_PII =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: [^\x00-\x7f] is "any non-ASCII character"
  /[0-9@/]|\.[A-Za-z]{2}|[^\x00-\x7f]|\bat\b|contact|\bask|\btell|message|name|naam|\bnam\b|\bi\s?a?m\b|i'm|this is|it's|call me|named|called|\bmy\b|\bhis\b|\bher\b|\bour\b|\bmer[aie]|meray|hamar|\bus\s?k|\bis\s?k|\bma[ie]n?\b|\bmein\b|\bmae\b|\bmn\b|\bme\b/i;

/**
 * Cells that fail `MAY_HOLD_PII` (plain ASCII text without digits or the usual cues) can still hold a
 * handle after a platform word, a name before "kehte/bulate hain" or a number spelled out in words:
 * `scanCues` tells, and only those detectors run on them. Mentions of TikTok or Facebook are common in
 * comments, so they must not send a cell through every detector.
 */
const LIGHT = HIDDEN_NUMBER | PLATFORM | CALL_VERB;

const DOT_LETTER = /\.[A-Za-z]/;

/** A spelled-out email needs an "at" word: `x at gmail dot com`, `x [at] gmail`. */
const SPELLED_AT = / at |\[at\]|\(at\)/i;
function mayHoldSpelledEmail(text: string): boolean {
  return SPELLED_AT.test(text);
}

/** A link needs a dot before a letter (`x.com`, `www.`) or a scheme. */
const HTTP = /http/i;
function mayHoldLink(text: string): boolean {
  return DOT_LETTER.test(text) || HTTP.test(text);
}

/** The light path (see `LIGHT`): ASCII text, already normal, so spans are offsets into it. */
function findInPlainText(text: string, wanted: ReadonlySet<PiiType>, facts: number): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if ((facts & PLATFORM) !== 0 && wanted.has('HANDLE')) spans.push(...detectPlatformHandles(text));
  if ((facts & CALL_VERB) !== 0 && wanted.has('NAME')) spans.push(...detectNames(text, true));
  if ((facts & HIDDEN_NUMBER) !== 0) {
    for (const span of detectSpelledNumbers(text)) if (wanted.has(span.type)) spans.push(span);
  }
  return spans.length === 0 ? spans : resolveOverlaps(spans);
}

function detectAll(text: string, wanted: ReadonlySet<PiiType>): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const add = (found: PiiSpan[]): void => {
    for (let i = 0; i < found.length; i++) spans.push(found[i]!);
  };
  // each detector runs only when the text can hold what it looks for
  const facts = scanCues(text);
  const digitCount = digitsOf(facts);
  const hasAt = text.includes('@');
  if (digitCount >= 9 && wanted.has('PHONE')) add(detectPhones(text));
  if ((wanted.has('PHONE') || wanted.has('CNIC')) && (facts & HIDDEN_NUMBER) !== 0) {
    for (const span of detectSpelledNumbers(text)) if (wanted.has(span.type)) spans.push(span);
  }
  if (digitCount >= 13 && wanted.has('CNIC')) add(detectCnics(text));
  if (digitCount >= 18 && wanted.has('IBAN')) add(detectIbans(text));
  if (digitCount >= 6 && wanted.has('PASSPORT')) add(detectPassports(text));
  if (digitCount >= 1 && wanted.has('ADDRESS')) add(detectAddresses(text));
  if (digitCount >= 1 && wanted.has('DOB')) add(detectDatesOfBirth(text));
  if ((hasAt || mayHoldSpelledEmail(text)) && wanted.has('EMAIL')) add(detectEmails(text));
  if (mayHoldLink(text) && wanted.has('URL')) add(detectUrls(text));
  if (hasAt && wanted.has('HANDLE')) add(detectHandles(text));
  if (wanted.has('HANDLE') && (facts & PLATFORM) !== 0) {
    // after a platform cue, `sana.pk` is a handle, not the bare domain the link detector takes it for
    const handles = detectPlatformHandles(text);
    for (let i = spans.length - 1; i >= 0; i--) {
      const span = spans[i]!;
      if (span.type === 'URL' && handles.some((h) => h.start === span.start && h.end === span.end)) spans.splice(i, 1);
    }
    add(handles);
  }
  if (wanted.has('NAME')) add(detectNames(text, (facts & (CALL_VERB | KA_NAAM)) !== 0));
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
  if (text.length === 0) return [];
  if (!MAY_HOLD_PII.test(text)) {
    const facts = scanCues(text);
    return (facts & LIGHT) === 0 ? [] : findInPlainText(text, wanted, facts);
  }
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
 * non-ASCII character or name cue only get one scan for platform words, call verbs and spelled-out
 * numbers (and those three detectors when it finds one); each detector runs only on cells that can
 * hold what it looks for (enough digits, an `@`, a link-like dot, a cue word), so a million short
 * comments take a few seconds.
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
    scrub: (value: string) => (value.length === 0 ? value : scrubInto(value, wanted, counts)),
    counts,
  };
}
