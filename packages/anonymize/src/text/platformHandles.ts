import { HANDLE_STOPWORDS } from './nameLists.js';
import { normalizeForMatching } from './normalize.js';
import type { PiiSpan } from './types.js';

/**
 * Social-media handles written without `@` after a platform cue: `insta: sana.k22`, `ig - ali_raza`,
 * "my tiktok id is sana_k", "snapchat pe add karo sanakhan", "fb pe Sana Khan naam se",
 * "میری انسٹا آئی ڈی sana_k22 ہے", "فیس بک پر ثنا خان کے نام سے".
 *
 * What follows a platform word is often not a handle ("insta pe bohat log hain", "tiktok is haram",
 * "my insta account was hacked"), so a word is taken only when the cue says a name follows:
 * - strongly: a colon, dash or `=` after the platform, or an id word with "is"/"hai" ("tiktok id is …");
 * - or by the word's shape: it holds a digit, `_` or an inner dot (`sana_k`, `ali.raza`, `hina92`);
 * - or by a verb around it: "add/follow/search karo …", "add me on snap …", "… naam se", "… ke naam se";
 * - or an id word before it and "hai" after it ("meri insta id sanakhan hai");
 * - in Urdu script, a Latin word after the platform (a handle stands out in Urdu text).
 * In every case the word must not be a listed common word (`HANDLE_STOPWORDS`).
 */
const PLATFORM = '(?:instagram|insta|ig|tik\\s?tok|snapchat|snap|face\\s?book|fb|twitter|telegram|you\\s?tube|yt|discord|linked\\s?in|likee|bigo)';
const ID_WORD = '(?:id|i\\.d\\.?|handle|user\\s?name|user\\s?id|account|acc|profile|page|channel)';
const PLACE = '(?:pe|par|per|pr|on|mein|main|me)';
const VERB =
  '(?:add|follow|search|dhoond|dhoondo|dhondo|dhundo|dhund|find|check)(?:\\s+(?:karo|karein|karen|kro|kro|kar\\s+lo|kar\\s+lein|me|mujhe|karna|krna|kar\\s+sakte\\s+ho))?';
const LATIN_CUE = new RegExp(
  `(?<![A-Za-z0-9_@./])${PLATFORM}(\\s+${ID_WORD})?(?![A-Za-z0-9_])` +
    `(?:(\\s*(?::|=|-{1,2}|>)\\s*)|(\\s+(?:is|hai|he|h)\\s+)|\\s+${PLACE}(?=\\s))?(\\s+${VERB})?[ \\t]*`,
  'gi',
);

const normalized = (pattern: string): string => normalizeForMatching(pattern).text;
const URDU_PLATFORM = normalized('(?:انسٹا\\s?گرام|انسٹا|ٹک\\s?ٹاک|اسنیپ\\s?چیٹ|سنیپ\\s?چیٹ|اسنیپ|فیس\\s?بک|ٹویٹر|ٹوئٹر|ٹیلی\\s?گرام|یو\\s?ٹیوب)');
const URDU_ID = normalized('(?:آئی\\s?ڈی|آئیڈی|اکاؤنٹ|اکاونٹ|ہینڈل|یوزر\\s?نیم|پروفائل|پیج|چینل)');
const URDU_CUE = new RegExp(`(?<![\\u0600-\\u06ff])${URDU_PLATFORM}(?:\\s*${URDU_ID})?\\s*(?:[:=-]|${normalized('ہے|پر|پہ|پے')})?[ \\t]*`, 'g');

/** `… naam se`, `… ke naam se`, `… کے نام سے`: the words before are the account's name. */
const BY_NAME = /^[ \t]+(?:ke[ \t]+|k[ \t]+)?(?:naam|nam|name)[ \t]+se(?![A-Za-z])/i;
const BY_NAME_URDU = new RegExp(`^[ \\t]*(?:${normalized('کے')}[ \\t]*)?${normalized('نام')}[ \\t]*${normalized('سے')}`);
/** `… hai` after an id word: "meri insta id sanakhan hai". */
const IS_CLOSING = new RegExp(`^[ \\t]+(?:hai|he|h|hay|hy)(?![A-Za-z])|^[ \\t]*${normalized('ہے')}`, 'i');
/** A verb after the handle: "snapchat pe sanakhan add karo". */
const VERB_AFTER = /^[ \t]+(?:pe[ \t]+|par[ \t]+)?(?:add|follow|search|dhoond|dhundo|dhoondo|msg|message|dm)(?![A-Za-z])/i;
/** A verb before the platform word: "add me on snap …", "follow her on insta …". */
const VERB_BEFORE = /(?:add|follow|search|find|dhoond\w*|dhund\w*)(?:\s+\w+){0,2}\s+(?:on|pe|par)?\s*$/i;

const HANDLE_TOKEN = /[A-Za-z0-9_][A-Za-z0-9_.]{1,29}/y;
const WORD_TOKEN = /[A-Za-z][A-Za-z'-]*|[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff]+/y;
/**
 * After a strong cue, a word that does not look made up must end the phrase: "insta: sanakhan",
 * "snap: zoyam, she sent it", but not "youtube: educational videos only".
 */
const PHRASE_END =
  /^(?:[ \t]*$|[ \t]*[,.;:!?)\]\n\r]|[ \t]+(?:pe|par|per|pr|on|hai|he|h|and|or|if|aur|ya|se|ko|ki|ka|ke|btw|plz|pls|please|yaar)(?![A-Za-z])|[ \t]*[\u0600-\u06ff])/i;

/** "10k", "2nd", "5pm", "24hrs": numbers with a unit, not handles. */
const NUMBER_WITH_UNIT = /^\d+(?:k|m|st|nd|rd|th|am|pm|min|mins|hr|hrs|sec|secs|h|d|x)?$/i;

function readHandle(text: string, at: number): string | undefined {
  HANDLE_TOKEN.lastIndex = at;
  const m = HANDLE_TOKEN.exec(text);
  if (m === null) return undefined;
  const token = m[0].replace(/\.+$/, '');
  if (token.length < 2 || /[A-Za-z0-9_]/.test(text[at + m[0].length] ?? '')) return undefined;
  if (!/[A-Za-z]/.test(token) || NUMBER_WITH_UNIT.test(token) || HANDLE_STOPWORDS.has(token.toLowerCase())) return undefined;
  return token;
}

/** Whether a token looks made up as a handle: a digit, an underscore or a dot inside. */
function handleShaped(token: string): boolean {
  return /[0-9_]|[^.]\.[^.]/.test(token);
}

/** One to three words followed by "naam se" / "کے نام سے": the end of the last word, or -1. */
function readProfileName(text: string, at: number, closing: RegExp): number {
  let pos = at;
  for (let count = 0; count < 3; count++) {
    if (count > 0) {
      const gap = /^[ \t]+/.exec(text.slice(pos, pos + 4));
      if (gap === null) return -1;
      pos += gap[0].length;
    }
    WORD_TOKEN.lastIndex = pos;
    const m = WORD_TOKEN.exec(text);
    if (m === null || HANDLE_STOPWORDS.has(m[0].toLowerCase())) return -1;
    pos += m[0].length;
    if (closing.test(text.slice(pos, pos + 24))) return pos;
  }
  return -1;
}

/**
 * Finds handles written after a platform cue without `@`, in normalised text.
 * @example detectPlatformHandles('insta: sana.k22') // [{ start: 7, end: 15, type: 'HANDLE' }]
 */
export function detectPlatformHandles(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  LATIN_CUE.lastIndex = 0;
  for (let m = LATIN_CUE.exec(text); m !== null; m = LATIN_CUE.exec(text)) {
    const at = m.index + m[0].length;
    const hasId = m[1] !== undefined;
    const strong = m[2] !== undefined || (hasId && m[3] !== undefined);
    const verb = m[4] !== undefined || VERB_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index));
    const profileEnd = readProfileName(text, at, BY_NAME);
    if (profileEnd > at) {
      spans.push({ start: at, end: profileEnd, type: 'HANDLE' });
      LATIN_CUE.lastIndex = profileEnd;
      continue;
    }
    const token = readHandle(text, at);
    if (token === undefined) continue;
    const after = text.slice(at + token.length, at + token.length + 24);
    const shaped = handleShaped(token);
    if ((strong && (shaped || PHRASE_END.test(after))) || verb || shaped || VERB_AFTER.test(after) || (hasId && IS_CLOSING.test(after))) {
      spans.push({ start: at, end: at + token.length, type: 'HANDLE' });
      LATIN_CUE.lastIndex = at + token.length;
    }
  }
  if (text.length > 0 && !/[\u0600-\u06ff]/.test(text)) return spans;
  URDU_CUE.lastIndex = 0;
  for (let m = URDU_CUE.exec(text); m !== null; m = URDU_CUE.exec(text)) {
    const at = m.index + m[0].length;
    const profileEnd = readProfileName(text, at, BY_NAME_URDU);
    if (profileEnd > at) {
      spans.push({ start: at, end: profileEnd, type: 'HANDLE' });
      URDU_CUE.lastIndex = profileEnd;
      continue;
    }
    const token = readHandle(text, at);
    if (token !== undefined) {
      spans.push({ start: at, end: at + token.length, type: 'HANDLE' });
      URDU_CUE.lastIndex = at + token.length;
    }
  }
  return spans;
}
