import { designVariance, designVarianceOfUnitTotals, unitTotalsSuffice } from '../design/variance.js';
import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import {
  naResult,
  tCritical,
  usedRows,
  weightedVariance,
  type EstimateOptions,
  type EstimateResult,
} from './common.js';

/** Options of {@link svymean} and {@link svytotal}. */
export interface MeanOptions extends EstimateOptions {
  /** `'replace'` = R's `deff = "replace"` (SRS with replacement); default R's `deff = TRUE`. */
  deff?: 'default' | 'replace';
}

/**
 * Weighted mean and its influence values over the used rows: x̄ = Σ wᵢxᵢ / Σ wᵢ and
 * zᵢ = wᵢ (xᵢ − x̄) / Σ wᵢ (zero for rows not used).
 */
export function meanInfluence(
  weights: Float64Array,
  x: Float64Array,
  used: Uint8Array,
): { estimate: number; z: Float64Array; sumWeights: number } {
  const n = x.length;
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < n; i++) {
    if (!used[i]) continue;
    const w = weights[i]!;
    sw += w;
    swx += w * x[i]!;
  }
  const estimate = swx / sw;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!used[i]) continue;
    z[i] = (weights[i]! * (x[i]! - estimate)) / sw;
  }
  return { estimate, z, sumWeights: sw };
}

/** Per first-stage unit (PSU) sums of w and w·x over the used rows, and the units in order of their first used row. */
export interface UnitSums {
  sw: Float64Array;
  swx: Float64Array;
  touched: Int32Array;
  /** Σw and Σwx over all used rows, summed in row order. */
  sumWeights: number;
  sumWx: number;
}

/** {@link UnitSums} in one pass over the rows. */
export function unitSums(design: SurveyDesign, x: Float64Array, used: Uint8Array): UnitSums {
  const stage = design.stages[0]!;
  const cluster = stage.cluster;
  const weights = design.weights;
  const sw = new Float64Array(stage.nClusters);
  const swx = new Float64Array(stage.nClusters);
  const seen = new Uint8Array(stage.nClusters);
  const touched: number[] = [];
  let sumWeights = 0;
  let sumWx = 0;
  for (let i = 0; i < used.length; i++) {
    if (!used[i]) continue;
    const c = cluster[i]!;
    if (seen[c] === 0) {
      seen[c] = 1;
      touched.push(c);
    }
    const w = weights[i]!;
    const wx = w * x[i]!;
    sw[c] = sw[c]! + w;
    swx[c] = swx[c]! + wx;
    sumWeights += w;
    sumWx += wx;
  }
  return { sw, swx, touched: Int32Array.from(touched), sumWeights, sumWx };
}

/**
 * Design-based mean, R's `svymean(~x, design, na.rm, deff = TRUE)` (on `subset(design, domain)`).
 *
 *   x̄ = Σ wᵢxᵢ / Σ wᵢ,   V(x̄) = svyrecvar(zᵢ = wᵢ(xᵢ − x̄)/Σ wᵢ)   (see {@link designVariance}),
 *   deff = V(x̄) / (s²_w · (N̂ − n)/(N̂ n)), with N̂ = Σ wᵢ, n the rows used and s²_w R's `svyvar`
 *   (n/(n−1) · Σ wᵢ(xᵢ − x̄)²/Σ wᵢ); `deff: 'replace'` uses s²_w / n. NaN when N̂ < n, as R.
 * CI: x̄ ± t(1−α/2; df) · se with df = degf of the domain (see {@link EstimateResult}).
 *
 * @param x one value per row, NaN = missing
 * @example svymean(design, numericColumn(table, 'api00')).estimate // 662.287… on apistrat
 */
export function svymean(design: SurveyDesign, x: Float64Array, options: MeanOptions = {}): EstimateResult {
  const df = domainDf(design, options.domain);
  const { used, n, blocked } = usedRows(design, [x], options);
  if (blocked || n === 0) return naResult(n, df);
  let estimate: number;
  let sumWeights: number;
  let variance: number;
  if (unitTotalsSuffice(design)) {
    // The influence values wᵢ(xᵢ − x̄)/Σw summed per PSU straight from the PSU's Σw and Σwx.
    const sums = unitSums(design, x, used);
    sumWeights = sums.sumWeights;
    estimate = sums.sumWx / sumWeights;
    const totals = new Float64Array(sums.sw.length);
    for (let t = 0; t < sums.touched.length; t++) {
      const c = sums.touched[t]!;
      totals[c] = (sums.swx[c]! - estimate * sums.sw[c]!) / sumWeights;
    }
    variance = designVarianceOfUnitTotals(design, 1, totals, sums.touched)[0]!;
  } else {
    const influence = meanInfluence(design.weights, x, used);
    estimate = influence.estimate;
    sumWeights = influence.sumWeights;
    variance = designVariance(design, [influence.z], { present: used })[0]!;
  }
  const se = Math.sqrt(variance);
  const s2 = weightedVariance(x, design.weights, used);
  let vsrs: number;
  if (options.deff === 'replace') vsrs = s2 / n;
  else vsrs = sumWeights < n ? Number.NaN : (s2 * (sumWeights - n)) / (sumWeights * n);
  const t = tCritical(options.level ?? 0.95, df);
  return { estimate, se, variance, ciLow: estimate - t * se, ciHigh: estimate + t * se, df, deff: variance / vsrs, n };
}

/** Several means with their full covariance (R's `vcov(svymean(~x1 + x2 + …))`). */
export interface MeansWithCovariance {
  estimates: Float64Array;
  /** p×p covariance matrix, row-major. */
  covariance: Float64Array;
  /** Rows used: in the domain with every variable present (R's `na.rm` drops a row missing any). */
  n: number;
  df: number;
  /** Influence values, one column per variable (zero outside the used rows). */
  influence: Float64Array[];
}

/**
 * Means of several variables with their joint covariance, R's `svymean(~x1 + x2 + …, design, na.rm)`:
 * the same formula as {@link svymean} per column, with V = svyrecvar of the p influence columns.
 * With a missing value in the domain and no `naRm`, every number is NaN.
 */
export function meanWithCovariance(design: SurveyDesign, xs: readonly Float64Array[], options: EstimateOptions = {}): MeansWithCovariance {
  const df = domainDf(design, options.domain);
  const p = xs.length;
  const { used, n, blocked } = usedRows(design, xs, options);
  if (blocked || n === 0) {
    return { estimates: new Float64Array(p).fill(Number.NaN), covariance: new Float64Array(p * p).fill(Number.NaN), n, df, influence: [] };
  }
  const estimates = new Float64Array(p);
  const influence = xs.map((x, k) => {
    const r = meanInfluence(design.weights, x, used);
    estimates[k] = r.estimate;
    return r.z;
  });
  const covariance = designVariance(design, influence, { present: used });
  return { estimates, covariance, n, df, influence };
}
