import { select, type Selection } from 'd3';
import { isolateNumbers } from '../format/ltr.js';
import { chartFontFamily } from './text/fonts.js';
import type { TextStyle } from './text/measure.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** What every chart function takes besides its data. */
export interface ChartOptions {
  /** Prefix for element ids inside the chart; unique on its page. */
  id: string;
  /** Accessible name (becomes the SVG `<title>`). */
  title: string;
  /** Text description of what the chart shows (becomes the SVG `<desc>`). */
  description: string;
  /** Right-to-left layout (Urdu): labels, legend and reading order are mirrored; value axes still increase to the right. */
  rtl?: boolean;
  /**
   * Width of the drawing in SVG units: the width it is shown at. Below 480 the chart takes its phone
   * layout (labels above the marks when the side has no room). Default 640.
   */
  width?: number;
  /** Font size of labels in SVG units. Default 13 (15 for right-to-left Nastaliq). */
  fontSize?: number;
  /** Formats an estimate for labels and axes. */
  format?: (value: number) => string;
  /** Text shown instead of a suppressed estimate. */
  suppressedLabel?: string;
}

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Drawings narrower than this are phone layouts. */
const NARROW_BELOW = 480;

/** The type and spacing of one chart, from its options. */
export interface Typography {
  rtl: boolean;
  narrow: boolean;
  width: number;
  fontSize: number;
  regular: TextStyle;
  bold: TextStyle;
  /** Numbers written on bars: Noto Sans digits in both editions, never below 12 px as shown. */
  value: TextStyle;
  /** Distance between the baselines of two lines of a label, before tall Nastaliq letters push them apart. */
  linePitch: number;
  /** Height of a single line of text, for spacing rows and axes. */
  lineHeight: number;
}

export function typographyOf(options: ChartOptions): Typography {
  const rtl = options.rtl === true;
  const width = options.width ?? 640;
  const fontSize = options.fontSize ?? (rtl ? 15 : 13);
  return {
    rtl,
    narrow: width < NARROW_BELOW,
    width,
    fontSize,
    regular: { fontSize, rtl },
    bold: { fontSize, bold: true, rtl },
    value: { fontSize: 13, rtl },
    // Nastaliq needs about twice its font size between lines (its letters stack above the line).
    linePitch: round(fontSize * (rtl ? 1.9 : 1.3)),
    lineHeight: round(fontSize * (rtl ? 2 : 1.45)),
  };
}

/** Creates the chart's root `<svg role="img">` with its title and description, set in the bundled fonts. */
export function createSvg(document: Document, options: ChartOptions, width: number, height: number, kind: string): Svg {
  const element = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  const svg = select(element);
  const typography = typographyOf(options);
  svg
    .attr('xmlns', SVG_NS)
    .attr('class', `chart chart-${kind}`)
    .attr('viewBox', `0 0 ${round(width)} ${round(height)}`)
    .attr('width', round(width))
    .attr('height', round(height))
    .attr('role', 'img')
    .attr('aria-labelledby', `${options.id}-title ${options.id}-desc`)
    .attr('font-family', chartFontFamily(options.rtl))
    .attr('font-size', typography.fontSize)
    .attr('fill', '#1a1a1a');
  if (options.rtl) svg.attr('direction', 'rtl');
  svg.append('title').attr('id', `${options.id}-title`).text(displayText(options.title, options.rtl));
  svg.append('desc').attr('id', `${options.id}-desc`).text(displayText(options.description, options.rtl));
  return svg;
}

/** Text as written into a chart: in a right-to-left chart every number expression is an isolated left-to-right run. */
export function displayText(text: string, rtl: boolean | undefined): string {
  return rtl ? isolateNumbers(text) : text;
}

/** Horizontal mirror for the layout of right-to-left charts: label columns and legends are placed from the start edge. */
export function mirror(width: number, rtl: boolean | undefined): { x: (x: number) => number; rect: (x: number, w: number) => number } {
  return rtl ? { x: (x) => round(width - x), rect: (x, w) => round(width - x - w) } : { x: (x) => round(x), rect: (x) => round(x) };
}

/** Rounds a coordinate to 0.1 so that snapshots are stable and the markup small. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export const defaultPercent = (value: number): string => `${Math.round(value * 100)}%`;
export const defaultNumber = (value: number): string => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));

/**
 * Adds the full text of shortened labels to the chart's description, so that a screen reader (which
 * reads the title and description of the image) still gets every label whole.
 */
export function describeFullLabels(svg: Svg, options: ChartOptions, fullLabels: string[]): void {
  if (fullLabels.length === 0) return;
  const desc = svg.select('desc');
  desc.text(`${desc.text()} ${displayText(fullLabels.join('; '), options.rtl)}.`);
}
