import { scaleLinear } from 'd3';
import { axisLabelHeight, axisOverhang, axisTicks, drawValueAxis } from './axis.js';
import { createSvg, defaultNumber, defaultPercent, displayText, round, typographyOf, type ChartOptions } from './common.js';
import { palette } from './palette.js';
import { EDGE } from './rowLabels.js';
import { inkWidth, lineBox, textWidth } from './text/measure.js';
import { blockHeight, drawTextBlock, haloText, layoutText } from './textBlock.js';

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

/** Space between two quantile labels on the same line. */
const LABEL_GAP = 10;

function quantileBox(document: Document, data: Extract<ScoreDistributionData, { kind: 'quantiles' }>, options: ScoreDistributionOptions): SVGSVGElement {
  const typography = typographyOf(options);
  const { width, rtl } = typography;
  const format = options.format ?? defaultNumber;
  const label = options.quantileLabel ?? ((p: number) => `P${round(p * 100)}`);
  const points = [...data.quantiles].sort((a, b) => a.probability - b.probability);
  const values = points.flatMap((p) => [p.estimate, p.ciLow ?? p.estimate, p.ciHigh ?? p.estimate]);
  const low = data.min ?? (values.length > 0 ? Math.min(...values) : 0);
  const high = data.max ?? (values.length > 0 ? Math.max(...values) : 1);
  const domain = scaleLinear().domain([low, high]).nice(5).domain() as [number, number];
  const overhang = axisOverhang(domain, format, typography);
  const x = scaleLinear()
    .domain(domain)
    .range([EDGE + Math.max(overhang.low, 8), width - EDGE - Math.max(overhang.high, 8)]);

  // Each quantile's label ("P25 1.50") is centred on its line and kept inside the chart; labels that would
  // touch a neighbour go to the next line up, as many lines as needed.
  const isMedian = (p: QuantilePoint) => Math.abs(p.probability - 0.5) < 1e-9;
  const placed = points.map((point) => {
    const text = `${label(point.probability)} ${format(point.estimate)}`;
    const style = isMedian(point) ? typography.bold : typography.regular;
    const half = inkWidth(text, style) / 2;
    const centre = Math.min(Math.max(x(point.estimate), EDGE + half), width - EDGE - half);
    return { point, text, style, centre, half, line: 0 };
  });
  const lineEnds: number[] = [];
  for (const label of placed) {
    let line = lineEnds.findIndex((end) => label.centre - label.half >= end + LABEL_GAP);
    if (line === -1) line = lineEnds.length;
    lineEnds[line] = label.centre + label.half;
    label.line = line;
  }
  const box = lineBox('P 0', typography.bold);
  const labelLine = box.above + box.below + 2;
  const labelLines = Math.max(1, lineEnds.length);
  const top = 4 + labelLines * labelLine + 4;
  const boxHeight = 40;
  const middle = top + 8 + boxHeight / 2;
  const bottom = top + boxHeight + 16;
  const axisTitle = options.axisLabel ? layoutText(options.axisLabel, width - 2 * EDGE, typography.regular, 2, typography) : undefined;
  const axisTitleTop = bottom + axisLabelHeight(typography) + 4;
  const height = axisTitleTop + (axisTitle ? blockHeight(axisTitle) + 4 : 0) + 2;

  const svg = createSvg(document, options, width, height, 'score-distribution');
  drawValueAxis(svg.append('g'), x, axisTicks(x, format, typography), { top, bottom, typography });
  if (points.length > 0) {
    const nearest = (target: number) =>
      points.reduce((best, p) => (Math.abs(p.probability - target) < Math.abs(best.probability - target) ? p : best), points[0]!);
    const lower = nearest(0.25);
    const upper = nearest(0.75);
    const g = svg.append('g').attr('class', 'box');
    g.append('line')
      .attr('x1', round(x(points[0]!.estimate)))
      .attr('x2', round(x(points[points.length - 1]!.estimate)))
      .attr('y1', round(middle))
      .attr('y2', round(middle))
      .attr('stroke', palette.ink)
      .attr('stroke-width', 1.5);
    if (upper.estimate > lower.estimate) {
      g.append('rect')
        .attr('x', round(x(lower.estimate)))
        .attr('y', round(middle - boxHeight / 2))
        .attr('width', round(x(upper.estimate) - x(lower.estimate)))
        .attr('height', boxHeight)
        .attr('fill', '#c6d5ea')
        .attr('stroke', palette.point);
    }
  }
  for (const { point, text, style, centre, line } of placed) {
    const g = svg.append('g').attr('class', 'quantile');
    const median = isMedian(point);
    if (point.ciLow !== null && point.ciHigh !== null && point.ciHigh > point.ciLow) {
      g.append('rect')
        .attr('class', 'interval')
        .attr('x', round(x(point.ciLow)))
        .attr('y', round(middle - boxHeight / 2 - 6))
        .attr('width', round(Math.max(1, x(point.ciHigh) - x(point.ciLow))))
        .attr('height', boxHeight + 12)
        .attr('fill', palette.point)
        .attr('fill-opacity', 0.18);
    }
    const interval = point.ciLow !== null && point.ciHigh !== null ? ` (${format(point.ciLow)}–${format(point.ciHigh)})` : '';
    const tip = displayText(`${label(point.probability)}: ${format(point.estimate)}${interval}`, rtl);
    g.append('line')
      .attr('class', 'point')
      .attr('x1', round(x(point.estimate)))
      .attr('x2', round(x(point.estimate)))
      .attr('y1', round(middle - boxHeight / 2))
      .attr('y2', round(middle + boxHeight / 2))
      .attr('stroke', median ? palette.marked : palette.point)
      .attr('stroke-width', median ? 3.5 : 2)
      .attr('data-tip', tip)
      .append('title')
      .text(tip);
    // The lowest label line sits just above the box; further lines stack upwards.
    const baseline = top - 4 - line * labelLine - box.below;
    const quantileText = g.append('text').attr('x', round(centre)).attr('y', round(baseline)).attr('text-anchor', 'middle').text(displayText(text, rtl));
    if (style.bold) quantileText.attr('font-weight', 'bold');
    haloText(quantileText);
  }
  if (axisTitle) {
    drawTextBlock(svg, axisTitle, {
      x: width / 2,
      y: axisTitleTop - axisTitle.top,
      anchor: 'middle',
      typography,
      className: 'axis-label',
      fill: palette.muted,
    });
  }
  return svg.node()!;
}

function histogram(document: Document, data: Extract<ScoreDistributionData, { kind: 'histogram' }>, options: ScoreDistributionOptions): SVGSVGElement {
  const typography = typographyOf(options);
  const { width, rtl } = typography;
  const format = options.format ?? defaultPercent;
  const step = (width - 2 * EDGE) / Math.max(1, data.bins.length);
  const binLabels = data.bins.map((bin) => layoutText(bin.label, step - 4, typography.regular, 2, typography));
  const valueBox = lineBox('0%', typography.value);
  const plotTop = 4 + valueBox.above + valueBox.below + 4;
  const plotHeight = 180;
  const bottom = plotTop + plotHeight;
  const labelsHeight = Math.max(0, ...binLabels.map(blockHeight)) + 6;
  const axisTitle = options.axisLabel ? layoutText(options.axisLabel, width - 2 * EDGE, typography.regular, 2, typography) : undefined;
  const height = bottom + labelsHeight + (axisTitle ? blockHeight(axisTitle) + 6 : 0) + 4;
  const max = Math.max(0.05, ...data.bins.map((bin) => bin.share ?? 0));
  const y = scaleLinear().domain([0, max]).nice(4).range([bottom, plotTop]);
  const svg = createSvg(document, options, width, height, 'histogram');
  const grid = svg.append('g').attr('class', 'axis').attr('aria-hidden', 'true');
  for (const tick of y.ticks(4)) {
    grid
      .append('line')
      .attr('x1', EDGE)
      .attr('x2', width - EDGE)
      .attr('y1', round(y(tick)))
      .attr('y2', round(y(tick)))
      .attr('stroke', palette.grid);
  }
  // Score values increase from left to right in both editions.
  data.bins.forEach((bin, index) => {
    const x0 = EDGE + index * step + step * 0.12;
    const barWidth = step * 0.76;
    const centre = x0 + barWidth / 2;
    const g = svg.append('g').attr('class', 'bin');
    if (bin.suppressed || bin.share === null) {
      g.append('text')
        .attr('x', round(centre))
        .attr('y', round(bottom - 10))
        .attr('text-anchor', 'middle')
        .attr('font-style', 'italic')
        .attr('fill', palette.suppressed)
        .text(options.suppressedLabel ?? 'suppressed');
    } else {
      const value = format(bin.share);
      const tip = displayText(`${bin.label}: ${value}`, rtl);
      g.append('rect')
        .attr('x', round(x0))
        .attr('y', round(y(bin.share)))
        .attr('width', round(barWidth))
        .attr('height', round(bottom - y(bin.share)))
        .attr('fill', palette.bar)
        .attr('data-tip', tip)
        .append('title')
        .text(tip);
      if (textWidth(value, typography.value) <= step - 2) {
        g.append('text')
          .attr('x', round(centre))
          .attr('y', round(y(bin.share) - 4 - valueBox.below))
          .attr('text-anchor', 'middle')
          .attr('font-size', typography.value.fontSize === typography.fontSize ? null : typography.value.fontSize)
          .attr('aria-hidden', 'true')
          .text(displayText(value, rtl));
      }
    }
    const block = binLabels[index]!;
    drawTextBlock(g, block, { x: centre, y: bottom + 4 - block.top, anchor: 'middle', typography });
  });
  svg
    .append('line')
    .attr('x1', EDGE)
    .attr('x2', width - EDGE)
    .attr('y1', bottom)
    .attr('y2', bottom)
    .attr('stroke', palette.axis);
  if (axisTitle) {
    drawTextBlock(svg, axisTitle, {
      x: width / 2,
      y: bottom + labelsHeight - axisTitle.top,
      anchor: 'middle',
      typography,
      className: 'axis-label',
      fill: palette.muted,
    });
  }
  return svg.node()!;
}
