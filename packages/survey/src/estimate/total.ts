import { accumulationOf } from '../design/accumulation.js';
import { designVariance } from '../design/variance.js';
import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import type { MeansWithCovariance } from './mean.js';
import { totalPerUnit } from './meanTotalPerUnit.js';
import { totalReplicates } from './meanReplicates.js';
import { estimateResult, naResult, type EstimateOptions, type EstimateResult, type MeanOptions } from './result.js';
import { usedRows } from './usedRows.js';
import { weightedVariance } from './weightedVariance.js';

/**
 * Design-based total, R's `svytotal(~x, design, na.rm, deff = TRUE)` (on `subset(design, domain)`).
 *
 *   T̂ = Σ wᵢxᵢ,   V(T̂) = svyrecvar(zᵢ = wᵢxᵢ),
 *   deff = V(T̂) / (s²_w · N̂² · (N̂ − n)/(N̂ n)), N̂ = Σ wᵢ over the used rows, n their number,
 *   s²_w R's `svyvar`; `deff: 'replace'` uses s²_w · N̂² / n.
 * CI: T̂ ± t(1−α/2; df) · se, df = degf of the domain. On a replicate design, `svytotal.svyrep.design`
 * (`svrVar` of the replicate totals).
 *
 * @param x one value per row, NaN = missing
 * @example svytotal(design, numericColumn(table, 'enroll'), { naRm: true }).estimate // 3687177.5… on apistrat
 */
export function svytotal(design: SurveyDesign, x: Float64Array, options: MeanOptions = {}): EstimateResult {
  const accumulation = accumulationOf(design);
  if (accumulation === 'replicates') return totalReplicates(design, x, options);
  return accumulation === 'perUnit' ? totalPerUnit(design, x, options) : totalPerRow(design, x, options);
}

/** {@link svytotal}'s per-row kernel: influence values per row, for any design (see `accumulationOf`). */
export function totalPerRow(design: SurveyDesign, x: Float64Array, options: MeanOptions = {}): EstimateResult {
  const df = domainDf(design, options.domain);
  const { used, n, blocked } = usedRows(design, [x], options);
  if (blocked) return naResult(n, df);
  const w = design.weights;
  let estimate = 0;
  let N = 0;
  const z = new Float64Array(design.nrow);
  for (let i = 0; i < design.nrow; i++) {
    if (!used[i]) continue;
    z[i] = w[i]! * x[i]!;
    estimate += z[i]!;
    N += w[i]!;
  }
  const variance = n === 0 ? 0 : designVariance(design, [z], { present: used })[0]!;
  return estimateResult('total', estimate, variance, weightedVariance(x, w, used), N, n, df, options);
}

/** Totals of several variables with their joint covariance, R's `svytotal(~x1 + x2 + …, design, na.rm)`. */
export function totalWithCovariance(design: SurveyDesign, xs: readonly Float64Array[], options: EstimateOptions = {}): MeansWithCovariance {
  const df = domainDf(design, options.domain);
  const p = xs.length;
  const { used, n, blocked } = usedRows(design, xs, options);
  if (blocked) {
    return { estimates: new Float64Array(p).fill(Number.NaN), covariance: new Float64Array(p * p).fill(Number.NaN), n, df, influence: [] };
  }
  const w = design.weights;
  const estimates = new Float64Array(p);
  const influence = xs.map((x, k) => {
    const z = new Float64Array(design.nrow);
    let total = 0;
    for (let i = 0; i < design.nrow; i++) {
      if (!used[i]) continue;
      z[i] = w[i]! * x[i]!;
      total += z[i]!;
    }
    estimates[k] = total;
    return z;
  });
  const covariance = n === 0 ? new Float64Array(p * p) : designVariance(design, influence, { present: used });
  return { estimates, covariance, n, df, influence };
}
