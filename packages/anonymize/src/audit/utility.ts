import { distinctTexts, parseNumberText, isMissingCell, textColumn, type DictionaryColumn } from '@leakrisk/survey';

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

/** A column's weighted mean (null when not numeric), weighted value shares and non-missing cells. */
export interface ColumnDescription {
  mean: number | null;
  shares: Map<string, number>;
  cells: number;
}

/**
 * Weighted mean Σ w x / Σ w over non-missing numeric cells, and the weighted value shares, of
 * one column; `w` defaults to 1. Values that are not numbers make the mean null.
 */
export function describeColumn(cells: readonly string[], weights: Float64Array | undefined, missing: ReadonlySet<string> | undefined): ColumnDescription {
  return describeFactor(distinctTexts(textColumn(cells)), weights, missing);
}

/**
 * {@link describeColumn} of a column given as its distinct texts (`distinctTexts`): each value is
 * parsed once, and the masses add up row by row in row order, so the result is the same to the bit.
 */
export function describeFactor(factor: DictionaryColumn, weights: Float64Array | undefined, missing: ReadonlySet<string> | undefined): ColumnDescription {
  const mass = new Float64Array(factor.levels.length);
  const count = new Float64Array(factor.levels.length);
  const index = factor.codes;
  for (let i = 0; i < index.length; i++) {
    const c = index[i]!;
    mass[c] += weights ? weights[i]! : 1;
    count[c]++;
  }
  return describeMasses(factor.levels, mass, count, missing);
}

/**
 * {@link describeColumn} from each distinct value's weighted mass and row count (values in order of
 * first appearance, masses summed in row order), as a single pass over many columns gathers them.
 */
export function describeMasses(
  values: readonly string[],
  mass: ArrayLike<number>,
  count: ArrayLike<number>,
  missing: ReadonlySet<string> | undefined,
): ColumnDescription {
  let cells = 0;
  let sw = 0;
  let swx = 0;
  let present = 0;
  let numeric = true;
  for (let c = 0; c < values.length; c++) {
    const value = values[c]!;
    if (isMissingCell(value, missing)) continue;
    present++;
    cells += count[c]!;
    sw += mass[c]!;
    const x = parseNumberText(value);
    if (!Number.isFinite(x)) numeric = false;
    else swx += mass[c]! * x;
  }
  const shares = new Map<string, number>();
  for (let c = 0; c < values.length; c++) {
    if (!isMissingCell(values[c]!, missing)) shares.set(values[c]!, sw > 0 ? mass[c]! / sw : 0);
  }
  return { mean: numeric && present > 0 && sw > 0 ? swx / sw : null, shares, cells };
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
  const b = distinctTexts(textColumn(before));
  return factorUtility(column, role, b, after === before ? b : distinctTexts(textColumn(after)), weights, missing);
}

/** {@link columnUtility} of columns given as their distinct values; the same factor twice is described once. */
export function factorUtility(
  column: string,
  role: 'keep' | 'quasi',
  before: DictionaryColumn,
  after: DictionaryColumn,
  weights: Float64Array | undefined,
  missing: ReadonlySet<string> | undefined,
): ColumnUtility {
  const b = describeFactor(before, weights, missing);
  return utilityOf(column, role, b, after === before ? b : describeFactor(after, weights, missing));
}

/** The utility row from the descriptions of a column before and after (`describeColumn`). */
export function utilityOf(column: string, role: 'keep' | 'quasi', b: ColumnDescription, a: ColumnDescription): ColumnUtility {
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
