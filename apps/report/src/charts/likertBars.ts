import { scaleLinear } from 'd3';
import { approxTextWidth, createSvg, defaultPercent, fontSizeOf, lineHeightOf, mirror, multilineText, round, wrapLabel, type ChartOptions } from './common.js';
import { likertColors, palette, textColorOn } from './palette.js';

export interface LikertLevel {
  code: string;
  label: string;
}

export interface LikertItem {
  id: string;
  label: string;
  /** Unweighted base. */
  n: number | null;
  suppressed: boolean;
  /** Weighted share per level, aligned with `LikertData.levels` (null where suppressed or absent). */
  shares: (number | null)[];
}

export interface LikertData {
  /** Response levels in scale order, most negative first. */
  levels: LikertLevel[];
  items: LikertItem[];
}

/**
 * Diverging stacked bars for Likert items: disagreement to the left of zero, agreement to the right,
 * a middle (neutral) level split evenly across zero. Mirrored for right-to-left pages.
 */
export function likertBars(document: Document, data: LikertData, options: ChartOptions): SVGSVGElement {
  const width = options.width ?? 640;
  const fontSize = fontSizeOf(options);
  const lineHeight = lineHeightOf(options);
  const format = options.format ?? defaultPercent;
  const k = data.levels.length;
  const colors = likertColors(k);
  const negative = Math.floor(k / 2);
  const hasNeutral = k % 2 === 1;

  const labelWidth = Math.min(width * 0.36, Math.max(...data.items.map((item) => approxTextWidth(item.label, fontSize)), 60));
  const plotLeft = labelWidth + 12;
  const plotRight = width - 8;

  // Legend: swatches that wrap into rows.
  const legend: { x: number; row: number; level: LikertLevel; color: string }[] = [];
  let legendX = 0;
  let legendRow = 0;
  data.levels.forEach((level, index) => {
    const itemWidth = 18 + approxTextWidth(level.label, fontSize) + 16;
    if (legendX > 0 && legendX + itemWidth > width) {
      legendRow += 1;
      legendX = 0;
    }
    legend.push({ x: legendX, row: legendRow, level, color: colors[index]! });
    legendX += itemWidth;
  });
  const legendHeight = (legendRow + 1) * lineHeight + 8;

  const rows = data.items.map((item) => ({ item, lines: wrapLabel(item.label, labelWidth, fontSize) }));
  const rowHeights = rows.map((row) => Math.max(lineHeight + 12, row.lines.length * lineHeight + 8));
  const axisHeight = lineHeight + 10;
  const top = legendHeight + 4;
  const height = top + rowHeights.reduce((a, b) => a + b, 0) + axisHeight;

  const extents = data.items.map((item) => {
    let left = 0;
    let right = 0;
    item.shares.forEach((share, index) => {
      const value = share ?? 0;
      if (index < negative) left += value;
      else if (hasNeutral && index === negative) {
        left += value / 2;
        right += value / 2;
      } else right += value;
    });
    return Math.max(left, right);
  });
  const extent = Math.min(1, Math.ceil((Math.max(0.5, ...extents) + 0.001) * 10) / 10);
  const x = scaleLinear().domain([-extent, extent]).range([plotLeft, plotRight]);
  const m = mirror(width, options.rtl);
  const svg = createSvg(document, options, width, height, 'likert');

  const legendGroup = svg.append('g').attr('class', 'legend').attr('aria-hidden', 'true');
  for (const entry of legend) {
    const y = entry.row * lineHeight + lineHeight / 2 + 2;
    legendGroup
      .append('rect')
      .attr('x', m.rect(entry.x, 12))
      .attr('y', round(y - 6))
      .attr('width', 12)
      .attr('height', 12)
      .attr('fill', entry.color)
      .attr('stroke', palette.axis)
      .attr('stroke-width', 0.5);
    legendGroup
      .append('text')
      .attr('x', m.x(entry.x + 17))
      .attr('y', round(y))
      .attr('dominant-baseline', 'central')
      .attr('text-anchor', 'start')
      .text(entry.level.label);
  }

  const ticks = x.ticks(4);
  const grid = svg.append('g').attr('class', 'grid').attr('aria-hidden', 'true');
  const plotBottom = height - axisHeight;
  for (const tick of ticks) {
    grid
      .append('line')
      .attr('x1', m.x(x(tick)))
      .attr('x2', m.x(x(tick)))
      .attr('y1', top)
      .attr('y2', plotBottom)
      .attr('stroke', tick === 0 ? palette.axis : palette.grid)
      .attr('stroke-width', tick === 0 ? 1.5 : 1);
    grid
      .append('text')
      .attr('x', m.x(x(tick)))
      .attr('y', round(plotBottom + lineHeight / 2 + 4))
      .attr('dominant-baseline', 'central')
      .attr('text-anchor', 'middle')
      .attr('fill', palette.muted)
      .text(format(Math.abs(tick)));
  }

  let y = top;
  rows.forEach(({ item, lines }, rowIndex) => {
    const rowHeight = rowHeights[rowIndex]!;
    const middle = y + rowHeight / 2;
    const group = svg.append('g').attr('class', 'row').attr('data-item', item.id);
    multilineText(group, lines, m.x(labelWidth), middle, lineHeight, 'end');
    if (item.suppressed) {
      group
        .append('text')
        .attr('class', 'suppressed')
        .attr('x', m.x(x(0)))
        .attr('y', round(middle))
        .attr('dominant-baseline', 'central')
        .attr('text-anchor', 'middle')
        .attr('fill', palette.suppressed)
        .attr('font-style', 'italic')
        .text(options.suppressedLabel ?? 'suppressed');
    } else {
      const barHeight = Math.min(rowHeight - 8, 26);
      let left = -item.shares.reduce<number>((sum, share, index) => {
        const value = share ?? 0;
        if (index < negative) return sum + value;
        if (hasNeutral && index === negative) return sum + value / 2;
        return sum;
      }, 0);
      item.shares.forEach((share, index) => {
        const value = share ?? 0;
        const x0 = x(left);
        const x1 = x(left + value);
        left += value;
        if (value <= 0) return;
        const color = colors[index]!;
        const segment = group
          .append('rect')
          .attr('class', 'segment')
          .attr('x', m.rect(x0, x1 - x0))
          .attr('y', round(middle - barHeight / 2))
          .attr('width', round(x1 - x0))
          .attr('height', round(barHeight))
          .attr('fill', color)
          .attr('data-tip', `${item.label}: ${data.levels[index]!.label} ${format(value)}`);
        segment.append('title').text(`${data.levels[index]!.label}: ${format(value)}`);
        const label = format(value);
        if (x1 - x0 >= approxTextWidth(label, fontSize - 2) + 6) {
          group
            .append('text')
            .attr('class', 'value')
            .attr('x', m.x((x0 + x1) / 2))
            .attr('y', round(middle))
            .attr('dominant-baseline', 'central')
            .attr('text-anchor', 'middle')
            .attr('font-size', fontSize - 2)
            .attr('fill', textColorOn(color))
            .attr('aria-hidden', 'true')
            .text(label);
        }
      });
    }
    y += rowHeight;
  });
  return svg.node()!;
}
