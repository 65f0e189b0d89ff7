import type { Typography } from './common.js';
import { inkWidth, type TextStyle } from './text/measure.js';
import { blockHeight, layoutText, type TextBlock } from './textBlock.js';

/** A row's label: its text and whether it is set in bold (marked rows). */
export interface RowLabel {
  text: string;
  bold?: boolean;
}

/**
 * How the labels of a row chart (one row per group or item) are placed: in a column beside the marks,
 * or — on a phone, when that column has no room for them — on a line of their own above each row's marks.
 */
export interface RowLabels {
  mode: 'side' | 'above';
  /** Width of the label column beside the marks (0 when labels sit above). */
  column: number;
  blocks: TextBlock[];
}

/** Share of the width a side label column may take. */
const SIDE_SHARE = { wide: 0.38, narrow: 0.42 };
/** Margin kept at the chart's edges. */
export const EDGE = 4;

/**
 * Measures the labels and picks their layout: one line each in a column as wide as the widest label
 * when they fit the column's share of the width; otherwise, in a wide drawing, wrapped in that column
 * (up to three lines), and on a phone above their rows, where they have the whole width and leave it
 * to the marks. Labels are shortened (with an ellipsis, their full text in a `<title>`) only past three
 * lines.
 */
export function layoutRowLabels(labels: RowLabel[], width: number, typography: Typography): RowLabels {
  const styleOf = (label: RowLabel): TextStyle => (label.bold ? typography.bold : typography.regular);
  const cap = width * (typography.narrow ? SIDE_SHARE.narrow : SIDE_SHARE.wide);
  const natural = Math.max(0, ...labels.map((label) => inkWidth(label.text, styleOf(label))));
  if (natural <= cap) {
    const blocks = labels.map((label) => layoutText(label.text, natural, styleOf(label), 1, typography));
    return { mode: 'side', column: natural, blocks };
  }
  if (!typography.narrow) {
    const sideBlocks = labels.map((label) => layoutText(label.text, cap, styleOf(label), 3, typography));
    return { mode: 'side', column: Math.max(...sideBlocks.map((block) => block.width)), blocks: sideBlocks };
  }
  const blocks = labels.map((label) => layoutText(label.text, width - 2 * EDGE, styleOf(label), 3, typography));
  return { mode: 'above', column: 0, blocks };
}

/**
 * Lays out other labels the way `shape` was laid out (same side or above, same column width), so that
 * panels of small multiples line their axes up.
 */
export function layoutRowLabelsLike(labels: RowLabel[], shape: RowLabels, width: number, typography: Typography): RowLabels {
  const styleOf = (label: RowLabel): TextStyle => (label.bold ? typography.bold : typography.regular);
  const maxWidth = shape.mode === 'side' ? shape.column : width - 2 * EDGE;
  return { mode: shape.mode, column: shape.column, blocks: labels.map((label) => layoutText(label.text, maxWidth, styleOf(label), 3, typography)) };
}

/** Where one row is drawn: its band, the middle of its marks and the visual middle of its label. */
export interface RowBand {
  top: number;
  height: number;
  /** Vertical middle of the row's marks (dot, bar, interval). */
  middle: number;
  /** Visual middle of the label. */
  labelY: number;
}

/**
 * Stacks the rows from `top`: each band holds its label's measured box and its marks (`markHalf` above
 * and below their middle), with `padding` above and below.
 */
export function rowBands(labels: RowLabels, top: number, markHalf: number, padding: number): RowBand[] {
  let y = top;
  return labels.blocks.map((block) => {
    let band: RowBand;
    if (labels.mode === 'side') {
      const above = Math.max(-block.top, markHalf);
      const below = Math.max(block.bottom, markHalf);
      band = { top: y, height: above + below + 2 * padding, middle: y + padding + above, labelY: y + padding + above };
    } else {
      const labelY = y + padding - block.top;
      const middle = labelY + block.bottom + 3 + markHalf;
      band = { top: y, height: padding + blockHeight(block) + 3 + 2 * markHalf + padding, middle, labelY };
    }
    y += band.height;
    return band;
  });
}

/** Full texts of the labels that had to be shortened, for the chart's description. */
export function shortenedLabels(blocks: TextBlock[]): string[] {
  return blocks.filter((block) => block.shortened).map((block) => block.full);
}
