import { scaleLinear } from 'd3';
import { axisLabelHeight, axisOverhang, axisTicks, drawValueAxis } from './axis.js';
import { createSvg, defaultPercent, describeFullLabels, displayText, round, typographyOf, type ChartOptions, type Typography } from './common.js';
import { likertColors, palette, textColorOn } from './palette.js';
import { EDGE, layoutRowLabels, rowBands, shortenedLabels } from './rowLabels.js';
import { textWidth } from './text/measure.js';
import { drawTextBlock, layoutText, type TextBlock } from './textBlock.js';

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

const GUTTER = 12;
const BAR_HALF = 13;
const SWATCH = 12;

interface LegendEntry {
  level: LikertLevel;
  color: string;
  block: TextBlock;
  /** Width of swatch, gap and text. */
  width: number;
}

/**
 * The legend in scale order, packed into rows that fit the width; each entry's text is measured (and
 * wrapped onto two lines only if a single entry is wider than the chart).
 */
function legendRows(levels: LikertLevel[], colors: string[], width: number, typography: Typography): LegendEntry[][] {
  const rows: LegendEntry[][] = [[]];
  let used = 0;
  levels.forEach((level, index) => {
    const block = layoutText(level.label, width - 2 * EDGE - SWATCH - 5, typography.regular, 2, typography);
    const entry = { level, color: colors[index]!, block, width: SWATCH + 5 + block.width };
    const row = rows[rows.length - 1]!;
    if (row.length > 0 && used + 16 + entry.width > width - 2 * EDGE) {
      rows.push([entry]);
      used = entry.width;
    } else {
      used += (row.length > 0 ? 16 : 0) + entry.width;
      row.push(entry);
    }
  });
  return rows;
}

/**
 * Diverging stacked bars for Likert items: disagreement to the left of zero, agreement to the right,
 * a middle (neutral) level split evenly across zero. The scale runs the same way in both editions (so
 * the two compare at a glance); in Urdu the labels, the legend's reading order and the label column are
 * mirrored.
 */
export function likertBars(document: Document, data: LikertData, options: ChartOptions): SVGSVGElement {
  const typography = typographyOf(options);
  const { width, rtl } = typography;
  const format = options.format ?? defaultPercent;
  const axisFormat = (value: number) => format(Math.abs(value));
  const k = data.levels.length;
  const colors = likertColors(k);
  const negative = Math.floor(k / 2);
  const hasNeutral = k % 2 === 1;

  const legend = legendRows(data.levels, colors, width, typography);
  // Entries of a row share a baseline: each row holds the tallest label above that line and the deepest below it.
  const legendRowExtents = legend.map((row) => ({
    above: Math.max(SWATCH / 2, ...row.map((entry) => -entry.block.top)),
    below: Math.max(SWATCH / 2, ...row.map((entry) => entry.block.bottom)),
  }));
  const legendRowHeights = legendRowExtents.map((extent) => extent.above + extent.below + 6);
  const legendHeight = legendRowHeights.reduce((a, b) => a + b, 0) + 6;

  const labels = layoutRowLabels(
    data.items.map((item) => ({ text: item.label })),
    width,
    typography,
  );
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
  const domain: [number, number] = [-extent, extent];
  const overhang = axisOverhang(domain, axisFormat, typography, 4);
  const column = labels.mode === 'side' ? EDGE + labels.column + GUTTER : 0;
  const low = Math.max(EDGE + overhang.low, rtl ? 0 : column);
  const high = width - Math.max(EDGE + overhang.high, rtl ? column : 0);
  const x = scaleLinear().domain(domain).range([low, high]);

  const top = legendHeight;
  const bands = rowBands(labels, top, BAR_HALF, labels.mode === 'side' ? 4 : 2);
  const bottom = bands.length > 0 ? bands[bands.length - 1]!.top + bands[bands.length - 1]!.height : top;
  const height = bottom + axisLabelHeight(typography) + 6;
  const svg = createSvg(document, options, width, height, 'likert');

  const legendGroup = svg.append('g').attr('class', 'legend').attr('aria-hidden', 'true');
  let rowTop = 4;
  legend.forEach((row, rowIndex) => {
    const rowHeight = legendRowHeights[rowIndex]!;
    const middle = rowTop + 3 + legendRowExtents[rowIndex]!.above;
    // Entries run in scale order from left to right, like the bars; a right-to-left row hugs the right edge
    // and has each swatch on the right of its text, where an Urdu reader starts.
    const rowWidth = row.reduce((sum, entry) => sum + entry.width, 0) + 16 * (row.length - 1);
    let left = rtl ? width - EDGE - rowWidth : EDGE;
    for (const entry of row) {
      const swatchX = rtl ? left + entry.width - SWATCH : left;
      legendGroup
        .append('rect')
        .attr('x', round(swatchX))
        .attr('y', round(middle - SWATCH / 2))
        .attr('width', SWATCH)
        .attr('height', SWATCH)
        .attr('fill', entry.color)
        .attr('stroke', palette.axis)
        .attr('stroke-width', 0.5);
      drawTextBlock(legendGroup, entry.block, {
        x: rtl ? swatchX - 5 : swatchX + SWATCH + 5,
        y: middle,
        anchor: 'start',
        typography,
      });
      left += entry.width + 16;
    }
    rowTop += rowHeight;
  });

  drawValueAxis(svg.append('g').attr('class', 'grid'), x, axisTicks(x, axisFormat, typography, 4), {
    top,
    bottom,
    typography,
    strong: (value) => value === 0,
  });

  data.items.forEach((item, index) => {
    const band = bands[index]!;
    const middle = band.middle;
    const group = svg.append('g').attr('class', 'row').attr('data-item', item.id);
    drawTextBlock(group, labels.blocks[index]!, {
      x: labels.mode === 'side' ? (rtl ? width - EDGE - labels.column : EDGE + labels.column) : rtl ? width - EDGE : EDGE,
      y: band.labelY,
      anchor: labels.mode === 'side' ? 'end' : 'start',
      typography,
      halo: labels.mode === 'above',
    });
    if (item.suppressed) {
      group
        .append('text')
        .attr('class', 'suppressed')
        .attr('x', round(x(0)))
        .attr('y', round(middle + 0.36 * typography.fontSize))
        .attr('text-anchor', 'middle')
        .attr('fill', palette.suppressed)
        .attr('font-style', 'italic')
        .text(options.suppressedLabel ?? 'suppressed');
      return;
    }
    let left = -item.shares.reduce<number>((sum, share, level) => {
      const value = share ?? 0;
      if (level < negative) return sum + value;
      if (hasNeutral && level === negative) return sum + value / 2;
      return sum;
    }, 0);
    item.shares.forEach((share, level) => {
      const value = share ?? 0;
      const x0 = x(left);
      const x1 = x(left + value);
      left += value;
      if (value <= 0) return;
      const color = colors[level]!;
      const label = format(value);
      const tip = displayText(`${item.label}: ${data.levels[level]!.label} ${label}`, rtl);
      group
        .append('rect')
        .attr('class', 'segment')
        .attr('x', round(x0))
        .attr('y', round(middle - BAR_HALF))
        .attr('width', round(x1 - x0))
        .attr('height', 2 * BAR_HALF)
        .attr('fill', color)
        .attr('data-tip', tip)
        .append('title')
        .text(displayText(`${data.levels[level]!.label}: ${label}`, rtl));
      if (x1 - x0 >= textWidth(label, typography.value) + 6) {
        group
          .append('text')
          .attr('class', 'value')
          .attr('x', round((x0 + x1) / 2))
          .attr('y', round(middle + 0.36 * typography.value.fontSize))
          .attr('text-anchor', 'middle')
          .attr('font-size', typography.value.fontSize === typography.fontSize ? null : typography.value.fontSize)
          .attr('fill', textColorOn(color))
          .attr('aria-hidden', 'true')
          .text(displayText(label, rtl));
      }
    });
  });
  describeFullLabels(svg, options, shortenedLabels(labels.blocks));
  return svg.node()!;
}
