import type { ScaleLinear } from 'd3';
import { displayText, mirror, round, type Group, type Typography } from './common.js';
import { diamondPath } from './markLegend.js';
import { palette } from './palette.js';
import { EDGE, type RowBand, type RowLabels } from './rowLabels.js';
import { drawTextBlock } from './textBlock.js';

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

/** A row's label as drawn: marked rows get an asterisk (and bold), so the mark never relies on colour. */
export function dotRowLabel(row: DotRow): { text: string; bold: boolean } {
  return row.marked ? { text: `${row.label} *`, bold: true } : { text: row.label, bold: false };
}

export interface DotRowsLayout {
  x: ScaleLinear<number, number>;
  labels: RowLabels;
  bands: RowBand[];
  width: number;
  typography: Typography;
  format: (value: number) => string;
  suppressedLabel: string;
  /** Radius of the dot (half the diamond's diagonal is a little more). */
  radius: number;
}

/** The tooltip of a row: label, estimate and interval, numbers isolated in right-to-left charts. */
function tipOf(row: DotRow, format: (value: number) => string, rtl: boolean): string {
  const interval = row.ciLow !== null && row.ciHigh !== null ? ` (${format(row.ciLow)}–${format(row.ciHigh)})` : '';
  return displayText(`${row.label}: ${format(row.estimate!)}${interval}`, rtl);
}

/**
 * Draws dot-and-interval rows in their bands: the label (beside or above), then the interval with its
 * end caps, then the dot on top, so that the dot never hides under its own interval while a wider
 * interval still shows on both sides of it.
 */
export function drawDotRows(group: Group, rows: DotRow[], layout: DotRowsLayout): void {
  const { x, labels, bands, width, typography } = layout;
  const m = mirror(width, typography.rtl);
  const [rangeLow, rangeHigh] = x.range() as [number, number];
  rows.forEach((row, index) => {
    const band = bands[index]!;
    const block = labels.blocks[index]!;
    const g = group.append('g').attr('class', row.marked ? 'row marked' : 'row');
    drawTextBlock(g, block, {
      x: labels.mode === 'side' ? m.x(EDGE + labels.column) : m.x(EDGE),
      y: band.labelY,
      anchor: labels.mode === 'side' ? 'end' : 'start',
      typography,
      halo: labels.mode === 'above',
    });
    const middle = band.middle;
    if (row.suppressed || row.estimate === null) {
      // Written from the plot's start edge, the way the row's label reads.
      g.append('text')
        .attr('class', 'suppressed')
        .attr('x', round(typography.rtl ? rangeHigh - 4 : rangeLow + 4))
        .attr('y', round(middle + 0.36 * typography.fontSize))
        .attr('text-anchor', 'start')
        .attr('font-style', 'italic')
        .attr('fill', palette.suppressed)
        .text(layout.suppressedLabel);
      return;
    }
    const color = row.marked ? palette.marked : palette.point;
    if (row.ciLow !== null && row.ciHigh !== null) {
      g.append('line')
        .attr('class', 'interval')
        .attr('x1', round(x(row.ciLow)))
        .attr('x2', round(x(row.ciHigh)))
        .attr('y1', round(middle))
        .attr('y2', round(middle))
        .attr('stroke', color)
        .attr('stroke-width', 2.5);
      for (const end of [row.ciLow, row.ciHigh]) {
        g.append('line')
          .attr('class', 'interval-end')
          .attr('x1', round(x(end)))
          .attr('x2', round(x(end)))
          .attr('y1', round(middle - layout.radius - 1))
          .attr('y2', round(middle + layout.radius + 1))
          .attr('stroke', color)
          .attr('stroke-width', 1.5);
      }
    }
    const tip = tipOf(row, layout.format, typography.rtl);
    const cx = x(row.estimate);
    const dot = row.marked
      ? g.append<SVGElement>('path').attr('d', diamondPath(cx, middle, layout.radius + 1.5))
      : g.append<SVGElement>('circle').attr('cx', round(cx)).attr('cy', round(middle)).attr('r', layout.radius);
    dot.attr('class', 'point').attr('fill', color).attr('stroke', '#ffffff').attr('stroke-width', 1).attr('data-tip', tip).append('title').text(tip);
  });
}
