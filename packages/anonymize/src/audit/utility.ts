import { isMissingCell } from '@leakrisk/survey';

/** How anonymization changed one column's weighted mean and distribution. */
export interface ColumnUtility {
  column: string;
  /** `keep` or `quasi` (a quasi-identifier released at its first level). */
  role: 'keep' | 'quasi';
  /** Weighted mean of the non-missing numeric values before and after; null when not numeric. */
  meanBefore: number | null;
  meanAfter: number | null;
  /** meanAfter − meanBefore. */
  meanChange: number | null;
  /**
   * Total variation distance between the weighted shares of the non-missing values before and after:
   * ½ Σ_v |p_v − q_v| (0 = same distribution, 1 = disjoint).
   */
  distributionChange: number;
  /** Non-missing cells before and after. */
  cellsBefore: number;
  cellsAfter: number;
}

/**
 * Weighted mean Σ w x / Σ w over non-missing numeric cells, and the weighted value shares, of
 * one column; `w` defaults to 1. Values that are not numbers make the mean null.
 */
export function describeColumn(
  cells: readonly string[],
  weights: Float64Array | undefined,
  missing: ReadonlySet<string> | undefined,
): { mean: number | null; shares: Map<string, number>; cells: number } {
  // Each distinct cell text is parsed once; the per-row loop only looks up its slot.
  const slotOf = new Map<string, number>();
  const values: string[] = [];
  const mass: number[] = [];
  let missingMass = 0;
  let count = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    let slot = slotOf.get(cell);
    if (slot === undefined) {
      slot = isMissingCell(cell, missing) ? -1 : values.length;
      slotOf.set(cell, slot);
      if (slot >= 0) {
        values.push(cell);
        mass.push(0);
      }
    }
    const w = weights ? weights[i]! : 1;
    if (slot < 0) missingMass += w;
    else {
      mass[slot]! += w;
      count++;
    }
  }
  void missingMass;
  let sw = 0;
  let swx = 0;
  let numeric = values.length > 0;
  for (let v = 0; v < values.length; v++) {
    sw += mass[v]!;
    const x = Number(values[v]);
    if (values[v]!.trim() === '' || !Number.isFinite(x)) numeric = false;
    else swx += mass[v]! * x;
  }
  const shares = new Map<string, number>();
  for (let v = 0; v < values.length; v++) shares.set(values[v]!, sw > 0 ? mass[v]! / sw : 0);
  return { mean: numeric && sw > 0 ? swx / sw : null, shares, cells: count };
}

/** ½ Σ |p − q| over the union of values. */
export function totalVariationDistance(p: ReadonlyMap<string, number>, q: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const [v, x] of p) sum += Math.abs(x - (q.get(v) ?? 0));
  for (const [v, y] of q) if (!p.has(v)) sum += y;
  return sum / 2;
}

/** Compares one column before and after (same rows, same weights). */
export function columnUtility(
  column: string,
  role: 'keep' | 'quasi',
  before: readonly string[],
  after: readonly string[],
  weights: Float64Array | undefined,
  missing: ReadonlySet<string> | undefined,
): ColumnUtility {
  const b = describeColumn(before, weights, missing);
  const a = after === before ? b : describeColumn(after, weights, missing);
  return {
    column,
    role,
    meanBefore: b.mean,
    meanAfter: a.mean,
    meanChange: a.mean !== null && b.mean !== null ? a.mean - b.mean : null,
    distributionChange: totalVariationDistance(b.shares, a.shares),
    cellsBefore: b.cells,
    cellsAfter: a.cells,
  };
}
