import { scaleLinear } from 'd3';
import { approxTextWidth, createSvg, defaultPercent, fontSizeOf, lineHeightOf, mirror, multilineText, round, wrapLabel, type ChartOptions } from './common.js';
import { drawAxis } from './dotInterval.js';
import { palette } from './palette.js';

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

/**
 * Horizontal bars of proportions (e.g. the share who know each law or reporting channel), 0–100%,
 * with the 95% CI as a whisker and the value written at the end of the bar.
 */
export function awarenessBars(document: Document, data: AwarenessData, options: ChartOptions): SVGSVGElement {
  const width = options.width ?? 640;
  const fontSize = fontSizeOf(options);
  const lineHeight = lineHeightOf(options);
  const format = options.format ?? defaultPercent;
  const labelWidth = Math.min(width * 0.38, Math.max(60, ...data.rows.map((row) => approxTextWidth(row.label, fontSize))));
  const rows = data.rows.map((row) => {
    const lines = wrapLabel(row.label, labelWidth, fontSize, 3);
    return { row, lines, height: Math.max(lineHeight + 14, lines.length * lineHeight + 8) };
  });
  const top = 6;
  const bottom = top + rows.reduce((sum, row) => sum + row.height, 0);
  const height = bottom + lineHeight + 8;
  const x = scaleLinear()
    .domain([0, 1])
    .range([labelWidth + 14, width - 44]);
  const m = mirror(width, options.rtl);
  const svg = createSvg(document, options, width, height, 'awareness');
  drawAxis(svg.append('g'), x, { top, bottom, width, rtl: options.rtl, lineHeight, format, ticks: 5 });
  let y = top;
  for (const { row, lines, height: rowHeight } of rows) {
    const middle = y + rowHeight / 2;
    const g = svg.append('g').attr('class', 'row');
    multilineText(g, lines, m.x(labelWidth), middle, lineHeight, 'end');
    if (row.suppressed || row.estimate === null) {
      g.append('text')
        .attr('class', 'suppressed')
        .attr('x', m.x(x(0) + 4))
        .attr('y', round(middle))
        .attr('dominant-baseline', 'central')
        .attr('text-anchor', 'start')
        .attr('font-style', 'italic')
        .attr('fill', palette.suppressed)
        .text(options.suppressedLabel ?? 'suppressed');
    } else {
      const barHeight = Math.min(rowHeight - 10, 22);
      const x0 = x(0);
      const x1 = x(row.estimate);
      const tip = `${row.label}: ${format(row.estimate)}${row.ciLow !== null && row.ciHigh !== null ? ` (${format(row.ciLow)}–${format(row.ciHigh)})` : ''}`;
      g.append('rect')
        .attr('class', 'bar')
        .attr('x', m.rect(x0, x1 - x0))
        .attr('y', round(middle - barHeight / 2))
        .attr('width', round(x1 - x0))
        .attr('height', round(barHeight))
        .attr('fill', palette.bar)
        .attr('data-tip', tip)
        .append('title')
        .text(tip);
      let labelAt = x1;
      if (row.ciLow !== null && row.ciHigh !== null) {
        g.append('line')
          .attr('class', 'interval')
          .attr('x1', m.x(x(row.ciLow)))
          .attr('x2', m.x(x(row.ciHigh)))
          .attr('y1', round(middle))
          .attr('y2', round(middle))
          .attr('stroke', palette.ink)
          .attr('stroke-width', 1.5);
        for (const end of [row.ciLow, row.ciHigh]) {
          g.append('line')
            .attr('x1', m.x(x(end)))
            .attr('x2', m.x(x(end)))
            .attr('y1', round(middle - 4))
            .attr('y2', round(middle + 4))
            .attr('stroke', palette.ink)
            .attr('stroke-width', 1.5);
        }
        labelAt = Math.max(x1, x(row.ciHigh));
      }
      g.append('text')
        .attr('class', 'value')
        .attr('x', m.x(labelAt + 5))
        .attr('y', round(middle))
        .attr('dominant-baseline', 'central')
        .attr('text-anchor', 'start')
        .attr('aria-hidden', 'true')
        .text(format(row.estimate));
    }
    y += rowHeight;
  }
  return svg.node()!;
}
