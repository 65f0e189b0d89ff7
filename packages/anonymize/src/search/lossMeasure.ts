import type { Hierarchy } from '../recode/hierarchy.js';

/**
 * The information-loss measure the search minimises: Iyengar's Loss Metric (ARX's "Loss"),
 * weighted by importance, with suppressed cells counted as fully lost.
 *
 * For quasi-identifier j with D_j leaves (original values, or bands for banded numbers), a cell
 * whose value lies in group g at the chosen level loses (|leaves(g)| − 1) / (D_j − 1): 0 at level 0,
 * 1 when the group holds every leaf. A cell at the top level `*` or suppressed locally loses 1; a cell
 * that was missing in the input loses 0 (nothing was taken away). With n records,
 *
 *   loss_j = (1/n) Σ_i loss_ij,        Loss = Σ_j w_j loss_j / Σ_j w_j,
 *
 * where w_j comes from the importance order (see {@link importanceWeights}). Loss is in [0, 1]:
 * 0 releases every key as it was, 1 suppresses every key cell.
 */
export function cellLoss(hierarchy: Hierarchy, level: number, group: number): number {
  if (level >= hierarchy.groupOf.length) return 1;
  const leaves = hierarchy.leaves.length;
  if (leaves <= 1) return 0;
  return (hierarchy.leafCount[level]![group]! - 1) / (leaves - 1);
}

/**
 * Generalisation loss of a column at every level, before any local suppression:
 * `result[L] = (1/n) Σ_leaves n_leaf · cellLoss(leaf's group at L)`. `leafCounts[v]` is the number
 * of records holding leaf v.
 */
export function columnLossByLevel(hierarchy: Hierarchy, leafCounts: ArrayLike<number>, n: number): number[] {
  const levels = hierarchy.groupOf.length + 1;
  const out: number[] = [];
  for (let level = 0; level < levels; level++) {
    if (n === 0) {
      out.push(0);
      continue;
    }
    let sum = 0;
    for (let v = 0; v < hierarchy.leaves.length; v++) {
      const count = leafCounts[v]!;
      if (count === 0) continue;
      const group = level < hierarchy.groupOf.length ? hierarchy.groupOf[level]![v]! : 0;
      sum += count * cellLoss(hierarchy, level, group);
    }
    out.push(sum / n);
  }
  return out;
}

/**
 * Importance → suppression order and loss weights. `importance[j]` follows sdcMicro: 1 is the most
 * important key (suppressed last); keys without an importance rank after those with one; ties go
 * to the key with fewer leaves (more leaves = more identifying = suppressed first), then to the key
 * listed first in the config. Rank r = 1 … m (1 = most important) gives weight w = m − r + 1 when any
 * importance is given, and w = 1 for every key when none is.
 *
 * @returns `order`: key indices from least to most important (the order cells are suppressed in);
 *          `weights`: w_j per key.
 */
export function importanceWeights(importance: readonly (number | undefined)[], leafCounts: readonly number[]): { order: number[]; weights: number[] } {
  const m = importance.length;
  const byImportance = Array.from({ length: m }, (_, j) => j).sort((a, b) => {
    const ia = importance[a] ?? Number.POSITIVE_INFINITY;
    const ib = importance[b] ?? Number.POSITIVE_INFINITY;
    if (ia !== ib) return ia < ib ? -1 : 1;
    if (leafCounts[a] !== leafCounts[b]) return leafCounts[a]! - leafCounts[b]!;
    return a - b;
  });
  const anyGiven = importance.some((x) => x !== undefined);
  const weights = new Array<number>(m).fill(1);
  if (anyGiven)
    byImportance.forEach((j, rank) => {
      weights[j] = m - rank;
    });
  return { order: [...byImportance].reverse(), weights };
}
