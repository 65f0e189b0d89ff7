import { accumulationOf } from '../design/accumulation.js';
import { designVariance } from '../design/variance.js';
import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import { meanPerUnit } from './meanTotalPerUnit.js';
import { meanReplicates } from './meanReplicates.js';
import { estimateResult, naResult, type EstimateOptions, type EstimateResult, type MeanOptions } from './result.js';
import { usedRows } from './usedRows.js';
import { weightedVariance } from './weightedVariance.js';

/**
 * Weighted mean and its influence values over the used rows: x̄ = Σ wᵢxᵢ / Σ wᵢ and
 * zᵢ = wᵢ (xᵢ − x̄) / Σ wᵢ (zero for rows not used).
 */
export function meanInfluence(weights: Float64Array, x: Float64Array, used: Uint8Array): { estimate: number; z: Float64Array; sumWeights: number } {
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

/**
 * Design-based mean, R's `svymean(~x, design, na.rm, deff = TRUE)` (on `subset(design, domain)`).
 *
 *   x̄ = Σ wᵢxᵢ / Σ wᵢ,   V(x̄) = svyrecvar(zᵢ = wᵢ(xᵢ − x̄)/Σ wᵢ)   (see {@link designVariance}),
 *   deff = V(x̄) / (s²_w · (N̂ − n)/(N̂ n)), with N̂ = Σ wᵢ, n the rows used and s²_w R's `svyvar`
 *   (n/(n−1) · Σ wᵢ(xᵢ − x̄)²/Σ wᵢ); `deff: 'replace'` uses s²_w / n. NaN when N̂ < n, as R.
 * CI: x̄ ± t(1−α/2; df) · se with df = degf of the domain (see {@link EstimateResult}).
 * On a replicate design, `svymean.svyrep.design`: V(x̄) is `svrVar` of the replicate means.
 *
 * @param x one value per row, NaN = missing
 * @example svymean(design, numericColumn(table, 'api00')).estimate // 662.287… on apistrat
 */
export function svymean(design: SurveyDesign, x: Float64Array, options: MeanOptions = {}): EstimateResult {
  const accumulation = accumulationOf(design);
  if (accumulation === 'replicates') return meanReplicates(design, x, options);
  return accumulation === 'perUnit' ? meanPerUnit(design, x, options) : meanPerRow(design, x, options);
}

/** {@link svymean}'s per-row kernel: influence values per row, for any design (see `accumulationOf`). */
export function meanPerRow(design: SurveyDesign, x: Float64Array, options: MeanOptions = {}): EstimateResult {
  const df = domainDf(design, options.domain);
  const { used, n, blocked } = usedRows(design, [x], options);
  if (blocked || n === 0) return naResult(n, df);
  const { estimate, z, sumWeights } = meanInfluence(design.weights, x, used);
  const variance = designVariance(design, [z], { present: used })[0]!;
  return estimateResult('mean', estimate, variance, weightedVariance(x, design.weights, used), sumWeights, n, df, options);
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
