/**
 * Urdu-aware normalisation for matching. Detectors run on the normalised text; the scrubber maps each
 * detected span back to the original text through `origStart`/`origEnd`, so the output keeps every
 * character of the original except the replaced spans (diacritics, digits and letter forms outside the
 * spans are untouched).
 *
 * What is folded (one original character → zero, one or several normalised characters):
 * - Arabic letter forms to their Urdu ones: ي/ى → ی, ك → ک, ه → ہ, ة → ۃ, أ/إ/ٱ → ا;
 * - harakat and other combining marks (U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED) and tatweel: removed;
 * - zero-width and bidi control characters (ZWSP, ZWNJ, ZWJ, LRM/RLM, embeddings, isolates, BOM): removed;
 * - Arabic-Indic (٠–٩) , Eastern Arabic-Indic/Urdu (۰–۹) and full-width digits → ASCII 0–9;
 * - Unicode dashes and minus → `-`; curly apostrophes → `'`; no-break and thin spaces → a space;
 * - Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFC) → their NFKC letters.
 * Latin case is kept: detectors match case-insensitively where they need to.
 */
export interface NormalizedText {
  /** The original text. */
  source: string;
  /** The text the detectors see. */
  text: string;
  /**
   * For each code unit of `text`, the original index it came from, or `null` when the text was
   * already normal (pure ASCII without anything to fold), in which case indices are identical.
   */
  origStart: Int32Array | null;
  /** For each code unit of `text`, the original index just after the character it came from. */
  origEnd: Int32Array | null;
}

/** Characters `fold` changes; text without any of them is already normal (most Urdu text is). */
const NEEDS_WORK =
  /[\u00a0\u02bc\u0610-\u061a\u0623\u0625\u0629\u0640\u0643\u0647\u0649\u064a-\u065f\u0660-\u0669\u0670\u0671\u06d6-\u06ed\u06f0-\u06f9\u2007\u2009-\u200f\u2010-\u2015\u2018\u2019\u202a-\u202f\u205f-\u2064\u2066-\u2069\u2212\u3000\ufb50-\ufdff\ufe63\ufe70-\ufeff\uff0b\uff0d\uff10-\uff19\uff20]/;

/** The replacement for one code unit: a string (possibly empty), or undefined to keep it. */
function fold(code: number, char: string): string | undefined {
  if (code < 0x80) return undefined;
  // digits
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(48 + code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(48 + code - 0x06f0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(48 + code - 0xff10);
  // letters
  switch (code) {
    case 0x064a: // ARABIC LETTER YEH
    case 0x0649: // ARABIC LETTER ALEF MAKSURA
      return '\u06cc';
    case 0x0643: // ARABIC LETTER KAF
      return '\u06a9';
    case 0x0647: // ARABIC LETTER HEH
      return '\u06c1';
    case 0x0629: // ARABIC LETTER TEH MARBUTA
      return '\u06c3';
    case 0x0623: // ALEF WITH HAMZA ABOVE
    case 0x0625: // ALEF WITH HAMZA BELOW
    case 0x0671: // ALEF WASLA
      return '\u0627';
    case 0x0640: // TATWEEL
      return '';
    case 0x00a0:
    case 0x2007:
    case 0x2009:
    case 0x200a:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return ' ';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xfe63:
    case 0xff0d:
      return '-';
    case 0x2018:
    case 0x2019:
    case 0x02bc:
      return "'";
    case 0xff0b:
      return '+';
    case 0xff20:
      return '@';
    default:
      break;
  }
  // combining marks used with Arabic script
  if ((code >= 0x0610 && code <= 0x061a) || (code >= 0x064b && code <= 0x065f) || code === 0x0670) return '';
  if (code >= 0x06d6 && code <= 0x06ed) return '';
  // zero-width and bidi controls
  if ((code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e)) return '';
  if ((code >= 0x2060 && code <= 0x2064) || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff) return '';
  // presentation forms: fold, then apply the letter folds above to the result
  if ((code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefc)) {
    const nfkc = char.normalize('NFKC');
    let out = '';
    for (let i = 0; i < nfkc.length; i++) {
      const c = nfkc.charCodeAt(i);
      const inner = c >= 0xfb50 ? undefined : fold(c, nfkc[i]!);
      out += inner ?? nfkc[i]!;
    }
    return out;
  }
  return undefined;
}

/** `fold` for every BMP code unit, computed once: the hot loop does one array lookup per character. */
const FOLD_TABLE: (string | undefined)[] = (() => {
  const table = new Array<string | undefined>(0x10000).fill(undefined);
  for (let code = 0x80; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogate halves stay as they are
    table[code] = fold(code, String.fromCharCode(code));
  }
  return table;
})();

/**
 * Normalises `text` for matching and keeps an index map back to the original.
 * @example normalizeForMatching('۰۳۰۰').text // '0300'
 */
export function normalizeForMatching(text: string): NormalizedText {
  if (!NEEDS_WORK.test(text)) return { source: text, text, origStart: null, origEnd: null };
  let n = 0; // normalised code units so far
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const replacement = code < 0x80 ? undefined : FOLD_TABLE[code];
    const width = replacement === undefined ? 1 : replacement.length;
    if (n + width > scratch.units.length) grow(n + width);
    if (replacement === undefined) {
      scratch.units[n] = code;
      scratch.starts[n] = i;
      n++;
      continue;
    }
    for (let j = 0; j < width; j++) {
      scratch.units[n] = replacement.charCodeAt(j);
      scratch.starts[n] = i;
      n++;
    }
  }
  let out = '';
  for (let at = 0; at < n; at += 8192) {
    out += String.fromCharCode.apply(null, scratch.units.subarray(at, Math.min(n, at + 8192)) as unknown as number[]);
  }
  const origStart = scratch.starts.slice(0, n);
  const origEnd = new Int32Array(n);
  for (let k = 0; k < n; k++) origEnd[k] = origStart[k]! + 1;
  return { source: text, text: out, origStart, origEnd };
}

/** Reused buffers for the slow path (copied out before returning, so callers never share them). */
const scratch = { units: new Uint16Array(1024), starts: new Int32Array(1024) };
function grow(needed: number): void {
  const size = Math.max(needed, scratch.units.length * 2);
  const units = new Uint16Array(size);
  const starts = new Int32Array(size);
  units.set(scratch.units);
  starts.set(scratch.starts);
  scratch.units = units;
  scratch.starts = starts;
}

function isCombiningMark(code: number): boolean {
  return (code >= 0x0610 && code <= 0x061a) || (code >= 0x064b && code <= 0x065f) || code === 0x0670 || (code >= 0x06d6 && code <= 0x06ed);
}

/**
 * Maps a span `[start, end)` of the normalised text to the original text. Removed characters (marks,
 * zero-width joiners) that sit inside the span are included in the original span, and so are
 * combining marks that directly follow its last letter (they belong to that letter).
 */
export function toOriginalSpan(normalized: NormalizedText, start: number, end: number): [number, number] {
  const { origStart, origEnd } = normalized;
  if (origStart === null || origEnd === null) return [start, end];
  if (end <= start) {
    const at = start < origStart.length ? origStart[start]! : origEnd.length > 0 ? origEnd[origEnd.length - 1]! : 0;
    return [at, at];
  }
  let last = origEnd[end - 1]!;
  const source = normalized.source;
  while (last < source.length && isCombiningMark(source.charCodeAt(last))) last++;
  return [origStart[start]!, last];
}
