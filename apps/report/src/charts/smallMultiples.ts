import { scaleLinear } from 'd3';
import { approxTextWidth, createSvg, defaultNumber, fontSizeOf, lineHeightOf, mirror, round, wrapLabel, type ChartOptions } from './common.js';
import { drawAxis, drawDotRows, intervalDomain, type DotRow } from './dotInterval.js';
import { palette } from './palette.js';

export interface SmallMultiplesData {
  /** One panel per group (e.g. province), each with the same rows (e.g. scales). */
  panels: { title: string; rows: DotRow[] }[];
}

export interface SmallMultiplesOptions extends ChartOptions {
  /** Panels per row. Default 2 (stays readable on a phone). */
  columns?: number;
  /** Shared x-axis range; default: all intervals' range. */
  domain?: [number, number];
  markedLabel?: string;
}

/**
 * Small multiples: the same dot-and-interval rows drawn once per group on a shared axis, so groups
 * can be compared panel by panel (e.g. scale means by province).
 */
export function smallMultiples(document: Document, data: SmallMultiplesData, options: SmallMultiplesOptions): SVGSVGElement {
  const width = options.width ?? 640;
  const columns = Math.max(1, Math.min(options.columns ?? 2, data.panels.length || 1));
  const fontSize = fontSizeOf(options);
  const lineHeight = lineHeightOf(options);
  const format = options.format ?? defaultNumber;
  const gap = 20;
  const panelWidth = (width - gap * (columns - 1)) / columns;
  const labelWidth = Math.min(
    panelWidth * 0.45,
    Math.max(40, ...data.panels.flatMap((panel) => panel.rows.map((row) => approxTextWidth(`${row.label} *`, fontSize)))),
  );
  const domain = options.domain ?? intervalDomain(data.panels.flatMap((panel) => panel.rows));
  const layoutRows = (rows: DotRow[]) =>
    rows.map((row) => {
      const lines = wrapLabel(row.label, labelWidth, fontSize, 2);
      return { row, lines, height: Math.max(lineHeight + 6, lines.length * lineHeight + 4) };
    });
  const panelRows = data.panels.map((panel) => layoutRows(panel.rows));
  const panelHeight = lineHeight + 6 + Math.max(...panelRows.map((rows) => rows.reduce((sum, row) => sum + row.height, 0))) + lineHeight + 12;
  const gridRows = Math.ceil(data.panels.length / columns);
  const hasMarked = options.markedLabel !== undefined && data.panels.some((panel) => panel.rows.some((row) => row.marked));
  const height = gridRows * panelHeight + (hasMarked ? lineHeight + 4 : 0);
  const svg = createSvg(document, options, width, height, 'small-multiples');
  const m = mirror(width, options.rtl);

  data.panels.forEach((panel, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const offsetX = column * (panelWidth + gap);
    const offsetY = row * panelHeight;
    // Panels are laid out left to right and then mirrored as a whole for right-to-left pages.
    const panelX = options.rtl ? width - offsetX - panelWidth : offsetX;
    const group = svg
      .append('g')
      .attr('class', 'panel')
      .attr('transform', `translate(${round(panelX)} ${round(offsetY)})`);
    group
      .append('text')
      .attr('class', 'panel-title')
      .attr('x', options.rtl ? round(panelWidth) : 0)
      .attr('y', round(lineHeight / 2 + 2))
      .attr('dominant-baseline', 'central')
      .attr('text-anchor', 'start')
      .attr('font-weight', 'bold')
      .text(panel.title);
    const x = scaleLinear()
      .domain(domain)
      .range([labelWidth + 10, panelWidth - 10]);
    const top = lineHeight + 6;
    const rows = panelRows[index]!;
    const bottom = top + rows.reduce((sum, r) => sum + r.height, 0);
    drawAxis(group, x, { top, bottom, width: panelWidth, rtl: options.rtl, lineHeight, format, ticks: 3 });
    drawDotRows(group, rows, x, {
      top,
      labelX: labelWidth,
      width: panelWidth,
      rtl: options.rtl,
      lineHeight,
      format,
      suppressedLabel: options.suppressedLabel ?? 'suppressed',
    });
  });
  if (hasMarked) {
    svg
      .append('text')
      .attr('class', 'legend')
      .attr('x', m.x(4))
      .attr('y', round(height - lineHeight / 2))
      .attr('text-anchor', 'start')
      .attr('dominant-baseline', 'central')
      .attr('fill', palette.marked)
      .text(`◆ * ${options.markedLabel}`);
  }
  return svg.node()!;
}
