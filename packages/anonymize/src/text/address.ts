import type { PiiSpan } from './types.js';

/**
 * Street addresses introduced by a cue and carrying a number: `house no 12`, `H# 45-B`, `flat 3`,
 * `plot 7`, `makan 12`, `ghar number 5`, `مکان نمبر 12`, `گھر نمبر 5`, `street 5`, `gali no 3`,
 * `گلی نمبر 4`, `mohalla …`, `sector G-10/2`, `Block 5`, `block no 3`; then the components that follow
 * (`, street 7, F-7/3`, `Block C`, `Phase 5`, `Gulberg III`, `Model Town`…) join the same span.
 * Islamabad-style sectors with a sub-sector (`G-10/2`, `F-7/3`, `I-8/4`) are addresses on their own.
 * Bare words such as "house" or "block" without a number, and "block 3 people", are not addresses.
 */
const NUMBER_WORDS = String.raw`(?:\s*(?:no\.?|number|nmbr|nambar|num|#|:|نمبر)\s*)*`;
const NUMBER_WORD_REQUIRED = String.raw`(?:\s*(?:no\.?|number|nmbr|nambar|num|#|نمبر)\s*)+`;
const VALUE = String.raw`(?:[A-Za-z]{1,2}\s?-\s?)?\d{1,5}(?:\s?[-/]\s?[A-Za-z0-9]{1,4})*(?:[A-Za-z](?![A-Za-z]))?`;
const SECTOR_CODE = String.raw`[D-Id-i]-\s?\d{1,2}(?:\s?/\s?\d)?`;
const SECTOR_WITH_SUB = String.raw`[D-Id-i]-\s?\d{1,2}\s?/\s?\d`;
/** Cues that take a number directly (`house 12`, `street 5`). */
const CUES = String.raw`house|h\s?#|h\.\s?no\.?|h\s?no\.?|flat|apartment|apt\.?|plot|street|gali|galli|lane|mohalla|muhalla|sector|فلیٹ|پلاٹ|گلی|محلہ|سیکٹر`;
/** Cues that are everyday words ("ghar 2 ghante"): only with an explicit `no`/`number`/`نمبر`. */
const WORD_CUES = 'makaan|makan|mkan|ghar|مکان|گھر';
const BEFORE = String.raw`(?<![A-Za-z0-9\u0600-\u06ff])`;
const START = new RegExp(
  String.raw`${BEFORE}(?:(?:${CUES})${NUMBER_WORDS}\s*(?:${VALUE})|(?:${WORD_CUES})${NUMBER_WORD_REQUIRED}\s*(?:${VALUE})|block\s*(?:no\.?|number|#)\s*[A-Za-z0-9]{1,3}(?![A-Za-z0-9])|${SECTOR_WITH_SUB})(?![0-9])`,
  'gi',
);
/** "Block 5" starts an address only when written with a capital (lower case "block 3 people" is a verb). */
const BLOCK_START = /(?<![A-Za-z0-9])(?:Block|BLOCK)\s+(?:no\.?\s*)?[A-Za-z0-9]{1,3}(?![A-Za-z0-9])/g;
const NEIGHBOURHOODS = String.raw`gulberg(?:\s+(?:iii|ii|iv|v|i|[1-5]))?|dha(?:\s+phase\s+\d{1,2})?|defence|bahria\s+town|model\s+town|johar\s+town|faisal\s+town|garden\s+town|wapda\s+town|satellite\s+town|township|gulshan-e-iqbal|gulshan\s+e\s+iqbal|gulistan-e-johar|north\s+nazimabad|nazimabad|clifton|cantt`;
const CONTINUE = new RegExp(
  String.raw`[\s,،\-]*(?:(?:${CUES}|${WORD_CUES}|st\.?|block|phase|بلاک|فیز)${NUMBER_WORDS}\s*(?:${VALUE}|[A-Za-z](?![A-Za-z]))|${SECTOR_CODE}|${NEIGHBOURHOODS})(?![A-Za-z0-9])`,
  'yi',
);

/** Cheap test for any start cue, so most texts skip the full patterns. */
/** Cheap test for any start cue on the lower-cased text (no `i` flag: faster to scan). */
const HINT = /house|h ?#|h\.|h no|flat|apartment|apt|plot|street|gal?li|lane|halla|sector|makaa?n|mkan|ghar|block|مکان|گھر|فلیٹ|پلاٹ|گلی|محلہ|سیکٹر|[d-i]- ?\d/;

function hasAddressCue(text: string): boolean {
  return HINT.test(text.toLowerCase());
}

/**
 * Finds addresses in normalised text.
 * @example detectAddresses('house no 12, street 5, G-10/2 mein') // [{ start: 0, end: 29, type: 'ADDRESS' }]
 */
export function detectAddresses(text: string): PiiSpan[] {
  if (!hasAddressCue(text)) return [];
  const starts: [number, number][] = [];
  for (const re of [START, BLOCK_START]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) starts.push([m.index, m.index + m[0].length]);
  }
  starts.sort((a, b) => a[0] - b[0]);
  const spans: PiiSpan[] = [];
  let covered = -1;
  for (const [start, firstEnd] of starts) {
    if (start < covered) continue;
    let end = firstEnd;
    for (;;) {
      CONTINUE.lastIndex = end;
      const next = CONTINUE.exec(text);
      if (next === null || next[0].length === 0) break;
      end = next.index + next[0].length;
    }
    spans.push({ start, end, type: 'ADDRESS' });
    covered = end;
  }
  return spans;
}
