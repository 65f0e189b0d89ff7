import { scaleLinear } from 'd3';
import { createSvg, defaultNumber, defaultPercent, fontSizeOf, lineHeightOf, mirror, round, type ChartOptions } from './common.js';
import { drawAxis } from './dotInterval.js';
import { palette } from './palette.js';

export interface QuantilePoint {
  probability: number;
  estimate: number;
  ciLow: number | null;
  ciHigh: number | null;
}

/** Either weighted quantiles of a score, or the weighted share at each score value (a histogram). */
export type ScoreDistributionData =
  | { kind: 'quantiles'; quantiles: QuantilePoint[]; min?: number; max?: number }
  | { kind: 'histogram'; bins: { label: string; share: number | null; suppressed: boolean }[] };

export interface ScoreDistributionOptions extends ChartOptions {
  /** Axis title, e.g. "Victim-blaming score (1–5)". */
  axisLabel?: string;
  /** Label of a quantile, e.g. p => `P${p * 100}` or the Urdu equivalent. */
  quantileLabel?: (probability: number) => string;
}

/**
 * The distribution of a score. From quantiles: a box from the lower to the upper quartile (or the
 * nearest quantiles given), whiskers to the outermost quantiles, the median as a bold line, each
 * quantile's CI as a shaded band. From a distribution: bars of the share at each value.
 */
export function scoreDistribution(document: Document, data: ScoreDistributionData, options: ScoreDistributionOptions): SVGSVGElement {
  return data.kind === 'quantiles' ? quantileBox(document, data, options) : histogram(document, data, options);
}

function quantileBox(document: Document, data: Extract<ScoreDistributionData, { kind: 'quantiles' }>, options: ScoreDistributionOptions): SVGSVGElement {
  const width = options.width ?? 640;
  const lineHeight = lineHeightOf(options);
  const format = options.format ?? defaultNumber;
  const label = options.quantileLabel ?? ((p: number) => `P${round(p * 100)}`);
  const points = [...data.quantiles].sort((a, b) => a.probability - b.probability);
  const values = points.flatMap((p) => [p.estimate, p.ciLow ?? p.estimate, p.ciHigh ?? p.estimate]);
  const low = data.min ?? Math.min(...values);
  const high = data.max ?? Math.max(...values);
  const x = scaleLinear()
    .domain([low, high])
    .nice(5)
    .range([24, width - 24]);
  const m = mirror(width, options.rtl);
  const labelRows = 2;
  const top = 8 + labelRows * lineHeight;
  const boxHeight = 40;
  const bottom = top + boxHeight + 16;
  const height = bottom + lineHeight + 8 + (options.axisLabel ? lineHeight : 0);
  const svg = createSvg(document, options, width, height, 'score-distribution');
  drawAxis(svg.append('g'), x, { top, bottom, width, rtl: options.rtl, lineHeight, format });
  const middle = top + 8 + boxHeight / 2;
  const nearest = (target: number) =>
    points.reduce((best, p) => (Math.abs(p.probability - target) < Math.abs(best.probability - target) ? p : best), points[0]!);
  if (points.length > 0) {
    const lower = nearest(0.25);
    const upper = nearest(0.75);
    const first = points[0]!;
    const last = points[points.length - 1]!;
    const g = svg.append('g').attr('class', 'box');
    g.append('line')
      .attr('x1', m.x(x(first.estimate)))
      .attr('x2', m.x(x(last.estimate)))
      .attr('y1', round(middle))
      .attr('y2', round(middle))
      .attr('stroke', palette.ink)
      .attr('stroke-width', 1.5);
    if (upper.estimate > lower.estimate) {
      g.append('rect')
        .attr('x', m.rect(x(lower.estimate), x(upper.estimate) - x(lower.estimate)))
        .attr('y', round(middle - boxHeight / 2))
        .attr('width', round(x(upper.estimate) - x(lower.estimate)))
        .attr('height', boxHeight)
        .attr('fill', '#c6d5ea')
        .attr('stroke', palette.point);
    }
  }
  points.forEach((point, index) => {
    const g = svg.append('g').attr('class', 'quantile');
    const isMedian = Math.abs(point.probability - 0.5) < 1e-9;
    if (point.ciLow !== null && point.ciHigh !== null && point.ciHigh > point.ciLow) {
      g.append('rect')
        .attr('class', 'interval')
        .attr('x', m.rect(x(point.ciLow), x(point.ciHigh) - x(point.ciLow)))
        .attr('y', round(middle - boxHeight / 2 - 6))
        .attr('width', round(Math.max(1, x(point.ciHigh) - x(point.ciLow))))
        .attr('height', boxHeight + 12)
        .attr('fill', palette.point)
        .attr('fill-opacity', 0.18);
    }
    const tip = `${label(point.probability)}: ${format(point.estimate)}${point.ciLow !== null && point.ciHigh !== null ? ` (${format(point.ciLow)}–${format(point.ciHigh)})` : ''}`;
    g.append('line')
      .attr('class', 'point')
      .attr('x1', m.x(x(point.estimate)))
      .attr('x2', m.x(x(point.estimate)))
      .attr('y1', round(middle - boxHeight / 2))
      .attr('y2', round(middle + boxHeight / 2))
      .attr('stroke', isMedian ? palette.marked : palette.point)
      .attr('stroke-width', isMedian ? 3.5 : 2)
      .attr('data-tip', tip)
      .append('title')
      .text(tip);
    // Labels alternate between two rows so that neighbouring quantiles do not overlap.
    g.append('text')
      .attr('x', m.x(x(point.estimate)))
      .attr('y', round(8 + (index % 2) * lineHeight + lineHeight / 2))
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .attr('font-weight', isMedian ? 'bold' : null)
      .text(`${label(point.probability)} ${format(point.estimate)}`);
  });
  if (options.axisLabel) {
    svg
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', round(width / 2))
      .attr('y', round(height - lineHeight / 2 - 2))
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .attr('fill', palette.muted)
      .text(options.axisLabel);
  }
  return svg.node()!;
}

function histogram(document: Document, data: Extract<ScoreDistributionData, { kind: 'histogram' }>, options: ScoreDistributionOptions): SVGSVGElement {
  const width = options.width ?? 640;
  const fontSize = fontSizeOf(options);
  const lineHeight = lineHeightOf(options);
  const format = options.format ?? defaultPercent;
  const plotTop = lineHeight + 6;
  const plotHeight = 180;
  const bottom = plotTop + plotHeight;
  const height = bottom + lineHeight + 10 + (options.axisLabel ? lineHeight : 0);
  const max = Math.max(0.05, ...data.bins.map((bin) => bin.share ?? 0));
  const y = scaleLinear().domain([0, max]).nice(4).range([bottom, plotTop]);
  const m = mirror(width, options.rtl);
  const step = (width - 16) / Math.max(1, data.bins.length);
  const svg = createSvg(document, options, width, height, 'histogram');
  const grid = svg.append('g').attr('class', 'axis').attr('aria-hidden', 'true');
  for (const tick of y.ticks(4)) {
    grid
      .append('line')
      .attr('x1', 8)
      .attr('x2', width - 8)
      .attr('y1', round(y(tick)))
      .attr('y2', round(y(tick)))
      .attr('stroke', palette.grid);
  }
  data.bins.forEach((bin, index) => {
    const x0 = 8 + index * step + step * 0.12;
    const barWidth = step * 0.76;
    const g = svg.append('g').attr('class', 'bin');
    if (bin.suppressed || bin.share === null) {
      g.append('text')
        .attr('x', m.x(x0 + barWidth / 2))
        .attr('y', round(bottom - 10))
        .attr('text-anchor', 'middle')
        .attr('font-style', 'italic')
        .attr('fill', palette.suppressed)
        .attr('font-size', fontSize - 2)
        .text(options.suppressedLabel ?? 'suppressed');
    } else {
      const tip = `${bin.label}: ${format(bin.share)}`;
      g.append('rect')
        .attr('x', m.rect(x0, barWidth))
        .attr('y', round(y(bin.share)))
        .attr('width', round(barWidth))
        .attr('height', round(bottom - y(bin.share)))
        .attr('fill', palette.bar)
        .attr('data-tip', tip)
        .append('title')
        .text(tip);
      g.append('text')
        .attr('x', m.x(x0 + barWidth / 2))
        .attr('y', round(y(bin.share) - lineHeight / 2))
        .attr('text-anchor', 'middle')
        .attr('dominant-baseline', 'central')
        .attr('aria-hidden', 'true')
        .text(format(bin.share));
    }
    g.append('text')
      .attr('x', m.x(x0 + barWidth / 2))
      .attr('y', round(bottom + lineHeight / 2 + 2))
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .text(bin.label);
  });
  svg
    .append('line')
    .attr('x1', 8)
    .attr('x2', width - 8)
    .attr('y1', bottom)
    .attr('y2', bottom)
    .attr('stroke', palette.axis);
  if (options.axisLabel) {
    svg
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', round(width / 2))
      .attr('y', round(height - lineHeight / 2 - 2))
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .attr('fill', palette.muted)
      .text(options.axisLabel);
  }
  return svg.node()!;
}
