import { scaleLinear } from 'd3';
import { axisLabelHeight, axisOverhang, axisTicks, drawValueAxis } from './axis.js';
import { createSvg, defaultNumber, describeFullLabels, displayText, round, typographyOf, type ChartOptions } from './common.js';
import { drawDotRows, dotRowLabel, type DotRow } from './dotRows.js';
import { DIAMOND, drawMarkLegend, markLegendHeight } from './markLegend.js';
import { palette } from './palette.js';
import { EDGE, layoutRowLabels, rowBands, shortenedLabels } from './rowLabels.js';
import { inkWidth, lineBox } from './text/measure.js';
import { blockHeight, drawTextBlock, haloText, layoutText } from './textBlock.js';

export type { DotRow } from './dotRows.js';

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
  /**
   * The estimates are logarithms of ratios (a logistic model's coefficients, `format` shows the ratio):
   * the axis is labelled at round ratios on its log scale.
   */
  ratio?: boolean;
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

/** Space between the label column and the plot. */
const GUTTER = 12;
const RADIUS = 6;

/**
 * Dot-and-interval plot: one row per group with its estimate (dot) and 95% CI (line). Marked rows
 * (e.g. groups that differ significantly after Benjamini–Hochberg) get a diamond, bold label and an
 * asterisk, so the mark never relies on colour alone. Labels are measured and wrapped before the plot
 * is laid out; the value axis runs left to right in both editions.
 */
export function dotInterval(document: Document, data: DotIntervalData, options: DotIntervalOptions): SVGSVGElement {
  const typography = typographyOf(options);
  const { width, rtl } = typography;
  const format = options.format ?? defaultNumber;
  const labels = layoutRowLabels(data.rows.map(dotRowLabel), width, typography);
  const domain = options.domain ?? intervalDomain(data.rows, data.reference?.value);
  const axisKind = options.ratio ? 'ratio' : 'linear';
  const overhang = axisOverhang(domain, format, typography, 5, axisKind);
  const column = labels.mode === 'side' ? EDGE + labels.column + GUTTER : 0;
  const markRoom = DIAMOND + 2;
  // The label column is at the start edge (the right in Urdu); the other edge leaves room for the last tick label.
  const lowInset = Math.max(EDGE + overhang.low, markRoom, rtl ? 0 : column + markRoom);
  const highInset = Math.max(EDGE + overhang.high, markRoom, rtl ? column + markRoom : 0);
  const low = lowInset;
  const high = width - highInset;
  const x = scaleLinear().domain(domain).range([low, high]);

  const referenceText = data.reference ? `${data.reference.label} ${format(data.reference.value)}` : '';
  const referenceBox = data.reference ? lineBox(referenceText, typography.regular) : undefined;
  const top = referenceBox ? 4 + referenceBox.above + referenceBox.below + 4 : 6;
  const bands = rowBands(labels, top, markRoom, labels.mode === 'side' ? 4 : 2);
  const bottom = bands.length > 0 ? bands[bands.length - 1]!.top + bands[bands.length - 1]!.height : top;
  let footer = bottom + axisLabelHeight(typography) + 4;
  const axisTitle = options.axisLabel ? layoutText(options.axisLabel, high - low, typography.regular, 2, typography) : undefined;
  const axisTitleTop = footer;
  if (axisTitle) footer += blockHeight(axisTitle) + 4;
  const hasMarked = data.rows.some((row) => row.marked) && options.markedLabel !== undefined;
  const legendTop = footer;
  if (hasMarked) footer += markLegendHeight(options.markedLabel!, width, typography);
  const height = footer + 4;

  const svg = createSvg(document, options, width, height, 'dot-interval');
  const plot = svg.append('g');
  drawValueAxis(plot, x, axisTicks(x, format, typography, 5, axisKind), { top, bottom, typography });
  if (data.reference && referenceBox) {
    const at = x(data.reference.value);
    plot
      .append('line')
      .attr('class', 'reference')
      .attr('x1', round(at))
      .attr('x2', round(at))
      .attr('y1', round(top - 3))
      .attr('y2', round(bottom))
      .attr('stroke', palette.reference)
      .attr('stroke-dasharray', '4 3');
    // Centred on its line, but kept inside the chart.
    const half = inkWidth(referenceText, typography.regular) / 2 + Math.max(referenceBox.left, referenceBox.right);
    const centre = Math.min(Math.max(at, EDGE + half), width - EDGE - half);
    const referenceLabel = plot
      .append('text')
      .attr('class', 'reference-label')
      .attr('x', round(centre))
      .attr('y', round(4 + referenceBox.above))
      .attr('text-anchor', 'middle')
      .attr('fill', palette.muted)
      .text(displayText(referenceText, rtl));
    haloText(referenceLabel);
  }
  drawDotRows(plot, data.rows, {
    x,
    labels,
    bands,
    width,
    typography,
    format,
    suppressedLabel: options.suppressedLabel ?? 'suppressed',
    radius: RADIUS,
  });
  if (axisTitle) {
    drawTextBlock(svg, axisTitle, {
      x: (low + high) / 2,
      y: axisTitleTop - axisTitle.top,
      anchor: 'middle',
      typography,
      className: 'axis-label',
      fill: palette.muted,
    });
  }
  if (hasMarked) drawMarkLegend(svg, options.markedLabel!, legendTop, width, typography);
  describeFullLabels(svg, options, shortenedLabels(labels.blocks));
  return svg.node()!;
}
