import { inverse, Matrix } from 'ml-matrix';
import type { CalibrationStep, SurveyDesign } from '../design/types.js';
import { withWeights } from '../design/design.js';
import { LeakriskError } from '../errors.js';
import { qrDecompose } from '../inference/leastSquares.js';
import { checkMargins, maxMarginDiscrepancy, type CheckedMargin, type Margin } from './margins.js';
import type { CalibrationResult } from './types.js';

/** One column of a calibration model matrix (R's `model.matrix(formula, …)` column) with its name. */
export interface CalibrationColumn {
  name: string;
  values: Float64Array;
}

/**
 * Linear (GREG) calibration to margins, matching
 * `survey::calibrate(design, list(~a, ~b, …), list(pop.a, pop.b, …), calfun = "linear")`.
 *
 * The model matrix is R's `~a + b + …` with treatment contrasts: an intercept whose population
 * total is the first margin's total, and one indicator per non-reference level with that level's
 * population total. See {@link calibrateLinearTotals} for the estimator.
 */
export function calibrateLinear(design: SurveyDesign, margins: readonly Margin[]): CalibrationResult {
  const checked = checkMargins(design, margins);
  const { columns, totals } = marginColumns(checked, design.nrow);
  const result = calibrateLinearTotals(design, columns, totals);
  return { ...result, maxDiscrepancy: maxMarginDiscrepancy(checked, result.design.weights) };
}

/**
 * R's model matrix of `~a + b + …` for checked margins (treatment contrasts: an intercept, then an
 * indicator per present non-reference level) with each column's population total.
 */
export function marginColumns(checked: readonly CheckedMargin[], n: number): { columns: CalibrationColumn[]; totals: number[] } {
  const columns: CalibrationColumn[] = [{ name: '(Intercept)', values: new Float64Array(n).fill(1) }];
  const totals: number[] = [checked[0]!.total];
  for (const margin of checked) {
    let reference = true;
    margin.levels.forEach((level, c) => {
      if (margin.present[c] === 0) return;
      if (reference) {
        reference = false;
        return;
      }
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) if (margin.codes[i] === c) values[i] = 1;
      columns.push({ name: `${margin.variable}${level}`, values });
      totals.push(margin.target[c]!);
    });
  }
  return { columns, totals };
}

/**
 * Linear (GREG) calibration to population totals of model-matrix columns, matching
 * `survey::calibrate(design, formula, population, calfun = "linear")` (R's `regcalibrate`):
 *
 * `g_i = 1 + x_i' T^{-1} (t_x − Σ_j w_j x_j)` with `T = Σ_j w_j x_j x_j'`, new weights `w_i g_i`,
 * so that `Σ_i w_i g_i x_i = t_x` exactly. Columns that are zero in the sample and have a zero
 * population total are dropped, as in R.
 *
 * Variance: R's `svyrecvar` for a `greg_calibration` — influence values are replaced by the
 * residuals of their weighted regression on the model matrix:
 * `x_i ← g_i w_i (u_i − x_i' β)`, `u_i = x_i^{infl} / (g_i w_i)`, `β = T^{-1} Σ_j w_j x_j u_j`.
 *
 * @param columns the model matrix (include an intercept column for a total count)
 * @param totals the population total of each column, in the same order
 */
export function calibrateLinearTotals(design: SurveyDesign, columns: readonly CalibrationColumn[], totals: readonly number[]): CalibrationResult {
  if (columns.length !== totals.length) {
    throw new LeakriskError(
      `calibration has ${columns.length} model columns but ${totals.length} population totals`,
      { column: 'calibration' },
      'give one population total per calibration column',
    );
  }
  const weights = design.weights;
  const n = design.nrow;
  const keep: number[] = [];
  const sampleTotals: number[] = [];
  columns.forEach((column, j) => {
    let total = 0;
    let allZero = true;
    for (let i = 0; i < n; i++) {
      total += weights[i]! * column.values[i]!;
      if (column.values[i] !== 0) allZero = false;
    }
    if (total === 0 && totals[j] === 0 && allZero) return;
    keep.push(j);
    sampleTotals.push(total);
  });
  const x = keep.map((j) => columns[j]!.values);
  const target = keep.map((j) => totals[j]!);
  const names = keep.map((j) => columns[j]!.name);
  const p = x.length;
  const whalf = new Float64Array(n);
  for (let i = 0; i < n; i++) whalf[i] = Math.sqrt(weights[i]!);
  const scaled = x.map((col) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = col[i]! * whalf[i]!;
    return out;
  });
  const aliased = qrDecompose(scaled, 1e-7).aliased;
  if (aliased.length > 0) {
    throw new LeakriskError(
      `the calibration columns ${aliased.map((j) => `"${names[j]}"`).join(', ')} are linear combinations of the others in the sample`,
      { file: design.file, column: 'calibration' },
      'drop the redundant margin or level, or merge levels, so that every calibration column adds information',
    );
  }
  const tmat = new Matrix(p, p);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let s = 0;
      const ca = scaled[a]!;
      const cb = scaled[b]!;
      for (let i = 0; i < n; i++) s += ca[i]! * cb[i]!;
      tmat.set(a, b, s);
      tmat.set(b, a, s);
    }
  }
  const tinv = inverse(tmat);
  const gap = target.map((t, j) => t - sampleTotals[j]!);
  const lambda = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let s = 0;
    for (let b = 0; b < p; b++) s += tinv.get(a, b) * gap[b]!;
    lambda[a] = s;
  }
  const g = new Float64Array(n);
  const newWeights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 1;
    for (let a = 0; a < p; a++) s += x[a]![i]! * lambda[a]!;
    g[i] = s;
    newWeights[i] = weights[i]! * s;
  }
  const tinvRows = Float64Array.from(tinv.to1DArray());
  const step = new RegressionCalibrationStep(scaled, tinvRows, g, whalf);
  const calibrated = withWeights(design, newWeights, step);
  let maxDiscrepancy = 0;
  x.forEach((col, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += newWeights[i]! * col[i]!;
    maxDiscrepancy = Math.max(maxDiscrepancy, Math.abs(s - target[j]!));
  });
  return { design: calibrated, method: 'linear', iterations: 1, converged: true, maxDiscrepancy };
}

/** The `greg_calibration` branch of `svyrecvar`: residuals from the calibration regression. */
export class RegressionCalibrationStep implements CalibrationStep {
  readonly method = 'linear';
  private readonly gw: Float64Array;

  constructor(
    /** Model-matrix columns times √w (w = weights before calibration). */
    private readonly scaled: readonly Float64Array[],
    /** `T^{-1}`, row-major p×p. */
    private readonly tinv: Float64Array,
    g: Float64Array,
    whalf: Float64Array,
  ) {
    this.gw = new Float64Array(g.length);
    for (let i = 0; i < g.length; i++) this.gw[i] = g[i]! * whalf[i]!;
  }

  residualize(z: readonly Float64Array[]): Float64Array[] {
    const { scaled, tinv, gw } = this;
    const p = scaled.length;
    const n = gw.length;
    return z.map((input) => {
      const u = new Float64Array(n);
      for (let i = 0; i < n; i++) u[i] = input[i]! / gw[i]!;
      const xtu = new Float64Array(p);
      for (let a = 0; a < p; a++) {
        const col = scaled[a]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += col[i]! * u[i]!;
        xtu[a] = s;
      }
      const beta = new Float64Array(p);
      for (let a = 0; a < p; a++) {
        let s = 0;
        for (let b = 0; b < p; b++) s += tinv[a * p + b]! * xtu[b]!;
        beta[a] = s;
      }
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let fit = 0;
        for (let a = 0; a < p; a++) fit += scaled[a]![i]! * beta[a]!;
        out[i] = (u[i]! - fit) * gw[i]!;
      }
      return out;
    });
  }
}
