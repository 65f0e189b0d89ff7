import type { Selection } from 'd3';
import { displayText, round, type Group, type Svg, type Typography } from './common.js';
import { lineBox, type TextStyle } from './text/measure.js';
import { wrapText } from './text/wrap.js';

/** A label laid out in lines, with the box it takes, relative to its visual middle. */
export interface TextBlock {
  /** The label as given (the `<title>` and the description carry it when it had to be shortened). */
  full: string;
  lines: string[];
  shortened: boolean;
  style: TextStyle;
  /** Width of the widest line, ink that overhangs its ends included. */
  width: number;
  /** Ink overhanging the start (the right in Urdu) and the end of the lines; drawTextBlock keeps it inside the anchor. */
  startOverhang: number;
  endOverhang: number;
  /** Baseline of each line, relative to the block's visual middle. */
  baselines: number[];
  /** Top of the block's box (negative: above the middle) and its bottom. */
  top: number;
  bottom: number;
}

/** Where the middle of a line sits above its baseline, in ems: the middle of Noto Sans capitals and x-height, and of most Nastaliq words. */
const VISUAL_MIDDLE = 0.36;
/** Space kept between the ink of two Nastaliq lines (ems). */
const NASTALIQ_GAP = 0.15;

/**
 * Lays a label out in at most `maxLines` lines no wider than `maxWidth` (measured in the bundled fonts).
 * Lines are `typography.linePitch` apart; in right-to-left text they are pushed further apart where tall
 * Nastaliq letters of a line would touch the descenders of the line above.
 */
export function layoutText(text: string, maxWidth: number, style: TextStyle, maxLines: number, typography: Typography): TextBlock {
  const wrapped = wrapText(text, maxWidth, style, maxLines);
  const boxes = wrapped.lines.map((line) => lineBox(line, style));
  const pitchScale = style.fontSize / typography.fontSize;
  const baselinesFromFirst = [0];
  for (let index = 1; index < boxes.length; index += 1) {
    const pitch = typography.rtl
      ? Math.max(typography.linePitch * pitchScale, boxes[index - 1]!.below + boxes[index]!.above + NASTALIQ_GAP * style.fontSize)
      : typography.linePitch * pitchScale;
    baselinesFromFirst.push(baselinesFromFirst[index - 1]! + pitch);
  }
  const span = baselinesFromFirst[baselinesFromFirst.length - 1]!;
  const baselines = baselinesFromFirst.map((y) => y - span / 2 + VISUAL_MIDDLE * style.fontSize);
  const top = Math.min(...boxes.map((box, index) => baselines[index]! - box.above));
  const bottom = Math.max(...boxes.map((box, index) => baselines[index]! + box.below));
  const rtl = style.rtl === true;
  const startOverhang = Math.max(0, ...boxes.map((box) => (rtl ? box.right : box.left)));
  const endOverhang = Math.max(0, ...boxes.map((box) => (rtl ? box.left : box.right)));
  return { full: text, lines: wrapped.lines, shortened: wrapped.shortened, style, width: wrapped.width, startOverhang, endOverhang, baselines, top, bottom };
}

/** A white outline behind the letters, so that text stays legible where it crosses grid lines. */
export function haloText(text: Selection<SVGTextElement, unknown, null, undefined>): void {
  text.attr('paint-order', 'stroke').attr('stroke', '#ffffff').attr('stroke-width', 4).attr('stroke-linejoin', 'round');
}

/** A block's height. */
export function blockHeight(block: TextBlock): number {
  return block.bottom - block.top;
}

/**
 * Draws a block with its visual middle at `y`. `anchor` is logical: in a right-to-left chart `start` is the
 * right-hand end of the text. Text anchored at its start or end is moved in by the ink that overhangs
 * that end, so that all of it lies on its side of `x`. A shortened label carries its full text in a `<title>`.
 */
export function drawTextBlock(
  parent: Group | Svg,
  block: TextBlock,
  at: { x: number; y: number; anchor: 'start' | 'middle' | 'end'; typography: Typography; className?: string; fill?: string; halo?: boolean },
): Selection<SVGTextElement, unknown, null, undefined> {
  const inward = at.typography.rtl ? -1 : 1;
  const x = at.anchor === 'start' ? at.x + inward * block.startOverhang : at.anchor === 'end' ? at.x - inward * block.endOverhang : at.x;
  const text = parent.append('text').attr('x', round(x)).attr('text-anchor', at.anchor);
  if (at.className) text.attr('class', at.className);
  if (at.fill) text.attr('fill', at.fill);
  if (block.style.bold) text.attr('font-weight', 'bold');
  if (at.halo) haloText(text);
  if (block.style.fontSize !== at.typography.fontSize) text.attr('font-size', block.style.fontSize);
  if (block.shortened) text.append('title').text(displayText(block.full, at.typography.rtl));
  block.lines.forEach((line, index) => {
    text
      .append('tspan')
      .attr('x', round(x))
      .attr('y', round(at.y + block.baselines[index]!))
      .text(displayText(line, at.typography.rtl));
  });
  return text;
}
