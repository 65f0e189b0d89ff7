import { scaleLinear, select, type ScaleLinear } from 'd3';
import {
  approxTextWidth,
  createSvg,
  defaultNumber,
  fontSizeOf,
  lineHeightOf,
  mirror,
  multilineText,
  round,
  wrapLabel,
  type ChartOptions,
  type Group,
} from './common.js';
import { palette } from './palette.js';

/** One estimate with its 95% confidence interval. */
export interface DotRow {
  label: string;
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Unweighted base. */
  n: number | null;
  suppressed: boolean;
  /** Drawn in the highlight colour with an asterisk (e.g. significant after Benjamini–Hochberg). */
  marked?: boolean;
}

export interface DotIntervalData {
  rows: DotRow[];
  /** A vertical reference line, e.g. the overall estimate. */
  reference?: { value: number; label: string };
}

export interface DotIntervalOptions extends ChartOptions {
  /** The x-axis range; default: the intervals' range, padded. */
  domain?: [number, number];
  /** Axis title (e.g. "Mean score, 1 = strongly disagree … 5 = strongly agree"). */
  axisLabel?: string;
  /** Legend entry for marked rows. */
  markedLabel?: string;
}

/** The x domain that holds every interval (and the reference), padded a little and made nice. */
export function intervalDomain(rows: DotRow[], reference?: number): [number, number] {
  const values = rows
    .flatMap((row) => (row.suppressed ? [] : [row.ciLow ?? row.estimate, row.ciHigh ?? row.estimate]))
    .filter((value): value is number => value !== null && Number.isFinite(value));
  if (reference !== undefined) values.push(reference);
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low || Math.abs(high) || 1) * 0.1;
  const scale = scaleLinear()
    .domain([low - pad, high + pad])
    .nice(5);
  return scale.domain() as [number, number];
}

/** Draws dot-and-interval rows into `group` between `top` and the returned bottom. */
export function drawDotRows(
  group: Group,
  rows: { row: DotRow; lines: string[]; height: number }[],
  x: ScaleLinear<number, number>,
  layout: { top: number; labelX: number; width: number; rtl?: boolean; lineHeight: number; format: (v: number) => string; suppressedLabel: string },
): number {
  const m = mirror(layout.width, layout.rtl);
  let y = layout.top;
  for (const { row, lines, height } of rows) {
    const middle = y + height / 2;
    const g = group.append('g').attr('class', row.marked ? 'row marked' : 'row');
    multilineText(
      g,
      row.marked ? [...lines.slice(0, -1), `${lines[lines.length - 1] ?? ''} *`] : lines,
      m.x(layout.labelX),
      middle,
      layout.lineHeight,
      'end',
    ).attr('font-weight', row.marked ? 'bold' : null);
    if (row.suppressed || row.estimate === null) {
      g.append('text')
        .attr('class', 'suppressed')
        .attr('x', m.x(x.range()[0]! + 4))
        .attr('y', round(middle))
        .attr('dominant-baseline', 'central')
        .attr('text-anchor', 'start')
        .attr('font-style', 'italic')
        .attr('fill', palette.suppressed)
        .text(layout.suppressedLabel);
    } else {
      const color = row.marked ? palette.marked : palette.point;
      if (row.ciLow !== null && row.ciHigh !== null) {
        g.append('line')
          .attr('class', 'interval')
          .attr('x1', m.x(x(row.ciLow)))
          .attr('x2', m.x(x(row.ciHigh)))
          .attr('y1', round(middle))
          .attr('y2', round(middle))
          .attr('stroke', color)
          .attr('stroke-width', 2.5);
        for (const end of [row.ciLow, row.ciHigh]) {
          g.append('line')
            .attr('x1', m.x(x(end)))
            .attr('x2', m.x(x(end)))
            .attr('y1', round(middle - 5))
            .attr('y2', round(middle + 5))
            .attr('stroke', color)
            .attr('stroke-width', 1.5);
        }
      }
      const tip = `${row.label}: ${layout.format(row.estimate)}${row.ciLow !== null && row.ciHigh !== null ? ` (${layout.format(row.ciLow)}–${layout.format(row.ciHigh)})` : ''}`;
      const dot = (
        row.marked
          ? g
              .append('rect')
              .attr('x', m.rect(x(row.estimate) - 6, 12))
              .attr('y', round(middle - 6))
              .attr('width', 12)
              .attr('height', 12)
              .attr('transform', `rotate(45 ${m.x(x(row.estimate))} ${round(middle)})`)
              .node()
          : g
              .append('circle')
              .attr('cx', m.x(x(row.estimate)))
              .attr('cy', round(middle))
              .attr('r', 6)
              .node()
      )!;
      select(dot)
        .attr('class', 'point')
        .attr('fill', color)
        .attr('stroke', '#ffffff')
        .attr('stroke-width', 1.5)
        .attr('data-tip', tip)
        .append('title')
        .text(tip);
    }
    y += height;
  }
  return y;
}

/** Draws the x axis (grid lines and tick labels) between `top` and `bottom`. */
export function drawAxis(
  group: Group,
  x: ScaleLinear<number, number>,
  layout: { top: number; bottom: number; width: number; rtl?: boolean; lineHeight: number; format: (v: number) => string; ticks?: number },
): void {
  const m = mirror(layout.width, layout.rtl);
  const axis = group.append('g').attr('class', 'axis').attr('aria-hidden', 'true');
  for (const tick of x.ticks(layout.ticks ?? 5)) {
    axis
      .append('line')
      .attr('x1', m.x(x(tick)))
      .attr('x2', m.x(x(tick)))
      .attr('y1', round(layout.top))
      .attr('y2', round(layout.bottom))
      .attr('stroke', palette.grid);
    axis
      .append('text')
      .attr('x', m.x(x(tick)))
      .attr('y', round(layout.bottom + layout.lineHeight / 2 + 2))
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .attr('fill', palette.muted)
      .text(layout.format(tick));
  }
}

/**
 * Dot-and-interval plot: one row per group with its estimate (dot) and 95% CI (line). Marked rows
 * (e.g. groups that differ significantly after Benjamini–Hochberg) get a diamond, bold label and an
 * asterisk, so the mark never relies on colour alone.
 */
export function dotInterval(document: Document, data: DotIntervalData, options: DotIntervalOptions): SVGSVGElement {
  const width = options.width ?? 640;
  const fontSize = fontSizeOf(options);
  const lineHeight = lineHeightOf(options);
  const format = options.format ?? defaultNumber;
  const labelWidth = Math.min(width * 0.34, Math.max(60, ...data.rows.map((row) => approxTextWidth(`${row.label} *`, fontSize))));
  const rows = data.rows.map((row) => {
    const lines = wrapLabel(row.label, labelWidth, fontSize, 2);
    return { row, lines, height: Math.max(lineHeight + 10, lines.length * lineHeight + 6) };
  });
  const hasMarked = data.rows.some((row) => row.marked) && options.markedLabel !== undefined;
  const top = 8 + (data.reference ? lineHeight : 0);
  const plotHeight = rows.reduce((sum, row) => sum + row.height, 0);
  const bottom = top + plotHeight;
  const height = bottom + lineHeight + 8 + (options.axisLabel ? lineHeight : 0) + (hasMarked ? lineHeight : 0);
  const domain = options.domain ?? intervalDomain(data.rows, data.reference?.value);
  const x = scaleLinear()
    .domain(domain)
    .range([labelWidth + 16, width - 16]);
  const m = mirror(width, options.rtl);
  const svg = createSvg(document, options, width, height, 'dot-interval');
  const plot = svg.append('g');
  drawAxis(plot, x, { top, bottom, width, rtl: options.rtl, lineHeight, format });
  if (data.reference) {
    plot
      .append('line')
      .attr('class', 'reference')
      .attr('x1', m.x(x(data.reference.value)))
      .attr('x2', m.x(x(data.reference.value)))
      .attr('y1', round(top - 4))
      .attr('y2', round(bottom))
      .attr('stroke', palette.reference)
      .attr('stroke-dasharray', '4 3');
    plot
      .append('text')
      .attr('x', m.x(x(data.reference.value)))
      .attr('y', round(top - lineHeight / 2 - 2))
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .attr('fill', palette.muted)
      .text(`${data.reference.label} ${format(data.reference.value)}`);
  }
  drawDotRows(plot, rows, x, {
    top,
    labelX: labelWidth,
    width,
    rtl: options.rtl,
    lineHeight,
    format,
    suppressedLabel: options.suppressedLabel ?? 'suppressed',
  });
  let footer = bottom + lineHeight + 8;
  if (options.axisLabel) {
    svg
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', m.x((x.range()[0]! + x.range()[1]!) / 2))
      .attr('y', round(footer + lineHeight / 2 - 4))
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .attr('fill', palette.muted)
      .text(options.axisLabel);
    footer += lineHeight;
  }
  if (hasMarked) {
    svg
      .append('text')
      .attr('class', 'legend')
      .attr('x', m.x(8))
      .attr('y', round(footer + lineHeight / 2 - 4))
      .attr('text-anchor', 'start')
      .attr('dominant-baseline', 'central')
      .attr('fill', palette.marked)
      .text(`◆ * ${options.markedLabel}`);
  }
  return svg.node()!;
}
