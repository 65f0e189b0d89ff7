import { cellInMessage, distinctTexts, LeakriskError, textColumn, type DictionaryColumn } from '@leakrisk/survey';
import { bandIndex, bandLabel, makeBands } from './bands.js';
import { buildHierarchy, spread, type Hierarchy } from './hierarchy.js';

/**
 * An interval hierarchy for a numeric quasi-identifier, built from its bands. Level 0 holds the
 * bands themselves (the bottom-code band `<b0` first, then `b0-…`, …, the open top band); each higher
 * level keeps every other break of the level below, merging adjacent bands pairwise, until one break
 * is left; `*` is the implied top. The bottom-code band stays on its own until `*`.
 *
 * @example
 * autoIntervalHierarchy('age', [18, 26, 36, 46, 56, 66]).labels
 * // level 0: <18, 18-25, 26-35, 36-45, 46-55, 56-65, 66+
 * // level 1: <18, 18-35, 36-55, 56+        level 2: <18, 18-55, 56+        level 3: <18, 18+
 */
export function autoIntervalHierarchy(column: string, breaks: readonly number[]): Hierarchy {
  const bands = makeBands(breaks, column);
  const leaves = bands.labels;
  const levelNames = [column];
  const groups: string[][] = [];
  let current = [...bands.breaks];
  while (current.length > 1) {
    const next = current.filter((_, i) => i % 2 === 0);
    const labels = leaves.map((_, leaf) => {
      if (leaf === 0) return leaves[0]!;
      const lo = bands.breaks[leaf - 1]!;
      // the coarser interval holding [lo, …): the last kept break ≤ lo, up to the next kept break
      let j = 0;
      while (j + 1 < next.length && next[j + 1]! <= lo) j++;
      return bandLabel(next[j]!, next[j + 1]);
    });
    groups.push(labels);
    levelNames.push(`${column}_${groups.length}`);
    current = next;
  }
  return buildHierarchy(column, levelNames, leaves, groups);
}

/** Leaf codes (band indices) of a numeric column under {@link autoIntervalHierarchy}; -1 when missing. */
export function bandLeafCodes(
  breaks: readonly number[],
  cells: readonly string[],
  isMissing: (cell: string) => boolean,
  where: { file?: string; column?: string } = {},
): Int32Array {
  return bandLeafCodesOf(breaks, distinctTexts(textColumn(cells)), isMissing, where);
}

/** {@link bandLeafCodes} of a column given as its distinct texts (`distinctTexts`): each value is banded once. */
export function bandLeafCodesOf(
  breaks: readonly number[],
  factor: DictionaryColumn,
  isMissing: (cell: string) => boolean,
  where: { file?: string; column?: string } = {},
): Int32Array {
  const bands = makeBands(breaks, where.column);
  // Values in order of first appearance: the first bad one is the first bad row.
  const bandOf = factor.levels.map((cell, c) => {
    if (isMissing(cell)) return -1;
    const index = bandIndex(bands, cell);
    if (index < 0) {
      throw new LeakriskError(
        `the value (${cellInMessage(cell, false)}) is not a number, so it cannot be put into a band`,
        { file: where.file, row: factor.codes.indexOf(c) + 1, column: where.column },
        'correct the value, declare it as a missing code in the codebook, or give the column a hierarchy instead of bands',
      );
    }
    return index;
  });
  return spread(factor, bandOf);
}
