import { mirror, round, type Group, type Svg, type Typography } from './common.js';
import { palette } from './palette.js';
import { EDGE } from './rowLabels.js';
import { drawTextBlock, layoutText } from './textBlock.js';

/** Half the diagonal of the diamond that marks a row (e.g. BH-significant). */
export const DIAMOND = 7;

/** A diamond centred on (x, y): the mark of a marked row, the same shape in the chart and its legend. */
export function diamondPath(x: number, y: number, half = DIAMOND): string {
  return `M${round(x)} ${round(y - half)}L${round(x + half)} ${round(y)}L${round(x)} ${round(y + half)}L${round(x - half)} ${round(y)}Z`;
}

/** Height the legend of marked rows takes at a width. */
export function markLegendHeight(label: string, width: number, typography: Typography): number {
  const block = layoutText(`* ${label}`, width - 3 * DIAMOND - 2 * EDGE, typography.regular, 2, typography);
  return Math.max(DIAMOND, -block.top) + Math.max(DIAMOND, block.bottom) + 6;
}

/**
 * The legend of marked rows at the start edge, its top at `top`: a diamond drawn as a shape (no font
 * has to hold a ◆), then "* label", wrapped if the width asks for it.
 */
export function drawMarkLegend(parent: Svg | Group, label: string, top: number, width: number, typography: Typography): void {
  const m = mirror(width, typography.rtl);
  const block = layoutText(`* ${label}`, width - 3 * DIAMOND - 2 * EDGE, typography.regular, 2, typography);
  // The diamond sits on the visual middle of the (first) line, like a mark beside a row label.
  const middle = top + 3 + Math.max(DIAMOND, -block.top);
  const legend = parent.append('g').attr('class', 'legend');
  legend
    .append('path')
    .attr('d', diamondPath(m.x(EDGE + DIAMOND), middle))
    .attr('fill', palette.marked)
    .attr('aria-hidden', 'true');
  drawTextBlock(legend, block, {
    x: m.x(EDGE + 2 * DIAMOND + 5),
    y: middle - (block.top + block.bottom) / 2,
    anchor: 'start',
    typography,
    fill: palette.marked,
  });
}
