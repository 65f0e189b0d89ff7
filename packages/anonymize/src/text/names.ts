import { LATIN_NAMES, LATIN_STOPWORDS, URDU_NAME_SET, URDU_STOPWORDS } from './nameLists.js';
import type { PiiSpan } from './types.js';

/**
 * Personal names after cue phrases, in English, Roman Urdu (with its spelling variants) and Urdu.
 * One to three name tokens are captured; the verb or particle after the name (`hai`, `hoon`, `ہے`,
 * `ہوں`, `and`, `from`…) is never part of the span.
 *
 * - Strong cues state that a name follows: "my name is X", "Name: X", "mera/meri/uska naam X hai"
 *   (`nam`, `name` too), "میرا نام X ہے". Any word that is not a stop word is taken as the name.
 * - Weak cues often precede other words: "I am / I'm / this is / call me / named X", "my sister X",
 *   "meri behen X", "mera bhai X", "میری بہن X"; and with the closing verb "main/mai X hoon",
 *   "میں X ہوں". After a weak cue a Latin word counts when it is a listed common name or capitalised
 *   and not a stop word; an Urdu word counts only when it is a listed name (Urdu has no capitals).
 */
type Strength = 'strong' | 'weak';
interface Cue {
  pattern: RegExp;
  strength: Strength;
  /** A verb that must follow the name ("main X hoon"). */
  closing?: RegExp;
  /** Strong instead when the text just before the cue matches ("meri behen" before "ka naam"). */
  strongAfter?: RegExp;
  /** Strong instead when the cue itself matches ("mujhe … kehte", not "use … kehte"). */
  strongIf?: RegExp;
  /** No closing verb needed when the cue itself matches ("ka naam hai X"). */
  openIf?: RegExp;
}

const L = '(?<![A-Za-z])';
const U = '(?<![\\u0600-\\u06ff])';
const ROMAN_POSSESSIVE =
  'mera|meraa|mra|mira|meri|mere|meray|uska|uski|us\\s?ka|us\\s?ki|iska|iski|is\\s?ka|is\\s?ki|hamara|hamari|tumhara|tumhari|aapka|aapki|ap\\s?ka|ap\\s?ki';
const ROMAN_RELATIONS =
  'behen|behan|bahan|bhen|sister|dost|friend|saheli|ammi|ami|amma|maa|khala|phuppo|phupho|chachi|mumani|beti|biwi|cousin|bhai|bhae|bhayi|brother|abbu|abu|abba|walid|shohar|husband|beta|chacha|mamu|mamoo|khalu|wife';
const ENGLISH_RELATIONS =
  'sister|brother|cousin|friend|mother|mom|mum|father|dad|husband|wife|son|daughter|uncle|aunt|aunty|auntie|colleague|classmate|neighbour|neighbor|fiance|fiancee';
/** Who is called something: "mujhe / hamein … kehte hain" (the writer), "use / usko …" (someone or something else). */
const ROMAN_ME = 'mujhe|mujhay|mujhy|mjhe|mjhy|mje|hamein|humein|hamen|hume|humen';
const ROMAN_THEM = 'usay|usey|use|ise|isay|usko|us\\s?ko|isko|is\\s?ko|unhein|inhein';
/** Who calls them that: "mujhe sab / log / ghar wale X kehte hain". */
const ROMAN_WHO = '(?:sab|log|ghar\\s+(?:mein|wale|walay)|dost|friends)\\s+';
const URDU_WHO = '(?:سب|لوگ|گھر\\s*والے)\\s*';
const URDU_CALL = /^[ \t]*(?:کہتے|کہتی|بلاتے|بلاتی|پکارتے|پکارتی)/;
/** The verb that closes "… X kehte hain" (say, call). */
const ROMAN_CALL =
  /^[ \t]*(?:kehte|kehtay|kahte|kahtay|kehti|kahti|kehtey|bulate|bulatay|bulati|bulatey|pukarte|pukartay|pukarti|bolte|boltay|bolti)(?![A-Za-z])/i;
/** The verb that closes "… ka naam X hai". */
const ROMAN_IS = /^[ \t]*(?:hai|he|h|hay|hy|tha|thi|hain)(?![A-Za-z])/i;
const URDU_RELATIONS = 'بہن|دوست|سہیلی|امی|والدہ|بیٹی|بیوی|کزن|بھائی|ابو|والد|شوہر|بیٹا|بیٹے|خالہ|چچا|ماموں';
/**
 * A person before "ka naam" / "کا نام" makes what follows a name ("meri behen ka naam X hai"); after a
 * thing ("is cheez ka naam …", "اس کام کا نام ہراسانی ہے") only a capitalised or listed name counts.
 */
const ROMAN_PERSONS = `${ROMAN_RELATIONS}|larki|larkee|larke|larka|bande|banda|bandi|aadmi|admi|aurat|shakhs|insaan|padosi|neighbour|ustad|teacher|boss|classmate|colleague|bachi|bacha|bache|bachay|bete|uncle|aunty|us|is|un|in|jis`;
/** Tested on the text just before a "ka naam" cue, only when one matched. */
const ROMAN_PERSON_BEFORE = new RegExp(`(?<![A-Za-z])(?:${ROMAN_PERSONS})[ \\t]+$`, 'i');
const URDU_PERSONS = `${URDU_RELATIONS}|لڑکی|لڑکے|لڑکا|بندے|بندی|آدمی|عورت|شخص|پڑوسی|استاد|بچی|بچے|ماں|باپ|اس|ان|جس`;
const URDU_PERSON_BEFORE = new RegExp(`(?<![\\u0600-\\u06ff])(?:${URDU_PERSONS})\\s*$`);
const URDU_IS = /^[ \t]*(?:ہے|تھا|تھی|ہیں)/;

const CUES: readonly Cue[] = [
  {
    pattern: new RegExp(`${L}(?:my|his|her|their|your|our)\\s+(?:full\\s+|real\\s+|first\\s+|good\\s+)?name\\s*(?:is|'s|:|=|-)[ \\t:\\-]*`, 'gi'),
    strength: 'strong',
  },
  { pattern: new RegExp(`${L}name\\s*[:=][ \\t]*`, 'gi'), strength: 'strong' },
  {
    pattern: new RegExp(
      `${L}(?:${ROMAN_POSSESSIVE})\\s+(?:poora\\s+|pura\\s+|asal\\s+|asli\\s+)?(?:naam|nam|name)(?:\\s+(?:hai|he|h|is)(?![A-Za-z]))?[ \\t:\\-]*`,
      'gi',
    ),
    strength: 'strong',
  },
  {
    pattern: new RegExp(`${U}(?:میرا|اس\\s*کا|اسکا|ان\\s*کا|ہمارا|آپ\\s*کا|تمہارا)\\s*(?:پورا\\s*)?نام\\s*(?:ہے\\s*)?[ \\t:\\-]*`, 'g'),
    strength: 'strong',
  },
  {
    pattern: new RegExp(`${L}(?:i\\s+am|i'm|im|this\\s+is|it's|call\\s+me|named|called|contact|ask|tell|message)[ \\t]+`, 'gi'),
    strength: 'weak',
  },
  {
    pattern: new RegExp(`${L}(?:my|his|her|our)\\s+(?:little\\s+|younger\\s+|elder\\s+|older\\s+|big\\s+|best\\s+)?(?:${ENGLISH_RELATIONS})[ \\t,]+`, 'gi'),
    strength: 'weak',
  },
  {
    pattern: new RegExp(
      `${L}(?:meri|mere|meray|mera|hamari|hamare|uski|uske|us\\s?ki|us\\s?ke)\\s+(?:choti\\s+|chhoti\\s+|bari\\s+|badi\\s+|chota\\s+|bara\\s+|bada\\s+)?(?:${ROMAN_RELATIONS})[ \\t,]+`,
      'gi',
    ),
    strength: 'weak',
  },
  {
    pattern: new RegExp(`${U}(?:میری|میرے|میرا|ہماری|ہمارے|اس\\s*کی|اس\\s*کے)\\s*(?:چھوٹی\\s*|بڑی\\s*|چھوٹے\\s*|بڑے\\s*)?(?:${URDU_RELATIONS})[ \\t،]*`, 'g'),
    strength: 'weak',
  },
  {
    pattern: new RegExp(`${L}(?:main|mai|mein|mae|mn|me)[ \\t]+`, 'gi'),
    strength: 'weak',
    closing: /^[ \t]*(?:hoon|hun|hu|hoo|hon|hn)(?![A-Za-z])/i,
  },
  { pattern: new RegExp(`${U}میں[ \\t]*`, 'g'), strength: 'weak', closing: /^[ \t]*ہوں/ },
];

/**
 * Cues around "naam" and the call verbs ("meri behen ka naam X hai", "mujhe X kehte hain"), in a
 * pattern of their own that runs only on text holding one of those words: every cue slows the scan.
 */
const NAMING_CUES: readonly Cue[] = [
  // "(meri behen / us larki / …) ka naam X hai" and "… ka naam hai X": strong after a person, weak after a thing
  {
    pattern: new RegExp(`${L}(?:ka|ki|ke|k)\\s+(?:naam|nam|name)(?:\\s+(?:hai|he|h)(?![A-Za-z]))?[ \\t:\\-]+`, 'gi'),
    strength: 'weak',
    closing: ROMAN_IS,
    strongAfter: ROMAN_PERSON_BEFORE,
    openIf: /\s(?:hai|he|h)[ \t:-]*$/i,
  },
  // "(log / sab) mujhe X kehte hain" is strong; "use X bulate hain" weak, since "ise blackmail kehte hain" names a thing
  {
    pattern: new RegExp(`${L}(?:${ROMAN_ME}|${ROMAN_THEM})\\s+(?:${ROMAN_WHO})?`, 'gi'),
    strength: 'weak',
    closing: ROMAN_CALL,
    strongIf: new RegExp(`^(?:${ROMAN_ME})\\s`, 'i'),
  },
  // "میری بہن کا نام X ہے", "مجھے X کہتے ہیں", "اسے X کہتے ہیں" (weak)
  { pattern: new RegExp(`${U}(?:کا|کی|کے)\\s*نام[ \\t:\\-]*`, 'g'), strength: 'weak', closing: URDU_IS, strongAfter: URDU_PERSON_BEFORE },
  {
    pattern: new RegExp(`${U}(?:مجھے|ہمیں|مجھ\\s*کو|اسے|انہیں|اس\\s*کو)\\s*(?:${URDU_WHO})?`, 'g'),
    strength: 'weak',
    closing: URDU_CALL,
    strongIf: /^(?:مجھے|ہمیں|مجھ\s*کو)/,
  },
];

/** "naam" or a call verb: the words `NAMING_CUES` need (the scrubber passes what its own scan found instead). */
const NAMING_GATE = /naam|\bnam\b|name|نام|k[ae]ht|bulat|pukar|bolt[aeiy]|کہت|بلات|پکار/i;

/** The cues of a list in one pattern (one scan of the text); the capture group that matched tells which cue. */
const oneScan = (cues: readonly Cue[]): RegExp => new RegExp(cues.map((cue) => `(${cue.pattern.source})`).join('|'), 'gi');
const ALL_CUES = oneScan(CUES);
const ALL_NAMING_CUES = oneScan(NAMING_CUES);

/** A quick test (any case, no lower-cased copy made): does the text contain anything that could start a name cue? */
const GATE =
  /name|naam|\bnam\b|\bi\s?a?m\b|i'm|this\sis|it's|call\sme|named|called|contact|\bask|\btell|message|\bmy\b|\bhis\b|\bher\b|\bour\b|\bmer[aie]|meray|hamar|\bus\s?k|\bis\s?k|\bma[ie]n?\b|\bmein\b|\bmae\b|\bmn\b|\bme\b|نام|میں|میر|ہمار|اس/i;

const LATIN_TOKEN = /[A-Za-z]+(?:-[A-Za-z]+)?/y;
const URDU_TOKEN = /[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff]+/y;
const GAP = /[ \t]+/y;

function isCapitalised(token: string): boolean {
  const first = token.charCodeAt(0);
  return first >= 65 && first <= 90;
}

function acceptLatin(token: string, index: number, strength: Strength): boolean {
  const lower = token.toLowerCase();
  if (index > 0 && LATIN_NAMES.has(lower)) return true;
  if (LATIN_STOPWORDS.has(lower)) return false;
  if (strength === 'strong') return true;
  return LATIN_NAMES.has(lower) || isCapitalised(token);
}

function acceptUrdu(token: string, strength: Strength): boolean {
  if (URDU_NAME_SET.has(token)) return true;
  if (URDU_STOPWORDS.has(token)) return false;
  return strength === 'strong';
}

/** Reads up to three name tokens from `pos`; returns the span's end positions after each token. */
function readTokens(text: string, pos: number, strength: Strength): { start: number; ends: number[] } {
  const ends: number[] = [];
  let at = pos;
  let script: 'latin' | 'urdu' | undefined;
  let start = pos;
  while (ends.length < 3) {
    if (ends.length > 0) {
      GAP.lastIndex = at;
      const gap = GAP.exec(text);
      if (gap === null) break;
      at += gap[0].length;
    }
    let token: string | undefined;
    if (script !== 'urdu') {
      LATIN_TOKEN.lastIndex = at;
      const m = LATIN_TOKEN.exec(text);
      if (m !== null && !/[A-Za-z0-9]/.test(text[at + m[0].length] ?? '') && acceptLatin(m[0], ends.length, strength)) {
        token = m[0];
        script = 'latin';
      }
    }
    if (token === undefined && script !== 'latin') {
      URDU_TOKEN.lastIndex = at;
      const m = URDU_TOKEN.exec(text);
      if (m !== null && acceptUrdu(m[0], strength)) {
        token = m[0];
        script = 'urdu';
      }
    }
    if (token === undefined) break;
    if (ends.length === 0) start = at;
    at += token.length;
    ends.push(at);
  }
  return { start, ends };
}

/**
 * Finds personal names after cue phrases in normalised text.
 * @example detectNames('mera naam Ayesha Khan hai') // [{ start: 10, end: 21, type: 'NAME' }]
 */
export function detectNames(text: string, naming?: boolean): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (GATE.test(text)) scanCues(text, ALL_CUES, CUES, spans);
  if (naming ?? NAMING_GATE.test(text)) scanCues(text, ALL_NAMING_CUES, NAMING_CUES, spans);
  return spans;
}

function scanCues(text: string, pattern: RegExp, cues: readonly Cue[], spans: PiiSpan[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const which = m.findIndex((group, index) => index > 0 && group !== undefined) - 1;
    const cue = cues[which]!;
    const pos = m.index + m[0].length;
    const strong = cue.strongAfter?.test(text.slice(Math.max(0, m.index - 24), m.index)) || cue.strongIf?.test(m[0]);
    const strength = strong ? 'strong' : cue.strength;
    const closing = cue.openIf?.test(m[0]) ? undefined : cue.closing;
    const { start, ends } = readTokens(text, pos, strength);
    let end = -1;
    if (closing === undefined) {
      end = ends.length > 0 ? ends[ends.length - 1]! : -1;
    } else {
      // the closing verb must follow the last name token; try shorter names too
      for (let k = ends.length - 1; k >= 0; k--) {
        if (closing.test(text.slice(ends[k]!, ends[k]! + 8))) {
          end = ends[k]!;
          break;
        }
      }
    }
    if (end > start) {
      spans.push({ start, end, type: 'NAME' });
      pattern.lastIndex = Math.max(pattern.lastIndex, end);
    }
    if (m[0].length === 0) pattern.lastIndex++;
  }
}
