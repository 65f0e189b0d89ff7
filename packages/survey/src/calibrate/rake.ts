import type { CalibrationStep, SurveyDesign } from '../design/types.js';
import { withWeights } from '../design/design.js';
import { checkMargins, maxMarginDiscrepancy, type CheckedMargin, type Margin } from './margins.js';
import { postStratifyWeights } from './postStratify.js';
import type { CalibrationResult } from './types.js';

export interface RakeOptions {
  /** Most passes over the margins (R's `control$maxit`, default 10). */
  maxit?: number;
  /**
   * Convergence threshold (R's `control$epsilon`, default 1): a pass that changes no weighted
   * count by `epsilon` or more stops the raking. A value below 1 is a fraction of the sum of
   * the weights, as in R.
   */
  epsilon?: number;
}

/**
 * Raking (iterative proportional fitting), matching `survey::rake(design, sample.margins,
 * population.margins, control = list(maxit = 10, epsilon = 1))`.
 *
 * Each pass post-stratifies on every margin in turn (`w_i ← w_i · N_{m,h} / Σ_{j∈h} w_j`). After a
 * pass, the weighted cross-classification of all margin variables (`svytable(~a + b + …)`) is
 * compared with the table before the pass; raking stops when the largest absolute change is below
 * `epsilon` (converged), or after `maxit` passes (not converged). This is survey 4.1–4.4's rule
 * (4.5 compares each margin's own table instead, which can stop a pass earlier or later). `iterations` counts the passes made, including the one that showed
 * convergence.
 *
 * Variance: R's `svyrecvar` for a `raking` object — ten sweeps over the margins, each replacing the
 * influence values by `x_i − w^{(m)}_i · mean_{j∈h}(x_j / w^{(m)}_j)` (an unweighted mean within the
 * margin level h; `w^{(m)}` the weights right after margin m in the last pass).
 *
 * @returns the raked design, the number of passes, whether the rule was met, and the largest
 *   remaining |weighted total − population total| over all margin levels
 */
export function rake(design: SurveyDesign, margins: readonly Margin[], options: RakeOptions = {}): CalibrationResult {
  const checked = checkMargins(design, margins);
  const maxit = options.maxit ?? 10;
  const epsilonOption = options.epsilon ?? 1;
  let weights = design.weights;
  const epsilon = epsilonOption < 1 ? epsilonOption * sum(weights) : epsilonOption;
  const table = jointTable(checked);
  let oldCounts = table.counts(weights);
  let passWeights: Float64Array[] = [];
  let iter = 0;
  let converged = false;
  let passes = 0;
  while (iter < maxit) {
    passWeights = [];
    for (const margin of checked) {
      weights = postStratifyWeights(weights, margin.codes, margin.levels.length, margin.target);
      passWeights.push(weights);
    }
    passes++;
    const newCounts = table.counts(weights);
    let delta = 0;
    for (let c = 0; c < newCounts.length; c++) delta = Math.max(delta, Math.abs(newCounts[c]! - oldCounts[c]!));
    if (delta < epsilon) {
      converged = true;
      break;
    }
    oldCounts = newCounts;
    iter++;
  }
  if (passWeights.length === 0) {
    return { design, method: 'rake', iterations: 0, converged, maxDiscrepancy: maxMarginDiscrepancy(checked, weights) };
  }
  const step = new RakingStep(
    checked.map((margin) => margin.codes),
    checked.map((margin) => margin.levels.length),
    passWeights,
  );
  return {
    design: withWeights(design, weights, step),
    method: 'rake',
    iterations: passes,
    converged,
    maxDiscrepancy: maxMarginDiscrepancy(checked, weights),
  };
}

/**
 * The `raking` branch of `svyrecvar`'s `postStrata` handling: ten sweeps over the margins, each
 * replacing `x_i` by `x_i − p_{m,i} · mean_{j∈h}(x_j / p_{m,j})` (p_m = the weights right after
 * margin m in the last pass, h = row i's level of margin m).
 *
 * Computed without sweeping the rows: after any number of sweeps
 * `x_i = x⁰_i − Σ_m p_{m,i} C_m[h_m(i)]`, so each sweep only needs the level sums
 * `Σ_{i∈h} x_i / p_{m,i} = S_m[h] − Σ_{m'} Σ_l A_{m,m'}[h,l] C_{m'}[l]`, with
 * `S_m[h] = Σ_{i∈h} x⁰_i / p_{m,i}` (one pass per margin) and
 * `A_{m,m'}[h,l] = Σ_{i: h_m(i)=h, h_{m'}(i)=l} p_{m',i} / p_{m,i}` (computed once). The same
 * arithmetic as R's ten sweeps, in M + 1 passes over the rows instead of 20 M.
 */
export class RakingStep implements CalibrationStep {
  readonly method = 'rake';
  private readonly counts: Float64Array[];
  private readonly inverse: Float64Array[];
  /** cross[m][m'] is A_{m,m'}, row-major L_m × L_{m'}. */
  private readonly cross: Float64Array[][];

  constructor(
    private readonly codes: readonly Int32Array[],
    private readonly nLevels: readonly number[],
    private readonly passWeights: readonly Float64Array[],
  ) {
    const M = codes.length;
    const n = codes[0]!.length;
    this.counts = codes.map((c, m) => {
      const out = new Float64Array(nLevels[m]!);
      for (let i = 0; i < n; i++) out[c[i]!] += 1;
      return out;
    });
    this.inverse = passWeights.map((w) => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = 1 / w[i]!;
      return out;
    });
    this.cross = [];
    for (let m = 0; m < M; m++) {
      const row: Float64Array[] = [];
      const cm = codes[m]!;
      const inv = this.inverse[m]!;
      for (let k = 0; k < M; k++) {
        const lk = nLevels[k]!;
        const out = new Float64Array(nLevels[m]! * lk);
        const ck = codes[k]!;
        const wk = passWeights[k]!;
        for (let i = 0; i < n; i++) out[cm[i]! * lk + ck[i]!] += wk[i]! * inv[i]!;
        row.push(out);
      }
      this.cross.push(row);
    }
  }

  residualize(z: readonly Float64Array[]): Float64Array[] {
    const { codes, nLevels, passWeights, counts, inverse, cross } = this;
    const M = codes.length;
    const n = codes[0]!.length;
    return z.map((x0) => {
      const start = codes.map((c, m) => {
        const out = new Float64Array(nLevels[m]!);
        const inv = inverse[m]!;
        for (let i = 0; i < n; i++) out[c[i]!] += x0[i]! * inv[i]!;
        return out;
      });
      const accumulated = nLevels.map((L) => new Float64Array(L));
      for (let sweep = 0; sweep < 10; sweep++) {
        for (let m = 0; m < M; m++) {
          const L = nLevels[m]!;
          const acc = accumulated[m]!;
          const means = new Float64Array(L);
          for (let h = 0; h < L; h++) {
            let total = start[m]![h]!;
            for (let k = 0; k < M; k++) {
              const lk = nLevels[k]!;
              const a = cross[m]![k]!;
              const ck = accumulated[k]!;
              for (let l = 0; l < lk; l++) total -= a[h * lk + l]! * ck[l]!;
            }
            means[h] = counts[m]![h]! > 0 ? total / counts[m]![h]! : 0;
          }
          for (let h = 0; h < L; h++) acc[h] = acc[h]! + means[h]!;
        }
      }
      const out = Float64Array.from(x0);
      for (let m = 0; m < M; m++) {
        const c = codes[m]!;
        const w = passWeights[m]!;
        const acc = accumulated[m]!;
        for (let i = 0; i < n; i++) out[i] = out[i]! - w[i]! * acc[c[i]!]!;
      }
      return out;
    });
  }
}

interface CountTable {
  counts(weights: Float64Array): Float64Array;
}

/** Weighted counts of the cross-classification of all margin variables (occupied cells only). */
function jointTable(margins: readonly CheckedMargin[]): CountTable {
  const n = margins[0]!.codes.length;
  const cell = new Int32Array(n);
  let size = 1;
  for (const margin of margins) size *= margin.levels.length;
  let nCells: number;
  if (size <= 1 << 24) {
    // Mixed-radix cell number: the first margin varies fastest, as in R's tables.
    for (let i = 0; i < n; i++) {
      let code = 0;
      let radix = 1;
      for (const margin of margins) {
        code += margin.codes[i]! * radix;
        radix *= margin.levels.length;
      }
      cell[i] = code;
    }
    nCells = size;
  } else {
    const index = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      let key = '';
      for (const margin of margins) key += `${margin.codes[i]!},`;
      let c = index.get(key);
      if (c === undefined) {
        c = index.size;
        index.set(key, c);
      }
      cell[i] = c;
    }
    nCells = index.size;
  }
  return {
    counts(weights) {
      const out = new Float64Array(nCells);
      for (let i = 0; i < n; i++) out[cell[i]!] += weights[i]!;
      return out;
    },
  };
}

function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}
