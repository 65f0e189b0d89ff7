import { select, type Selection } from 'd3';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** What every chart function takes besides its data. */
export interface ChartOptions {
  /** Prefix for element ids inside the chart; unique on its page. */
  id: string;
  /** Accessible name (becomes the SVG `<title>`). */
  title: string;
  /** Text description of what the chart shows (becomes the SVG `<desc>`). */
  description: string;
  /** Right-to-left layout (Urdu): the chart is mirrored and its text runs right to left. */
  rtl?: boolean;
  /** Width of the drawing in SVG units (it scales to its container). Default 640. */
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

/** Creates the chart's root `<svg role="img">` with its title and description. */
export function createSvg(document: Document, options: ChartOptions, width: number, height: number, kind: string): Svg {
  const element = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  const svg = select(element);
  svg
    .attr('xmlns', SVG_NS)
    .attr('class', `chart chart-${kind}`)
    .attr('viewBox', `0 0 ${round(width)} ${round(height)}`)
    .attr('width', round(width))
    .attr('height', round(height))
    .attr('role', 'img')
    .attr('aria-labelledby', `${options.id}-title ${options.id}-desc`)
    .attr('font-size', fontSizeOf(options))
    .attr('fill', '#1a1a1a');
  if (options.rtl) svg.attr('direction', 'rtl');
  svg.append('title').attr('id', `${options.id}-title`).text(options.title);
  svg.append('desc').attr('id', `${options.id}-desc`).text(options.description);
  return svg;
}

export function fontSizeOf(options: ChartOptions): number {
  return options.fontSize ?? (options.rtl ? 15 : 13);
}

/** Line height for wrapped labels; Nastaliq needs about twice the font size. */
export function lineHeightOf(options: ChartOptions): number {
  return Math.round(fontSizeOf(options) * (options.rtl ? 1.9 : 1.3));
}

/** Rough width of a text at a font size: layout is computed at build time, where text cannot be measured. */
export function approxTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const char of text) units += /[\u0600-\u06ff]/.test(char) ? 0.45 : /[A-Z0-9%]/.test(char) ? 0.64 : 0.53;
  return units * fontSize;
}

/** Splits a label into lines no wider than `maxWidth`, at most `maxLines` (the last one ends in an ellipsis if cut). */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && approxTextWidth(candidate, fontSize) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

/** Horizontal mirror for right-to-left charts: positions are computed left-to-right, then flipped. */
export function mirror(width: number, rtl: boolean | undefined): { x: (x: number) => number; rect: (x: number, w: number) => number } {
  return rtl ? { x: (x) => round(width - x), rect: (x, w) => round(width - x - w) } : { x: (x) => round(x), rect: (x) => round(x) };
}

/** Writes multi-line text as `<tspan>`s, vertically centred on `y`. */
export function multilineText(
  parent: Group | Svg,
  lines: string[],
  x: number,
  y: number,
  lineHeight: number,
  anchor: 'start' | 'middle' | 'end',
): Selection<SVGTextElement, unknown, null, undefined> {
  const text = parent.append('text').attr('x', x).attr('text-anchor', anchor);
  const top = y - ((lines.length - 1) * lineHeight) / 2;
  lines.forEach((line, index) => {
    text
      .append('tspan')
      .attr('x', x)
      .attr('y', round(top + index * lineHeight))
      .attr('dominant-baseline', 'central')
      .text(line);
  });
  return text;
}

/** Rounds a coordinate to 0.1 so that snapshots are stable and the markup small. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export const defaultPercent = (value: number): string => `${Math.round(value * 100)}%`;
export const defaultNumber = (value: number): string => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));
