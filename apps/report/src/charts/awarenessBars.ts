import { scaleLinear } from 'd3';
import { axisLabelHeight, axisOverhang, axisTicks, drawValueAxis } from './axis.js';
import { createSvg, defaultPercent, describeFullLabels, displayText, round, typographyOf, type ChartOptions } from './common.js';
import { palette } from './palette.js';
import { EDGE, layoutRowLabels, rowBands, shortenedLabels } from './rowLabels.js';
import { textWidth } from './text/measure.js';
import { drawTextBlock } from './textBlock.js';

export interface AwarenessRow {
  label: string;
  /** Weighted proportion, 0–1. */
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number | null;
  suppressed: boolean;
}

export interface AwarenessData {
  rows: AwarenessRow[];
}

const GUTTER = 12;
const BAR_HALF = 11;

/**
 * Horizontal bars of proportions (e.g. the share who know each law or reporting channel), 0–100% from
 * left to right in both editions, with the 95% CI as a whisker and the value written after the bar.
 */
export function awarenessBars(document: Document, data: AwarenessData, options: ChartOptions): SVGSVGElement {
  const typography = typographyOf(options);
  const { width, rtl } = typography;
  const format = options.format ?? defaultPercent;
  const labels = layoutRowLabels(
    data.rows.map((row) => ({ text: row.label })),
    width,
    typography,
  );
  const domain: [number, number] = [0, 1];
  const overhang = axisOverhang(domain, format, typography);
  const valueRoom = 6 + Math.max(0, ...data.rows.map((row) => (row.estimate === null ? 0 : textWidth(format(row.estimate), typography.value))));
  const column = labels.mode === 'side' ? EDGE + labels.column + GUTTER : 0;
  const low = Math.max(EDGE + overhang.low, rtl ? 0 : column);
  const high = width - Math.max(EDGE + overhang.high, EDGE + valueRoom, rtl ? column + valueRoom : 0);
  const x = scaleLinear().domain(domain).range([low, high]);

  const top = 4;
  const bands = rowBands(labels, top, BAR_HALF, labels.mode === 'side' ? 4 : 2);
  const bottom = bands.length > 0 ? bands[bands.length - 1]!.top + bands[bands.length - 1]!.height : top;
  const height = bottom + axisLabelHeight(typography) + 6;
  const svg = createSvg(document, options, width, height, 'awareness');
  drawValueAxis(svg.append('g'), x, axisTicks(x, format, typography), { top, bottom, typography });
  const m = { x: (value: number) => (rtl ? width - value : value) };
  const valueBaseline = 0.36 * typography.value.fontSize;
  data.rows.forEach((row, index) => {
    const band = bands[index]!;
    const middle = band.middle;
    const g = svg.append('g').attr('class', 'row');
    drawTextBlock(g, labels.blocks[index]!, {
      x: labels.mode === 'side' ? m.x(EDGE + labels.column) : m.x(EDGE),
      y: band.labelY,
      anchor: labels.mode === 'side' ? 'end' : 'start',
      typography,
      halo: labels.mode === 'above',
    });
    if (row.suppressed || row.estimate === null) {
      g.append('text')
        .attr('class', 'suppressed')
        .attr('x', round(rtl ? high - 4 : low + 4))
        .attr('y', round(middle + 0.36 * typography.fontSize))
        .attr('text-anchor', 'start')
        .attr('font-style', 'italic')
        .attr('fill', palette.suppressed)
        .text(options.suppressedLabel ?? 'suppressed');
      return;
    }
    const x0 = x(0);
    const x1 = x(row.estimate);
    const interval = row.ciLow !== null && row.ciHigh !== null ? ` (${format(row.ciLow)}–${format(row.ciHigh)})` : '';
    const tip = displayText(`${row.label}: ${format(row.estimate)}${interval}`, rtl);
    g.append('rect')
      .attr('class', 'bar')
      .attr('x', round(x0))
      .attr('y', round(middle - BAR_HALF))
      .attr('width', round(x1 - x0))
      .attr('height', 2 * BAR_HALF)
      .attr('fill', palette.bar)
      .attr('data-tip', tip)
      .append('title')
      .text(tip);
    let labelAt = x1;
    if (row.ciLow !== null && row.ciHigh !== null) {
      g.append('line')
        .attr('class', 'interval')
        .attr('x1', round(x(row.ciLow)))
        .attr('x2', round(x(row.ciHigh)))
        .attr('y1', round(middle))
        .attr('y2', round(middle))
        .attr('stroke', palette.ink)
        .attr('stroke-width', 1.5);
      for (const end of [row.ciLow, row.ciHigh]) {
        g.append('line')
          .attr('x1', round(x(end)))
          .attr('x2', round(x(end)))
          .attr('y1', round(middle - 4))
          .attr('y2', round(middle + 4))
          .attr('stroke', palette.ink)
          .attr('stroke-width', 1.5);
      }
      labelAt = Math.max(x1, x(row.ciHigh));
    }
    // After the bar, to its right in both editions (in a right-to-left chart the text's end is its left edge).
    g.append('text')
      .attr('class', 'value')
      .attr('x', round(labelAt + 5))
      .attr('y', round(middle + valueBaseline))
      .attr('text-anchor', rtl ? 'end' : 'start')
      .attr('font-size', typography.value.fontSize === typography.fontSize ? null : typography.value.fontSize)
      .attr('aria-hidden', 'true')
      .text(displayText(format(row.estimate), rtl));
  });
  describeFullLabels(svg, options, shortenedLabels(labels.blocks));
  return svg.node()!;
}
