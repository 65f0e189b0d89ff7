import { inNastaliqRange, type ChartFamily } from './fonts.js';
import { emBox, hasGlyph, shapeRun, type ShapedRun } from './shaper.js';

/** How chart text is set: its size in SVG units, whether it is bold, and whether it runs right to left (Urdu). */
export interface TextStyle {
  fontSize: number;
  bold?: boolean;
  rtl?: boolean;
}

/** The box the browser gives one line of text, relative to its baseline, in SVG units. */
export interface LineBox {
  width: number;
  /** Height of the box above the baseline. */
  above: number;
  /** Depth of the box below the baseline. */
  below: number;
  /** How far ink reaches past the advance box on the left and on the right (a Nastaliq swash at either end). */
  left: number;
  right: number;
}

/** A character with no bundled glyph is drawn in some fallback font: assume an average advance. */
const FALLBACK_ADVANCE = 0.6;
/** Bidi controls (LRM, RLM, embeddings, isolates) take no room. */
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

function familyOf(char: string, bold: boolean): ChartFamily | null {
  const codePoint = char.codePointAt(0)!;
  if (inNastaliqRange(codePoint) && hasGlyph('Noto Nastaliq Urdu', bold, codePoint)) return 'Noto Nastaliq Urdu';
  return hasGlyph('Noto Sans', bold, codePoint) ? 'Noto Sans' : null;
}

const cache = new Map<string, ShapedRun>();

/**
 * Shapes one word (no spaces) the way the browser does: split into runs of the font each character is
 * taken from (Nastaliq for Urdu letters, Noto Sans for the rest), each run shaped on its own.
 */
function shapeWord(word: string, bold: boolean): ShapedRun {
  const key = `${bold ? 'b' : 'r'}${word}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const result: ShapedRun = { advance: 0, inkTop: 0, inkBottom: 0, inkLeft: 0, inkRight: 0 };
  let run = '';
  let runFamily: ChartFamily | null | undefined;
  const flush = () => {
    if (run.length === 0) return;
    const shaped =
      runFamily === null
        ? { advance: FALLBACK_ADVANCE * [...run].length, inkTop: 0.72, inkBottom: -0.2, inkLeft: 0, inkRight: 0 }
        : shapeRun(runFamily!, bold, run);
    result.advance += shaped.advance;
    result.inkTop = Math.max(result.inkTop, shaped.inkTop);
    result.inkBottom = Math.min(result.inkBottom, shaped.inkBottom);
    // A word of several runs: its overhang is that of whichever run reaches further.
    result.inkLeft = Math.max(result.inkLeft, shaped.inkLeft);
    result.inkRight = Math.max(result.inkRight, shaped.inkRight);
    run = '';
  };
  for (const char of word) {
    if (INVISIBLE.test(char)) continue;
    const family = familyOf(char, bold);
    if (family !== runFamily) flush();
    runFamily = family;
    run += char;
  }
  flush();
  cache.set(key, result);
  return result;
}

/** Width of a line of text as the browser sets it in the bundled fonts. */
export function textWidth(text: string, style: TextStyle): number {
  return lineBox(text, style).width;
}

/**
 * The line's box as Chromium reports it for SVG text: its advance, widened by ink that overhangs its
 * first and last words, and vertically the union of the Noto Sans line box (the first font that has a
 * space) and the ink of every glyph — Nastaliq's stacked letters reach far above that box. In a
 * right-to-left line with Urdu the first word is the rightmost.
 */
export function lineBox(text: string, style: TextStyle): LineBox {
  const bold = style.bold === true;
  const latin = emBox('Noto Sans');
  let advance = 0;
  let top = latin.ascent;
  let bottom = -latin.descent;
  const words: ShapedRun[] = [];
  for (const piece of text.split(/( +)/)) {
    if (piece.length === 0) continue;
    const shaped = shapeWord(piece, bold);
    advance += shaped.advance;
    top = Math.max(top, shaped.inkTop);
    bottom = Math.min(bottom, shaped.inkBottom);
    if (piece.trim().length > 0) words.push(shaped);
  }
  const reversed = style.rtl === true && /[\u0600-\u06ff]/.test(text);
  const leftmost = reversed ? words[words.length - 1] : words[0];
  const rightmost = reversed ? words[0] : words[words.length - 1];
  return {
    width: advance * style.fontSize,
    above: top * style.fontSize,
    below: -bottom * style.fontSize,
    left: (leftmost?.inkLeft ?? 0) * style.fontSize,
    right: (rightmost?.inkRight ?? 0) * style.fontSize,
  };
}

/** The width a line takes on screen: its advance and the ink overhanging either end. */
export function inkWidth(text: string, style: TextStyle): number {
  const box = lineBox(text, style);
  return box.width + box.left + box.right;
}
