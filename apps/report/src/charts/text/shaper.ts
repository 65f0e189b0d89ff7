import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Blob, Buffer, Face, Font, shape } from 'harfbuzzjs';
import { BUNDLED_FONTS, bundledFontPath, type ChartFamily } from './fonts.js';

const require = createRequire(import.meta.url);
/** wawoff2's decoder (CommonJS, untyped): a WOFF2 file in, the TrueType/OpenType font it packs out. */
const decompress = require('wawoff2/decompress.js') as (woff2: Uint8Array) => Promise<Uint8Array>;

/** A run of text set in one font, in ems: how far it advances and how far its ink reaches above and below the baseline. */
export interface ShapedRun {
  advance: number;
  /** Highest ink above the baseline (positive is up); 0 for a run without ink. */
  inkTop: number;
  /** Lowest ink (negative is below the baseline); 0 for a run without ink. */
  inkBottom: number;
  /** How far ink reaches left of the run's advance box, and right of it (Nastaliq swashes do): 0 or more. */
  inkLeft: number;
  inkRight: number;
}

interface LoadedFont {
  font: Font;
  upem: number;
}

/**
 * The bundled font files, shaped with HarfBuzz — the shaper Chromium, Firefox and Android use — so that
 * a run's advance is the one the browser lays out, Nastaliq's contextual forms and cursive stacking
 * included. The WOFF2 files are the very ones the site serves; WOFF2 is unpacked with Google's woff2
 * decoder (wawoff2), since HarfBuzz reads only the unpacked font.
 */
const fonts = new Map<string, LoadedFont>();
for (const bundled of BUNDLED_FONTS) {
  // One file at a time, copied at once: the decoder returns a view into its own memory, which the next call reuses.
  const data = (await decompress(readFileSync(bundledFontPath(bundled)))).slice();
  const face = new Face(new Blob(data), 0);
  fonts.set(`${bundled.family}|${bundled.weight}`, { font: new Font(face), upem: face.upem });
}

/** One buffer, reset for each run: shaping is synchronous, and buffers are freed only by the garbage collector. */
const buffer = new Buffer();

function loaded(family: ChartFamily, bold: boolean): LoadedFont {
  return fonts.get(`${family}|${bold ? 700 : 400}`)!;
}

/** Whether the bundled font has a glyph for the code point (else the browser falls back to another font). */
export function hasGlyph(family: ChartFamily, bold: boolean, codePoint: number): boolean {
  return (loaded(family, bold).font.glyph(codePoint) ?? 0) !== 0;
}

/** Shapes `text` in one bundled font. */
export function shapeRun(family: ChartFamily, bold: boolean, text: string): ShapedRun {
  const { font, upem } = loaded(family, bold);
  buffer.reset();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  shape(font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  // Glyphs come out in visual order, left to right, whatever the direction of the text.
  let advance = 0;
  let top = 0;
  let bottom = 0;
  let left = 0;
  let right = 0;
  let y = 0;
  infos.forEach((info, index) => {
    const position = positions[index]!;
    const extents = font.glyphExtents(info.codepoint);
    if (extents && extents.height !== 0) {
      const glyphY = y + position.yOffset + extents.yBearing;
      top = Math.max(top, glyphY);
      bottom = Math.min(bottom, glyphY + extents.height);
      const glyphX = advance + position.xOffset + extents.xBearing;
      left = Math.min(left, glyphX);
      right = Math.max(right, glyphX + extents.width);
    }
    advance += position.xAdvance;
    y += position.yAdvance;
  });
  return { advance: advance / upem, inkTop: top / upem, inkBottom: bottom / upem, inkLeft: -left / upem, inkRight: Math.max(0, right - advance) / upem };
}

/** The font's own line box (hhea ascender and descender), in ems; the browser's box of a text line is at least this. */
export function emBox(family: ChartFamily): { ascent: number; descent: number } {
  const { font, upem } = loaded(family, false);
  const extents = font.hExtents();
  return { ascent: extents.ascender / upem, descent: -extents.descender / upem };
}
