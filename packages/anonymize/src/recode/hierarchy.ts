import { cellInMessage, distinctTexts, LeakriskError, textColumn, type DictionaryColumn } from '@leakrisk/survey';
import type { HierarchyTable } from '../config/types.js';

/** The implied top of every hierarchy: the value is suppressed (written as an empty cell). */
const SUPPRESSED_LEVEL_LABEL = '*';

/**
 * A generalisation hierarchy for one quasi-identifier, in ARX's sense: level 0 holds the original
 * values (the leaves), each higher level groups the groups below it, and the implied top level `*`
 * suppresses the value. `groupOf[L][leaf]` is the code of the leaf's group at level L and
 * `labels[L][code]` its label; `leafCount[L][code]` is the number of leaves in that group (for the
 * loss measure). Level `levels()` (one past the last explicit level) is `*`.
 */
export interface Hierarchy {
  column: string;
  /** Names of the levels, the last one `*` (e.g. `["district", "division", "province", "*"]`). */
  levelNames: string[];
  leaves: string[];
  groupOf: Int32Array[];
  labels: string[][];
  leafCount: Int32Array[];
  /** Leaf value → leaf index. */
  leafIndex: Map<string, number>;
}

/** Number of levels including the implied top `*`. */
export function levelCount(hierarchy: Hierarchy): number {
  return hierarchy.groupOf.length + 1;
}

/** The label of a leaf at a level; `*` at the top. */
export function generalizeLeaf(hierarchy: Hierarchy, leaf: number, level: number): string {
  if (level >= hierarchy.groupOf.length) return SUPPRESSED_LEVEL_LABEL;
  return hierarchy.labels[level]![hierarchy.groupOf[level]![leaf]!]!;
}

/**
 * Builds a hierarchy from the leaves and, for every higher level, each leaf's group label. Checks that
 * it is a tree: leaves are distinct, and two leaves in one group at level L share their group at
 * level L + 1. `rowOf(i)` names the source row of leaf i in messages, which name group labels (config)
 * but never a leaf (a quasi-identifier's value).
 */
export function buildHierarchy(
  column: string,
  levelNames: string[],
  leaves: string[],
  groupLabels: string[][],
  where: { file?: string; rowOf?: (leaf: number) => number } = {},
): Hierarchy {
  const leafIndex = new Map<string, number>();
  leaves.forEach((leaf, i) => {
    if (leaf === '') {
      throw new LeakriskError(
        'a hierarchy value is empty',
        { file: where.file, row: where.rowOf?.(i), column },
        'every row of a hierarchy needs a value in every column',
      );
    }
    const seen = leafIndex.get(leaf);
    if (seen !== undefined) {
      throw new LeakriskError(
        `the same value is listed twice in the hierarchy (rows ${where.rowOf?.(seen) ?? seen + 1} and ${where.rowOf?.(i) ?? i + 1})`,
        { file: where.file, row: where.rowOf?.(i), column },
        'list every original value once, in the first column',
      );
    }
    leafIndex.set(leaf, i);
  });
  const groupOf: Int32Array[] = [];
  const labels: string[][] = [];
  const leafCount: Int32Array[] = [];
  const identity = new Int32Array(leaves.length);
  for (let i = 0; i < leaves.length; i++) identity[i] = i;
  groupOf.push(identity);
  labels.push([...leaves]);
  leafCount.push(new Int32Array(leaves.length).fill(1));
  for (let level = 0; level < groupLabels.length; level++) {
    const cells = groupLabels[level]!;
    const codeOf = new Map<string, number>();
    const levelLabels: string[] = [];
    const codes = new Int32Array(leaves.length);
    for (let i = 0; i < leaves.length; i++) {
      const label = cells[i]!;
      if (label === '') {
        throw new LeakriskError(
          `the hierarchy has an empty group at level ${level + 1} (row ${where.rowOf?.(i) ?? i + 1})`,
          { file: where.file, row: where.rowOf?.(i), column },
          'fill every cell, or shorten the hierarchy (the top level * is implied)',
        );
      }
      let code = codeOf.get(label);
      if (code === undefined) {
        code = levelLabels.length;
        codeOf.set(label, code);
        levelLabels.push(label);
      }
      codes[i] = code;
    }
    // Tree check: leaves grouped together below stay together here.
    const below = groupOf[groupOf.length - 1]!;
    const parentOf = new Int32Array(labels[labels.length - 1]!.length).fill(-1);
    for (let i = 0; i < leaves.length; i++) {
      const child = below[i]!;
      if (parentOf[child] === -1) parentOf[child] = codes[i]!;
      else if (parentOf[child] !== codes[i]) {
        const childLabel = labels[labels.length - 1]![child]!;
        throw new LeakriskError(
          `not a tree: the group "${childLabel}" is grouped into both "${levelLabels[parentOf[child]!]}" and "${levelLabels[codes[i]!]}" at level ${level + 1}`,
          { file: where.file, row: where.rowOf?.(i), column },
          'a hierarchy must be a tree: every group belongs to exactly one coarser group',
        );
      }
    }
    const counts = new Int32Array(levelLabels.length);
    for (let i = 0; i < leaves.length; i++) counts[codes[i]!]!++;
    groupOf.push(codes);
    labels.push(levelLabels);
    leafCount.push(counts);
  }
  return { column, levelNames: [...levelNames, SUPPRESSED_LEVEL_LABEL], leaves, groupOf, labels, leafCount, leafIndex };
}

/**
 * Compiles a hierarchy read by the config loader (ARX layout, already checked for width, empty
 * cells and duplicates) into codes. Level names come from the header row when there is one. A last
 * column that is `*` in every row is the implied top written out, and is dropped.
 */
export function hierarchyFromTable(column: string, table: HierarchyTable): Hierarchy {
  const rows = table.rows;
  let width = table.levels;
  if (width > 1 && rows.every((r) => r[width - 1]!.trim() === SUPPRESSED_LEVEL_LABEL)) width--;
  const names = (table.header ?? Array.from({ length: width }, (_, j) => (j === 0 ? column : `${column}_${j}`))).slice(0, width).map((n) => n.trim());
  const leaves = rows.map((r) => r[0]!);
  const groups: string[][] = [];
  for (let j = 1; j < width; j++) groups.push(rows.map((r) => r[j]!.trim()));
  const firstRow = table.header === undefined ? 1 : 2;
  return buildHierarchy(column, names, leaves, groups, { file: table.path, rowOf: (i) => i + firstRow });
}

/**
 * The hierarchy of a categorical quasi-identifier without a hierarchy file: its values, then `*`.
 * Leaves follow `order` (e.g. the codebook's option order) and then any other value in sorted order,
 * so that the result never depends on row order.
 */
export function flatHierarchy(column: string, values: Iterable<string>, order: readonly string[] = []): Hierarchy {
  const seen = new Set<string>(values);
  const leaves = order.filter((v) => seen.has(v));
  const inOrder = new Set(leaves);
  const rest = [...seen].filter((v) => !inOrder.has(v)).sort(compareStrings);
  return buildHierarchy(column, [column], [...leaves, ...rest], []);
}

/** Code-unit order, independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Maps a column's cells to leaf indices (-1 for a missing cell). A value that is not in the
 * hierarchy is an error naming its row: releasing it ungeneralised could identify someone.
 */
export function leafCodes(
  hierarchy: Hierarchy,
  cells: readonly string[],
  isMissing: (cell: string) => boolean,
  where: { file?: string; hierarchyFile?: string } = {},
): Int32Array {
  return leafCodesOf(hierarchy, distinctTexts(textColumn(cells)), isMissing, where);
}

/** {@link leafCodes} of a column given as its distinct texts (`distinctTexts`): each value is looked up once. */
export function leafCodesOf(
  hierarchy: Hierarchy,
  factor: DictionaryColumn,
  isMissing: (cell: string) => boolean,
  where: { file?: string; hierarchyFile?: string } = {},
): Int32Array {
  const index = hierarchy.leafIndex;
  // Values in order of first appearance: the first unknown one is the first unknown row.
  const leafOf = factor.levels.map((cell, c) => {
    if (isMissing(cell)) return -1;
    const leaf = index.get(cell) ?? index.get(cell.trim());
    if (leaf === undefined) {
      throw new LeakriskError(
        `a value (${cellInMessage(cell, false)}) is not in the hierarchy${where.hierarchyFile ? ` ${where.hierarchyFile}` : ''}`,
        { file: where.file, row: factor.codes.indexOf(c) + 1, column: hierarchy.column },
        'add the value to the hierarchy (with its groups), correct the data, or declare the code as missing in the codebook',
      );
    }
    return leaf;
  });
  return spread(factor, leafOf);
}

/** Row codes from one code per distinct value (per level of `factor`). */
export function spread(factor: DictionaryColumn, perValue: readonly number[]): Int32Array {
  const table = Int32Array.from(perValue);
  const index = factor.codes;
  const out = new Int32Array(index.length);
  for (let i = 0; i < index.length; i++) out[i] = table[index[i]!]!;
  return out;
}
