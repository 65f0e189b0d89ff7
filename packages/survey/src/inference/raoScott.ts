import { Matrix, solve } from 'ml-matrix';
import type { SurveyDesign } from '../design/types.js';
import { accumulationOf } from '../design/accumulation.js';
import { designVariance, UnitTotals } from '../design/variance.js';
import { LeakriskError } from '../errors.js';
import type { DictionaryColumn } from '../table/column.js';
import { chiSquareUpperTail, fUpperTail } from './distributions.js';
import { qrDecompose, qrResiduals } from './leastSquares.js';
import { cellProportionsReplicates } from './raoScottReplicates.js';

export type ChisqStatistic = 'F' | 'Chisq';

export interface RaoScottFResult {
  method: 'Rao-Scott F';
  /** Pearson X² divided by tr(Δ). */
  statistic: number;
  ndf: number;
  ddf: number;
  pValue: number;
  /** Rows with both variables present. */
  n: number;
}

export interface RaoScottChisqResult {
  method: 'Rao-Scott chisq';
  /** Pearson X² of the weighted table scaled to the sample size. */
  statistic: number;
  df: number;
  /** P(χ²_df > X² / mean eigenvalue of Δ). */
  pValue: number;
  n: number;
}

/**
 * Rao–Scott tests of independence in a two-way table, matching `survey::svychisq(~rows + cols,
 * design, statistic = "F")` (second-order, the default) and `statistic = "Chisq"` (first-order).
 *
 * With `p̂` the design-based cell proportions (rows with both variables present) and `V̂` their
 * design covariance, `N` the number of rows of the design, `C` the interaction contrasts of the
 * r×c table made orthogonal to the main effects, and `D = diag(p̂)`:
 * `Δ = (Cᵀ D⁻¹ C / N)⁻¹ Cᵀ D⁻¹ V̂ D⁻¹ C` (the generalized design effects).
 * Pearson's `X²` is computed on the weighted table rescaled to `N` rows.
 * - F: `X² / tr(Δ)` on `d₀ = tr(Δ)² / tr(Δ²)` and `d₀ · ν` degrees of freedom (`ν` = PSUs − strata;
 *   on a replicate design, `svychisq.svyrep.design`: V̂ from the replicates and `ν` = degf);
 * - Chisq: `X²` with `(r−1)(c−1)` df, p-value from `X² / mean(diag Δ)`.
 * Levels are those present on rows where both variables are known (R also counts levels seen only
 * on rows where the other variable is missing, which gives NaN).
 */
export function svychisq(
  design: SurveyDesign,
  rows: { name: string; column: DictionaryColumn },
  cols: { name: string; column: DictionaryColumn },
  statistic: ChisqStatistic = 'F',
): RaoScottFResult | RaoScottChisqResult {
  const n = design.nrow;
  const rowCodes = rows.column.codes;
  const colCodes = cols.column.codes;
  const complete = new Uint8Array(n);
  const rowSeen = new Uint8Array(rows.column.levels.length);
  const colSeen = new Uint8Array(cols.column.levels.length);
  let nComplete = 0;
  for (let i = 0; i < n; i++) {
    if (rowCodes[i]! >= 0 && colCodes[i]! >= 0) {
      complete[i] = 1;
      nComplete++;
      rowSeen[rowCodes[i]!] = 1;
      colSeen[colCodes[i]!] = 1;
    }
  }
  const rowIndex = denseIndex(rowSeen);
  const colIndex = denseIndex(colSeen);
  const nr = rowIndex.count;
  const nc = colIndex.count;
  for (const [variable, count] of [
    [rows.name, nr],
    [cols.name, nc],
  ] as const) {
    if (count < 2) {
      throw new LeakriskError(
        `a chi-square test needs at least two levels of "${variable}" among the rows where both variables are known, but there ${count === 1 ? 'is 1' : `are ${count}`}`,
        { file: design.file, column: variable },
        'choose variables that vary in the sample, or merge fewer levels',
      );
    }
  }
  const cells = nr * nc;
  const cellOfRow = (i: number): number => rowIndex.map[rowCodes[i]!]! + nr * colIndex.map[colCodes[i]!]!;

  // Cell proportions among complete rows and their covariance (svymean(mm, na.rm = TRUE)).
  const accumulation = accumulationOf(design);
  const cellProportions =
    accumulation === 'replicates' ? cellProportionsOnReplicates : accumulation === 'perUnit' ? cellProportionsPerUnit : cellProportionsPerRow;
  const { proportions, v } = cellProportions(design, complete, cellOfRow, cells);

  // Pearson X² on the table scaled to N rows (svytable(…, Ntotal = N)).
  const N = n;
  const rowMargin = new Float64Array(nr);
  const colMargin = new Float64Array(nc);
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      rowMargin[r] += proportions[r + nr * c]!;
      colMargin[c] += proportions[r + nr * c]!;
    }
  let pearson = 0;
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      const observed = N * proportions[r + nr * c]!;
      const expected = N * rowMargin[r]! * colMargin[c]!;
      pearson += ((observed - expected) * (observed - expected)) / expected;
    }

  // Interaction contrasts orthogonal to the main effects on the r×c grid (rows vary fastest).
  const main: Float64Array[] = [new Float64Array(cells).fill(1)];
  for (let r = 1; r < nr; r++) main.push(Float64Array.from({ length: cells }, (_, k) => (k % nr === r ? 1 : 0)));
  for (let c = 1; c < nc; c++) main.push(Float64Array.from({ length: cells }, (_, k) => (Math.floor(k / nr) === c ? 1 : 0)));
  const mainFit = qrDecompose(main, 1e-7);
  const contrasts: Float64Array[] = [];
  for (let c = 1; c < nc; c++)
    for (let r = 1; r < nr; r++) {
      const column = Float64Array.from({ length: cells }, (_, k) => (k % nr === r && Math.floor(k / nr) === c ? 1 : 0));
      contrasts.push(qrResiduals(mainFit, column));
    }
  const q = contrasts.length;
  const cmat = new Matrix(cells, q);
  contrasts.forEach((column, j) => {
    column.forEach((value, k) => {
      cmat.set(k, j, value);
    });
  });
  const inverseP = proportions.map((value) => (value === 0 ? 0 : 1 / value));
  const dInvC = new Matrix(cells, q);
  for (let k = 0; k < cells; k++) for (let j = 0; j < q; j++) dInvC.set(k, j, inverseP[k]! * cmat.get(k, j));
  const denom = cmat.transpose().mmul(dInvC).div(N);
  const vMatrix = new Matrix(cells, cells);
  for (let a = 0; a < cells; a++) for (let b = 0; b < cells; b++) vMatrix.set(a, b, v[a * cells + b]!);
  const numerator = dInvC.transpose().mmul(vMatrix).mmul(dInvC);
  const delta = solve(denom, numerator);
  let trace = 0;
  for (let j = 0; j < q; j++) trace += delta.get(j, j);
  const traceSquared = delta.mmul(delta).trace();
  const d0 = (trace * trace) / traceSquared;
  // R's degf(design): PSUs − strata, or on a replicate design the rank of its replicate weights − 1
  const nu = design.replicates !== undefined ? design.df : design.nPsu - design.nStrata;
  if (statistic === 'F') {
    const f = pearson / trace;
    return { method: 'Rao-Scott F', statistic: f, ndf: d0, ddf: d0 * nu, pValue: fUpperTail(f, d0, d0 * nu), n: nComplete };
  }
  return {
    method: 'Rao-Scott chisq',
    statistic: pearson,
    df: q,
    pValue: chiSquareUpperTail(pearson / (trace / q), q),
    n: nComplete,
  };
}

/** The cells' proportions and covariance: a cell's influence values wᵢ(1[cell i = k] − p̂ₖ)/Σw per row. */
interface CellProportions {
  proportions: Float64Array;
  /** cells × cells, row-major. */
  v: Float64Array;
}

/** {@link CellProportions} from the replicate weights (see `accumulationOf`, {@link cellProportionsReplicates}). */
function cellProportionsOnReplicates(design: SurveyDesign, complete: Uint8Array, cellOfRow: (i: number) => number, cells: number): CellProportions {
  const cellOf = new Int32Array(design.nrow).fill(-1);
  for (let i = 0; i < design.nrow; i++) if (complete[i]) cellOf[i] = cellOfRow(i);
  const { proportions, covariance } = cellProportionsReplicates(design, cellOf, cells);
  return { proportions, v: covariance };
}

/** {@link CellProportions} from influence values per row (see `accumulationOf`). */
function cellProportionsPerRow(design: SurveyDesign, complete: Uint8Array, cellOfRow: (i: number) => number, cells: number): CellProportions {
  const n = design.nrow;
  const weights = design.weights;
  let total = 0;
  const cellTotals = new Float64Array(cells);
  const cellOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!complete[i]) continue;
    cellOf[i] = cellOfRow(i);
    total += weights[i]!;
    cellTotals[cellOf[i]!] += weights[i]!;
  }
  const proportions = cellTotals.map((t) => t / total);
  const influence: Float64Array[] = [];
  for (let c = 0; c < cells; c++) {
    const x = new Float64Array(n);
    const pc = proportions[c]!;
    for (let i = 0; i < n; i++) {
      if (cellOf[i]! >= 0) x[i] = (weights[i]! * ((cellOf[i] === c ? 1 : 0) - pc)) / total;
    }
    influence.push(x);
  }
  return { proportions, v: designVariance(design, influence, { present: complete }) };
}

/**
 * {@link CellProportions} from the influence values summed per PSU (see `accumulationOf`), made from
 * each PSU's weight per cell: Σ_{i in PSU} wᵢ(1[cell i = k] − p̂ₖ)/Σw = (W_ck − p̂ₖ W_c)/Σw.
 */
function cellProportionsPerUnit(design: SurveyDesign, complete: Uint8Array, cellOfRow: (i: number) => number, cells: number): CellProportions {
  const n = design.nrow;
  const weights = design.weights;
  let total = 0;
  const cellTotals = new Float64Array(cells);
  const units = new UnitTotals(design, cells);
  const unitCellWeight = units.totals; // the weight per PSU and cell, made into influence totals below
  const unitWeight = new Float64Array(design.stages[0]!.nClusters);
  for (let i = 0; i < n; i++) {
    if (!complete[i]) continue;
    const k = cellOfRow(i);
    const w = weights[i]!;
    const c = units.unitOf(i);
    total += w;
    cellTotals[k] += w;
    unitCellWeight[c * cells + k] += w;
    unitWeight[c] += w;
  }
  const proportions = cellTotals.map((t) => t / total);
  for (const c of units.touched()) {
    for (let k = 0; k < cells; k++) unitCellWeight[c * cells + k] = (unitCellWeight[c * cells + k]! - proportions[k]! * unitWeight[c]!) / total;
  }
  return { proportions, v: units.variance() };
}

function denseIndex(seen: Uint8Array): { map: Int32Array; count: number } {
  const map = new Int32Array(seen.length).fill(-1);
  let count = 0;
  for (let k = 0; k < seen.length; k++) if (seen[k]) map[k] = count++;
  return { map, count };
}
