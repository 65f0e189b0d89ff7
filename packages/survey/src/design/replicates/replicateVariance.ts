import type { ReplicateWeights } from './types.js';

export interface ReplicateVarianceResult {
  /** p×p covariance matrix, row-major. */
  covariance: Float64Array;
  /** Replicates left out because an estimate of theirs was NaN (R drops them with a warning). */
  dropped: number;
}

/**
 * Covariance of p estimates from their replicate estimates, R's `svrVar(thetas, scale, rscales, mse, coef)`
 * (survey 4.1):
 *
 *   V = scale · Σ_r rscales_r (θ̂_r − θ̄)(θ̂_r − θ̄)ᵀ,
 *
 * θ̄ = the full-sample estimate `coef` when `mse`, else the mean of the replicates with rscales_r > 0.
 * Replicates with a NaN estimate are left out first (R's `na.omit`, with their rscales); when all are,
 * every entry is NaN (R stops: "All replicates contained NAs"). No replicates at all (a design sampled
 * completely) gives 0.
 *
 * @param thetas replicate estimates, `thetas[r * p + k]` for replicate r and statistic k
 * @param coef the full-sample estimates (used when `mse`)
 * @example replicateVariance(Float64Array.of(1, 3), 2, { scale: 0.5, rscales: Float64Array.of(1, 1), mse: false }, Float64Array.of(2)).covariance // [1]
 */
export function replicateVariance(
  thetas: Float64Array,
  p: number,
  replicates: Pick<ReplicateWeights, 'scale' | 'rscales' | 'mse'>,
  coef: ArrayLike<number>,
): ReplicateVarianceResult {
  const { scale, rscales, mse } = replicates;
  const R = rscales.length;
  if (thetas.length !== R * p) throw new Error(`replicateVariance: ${thetas.length} replicate estimates for ${R} replicates × ${p} statistics`);
  const kept: number[] = [];
  for (let r = 0; r < R; r++) {
    let ok = true;
    for (let k = 0; k < p; k++) if (Number.isNaN(thetas[r * p + k]!)) ok = false;
    if (ok) kept.push(r);
  }
  const covariance = new Float64Array(p * p);
  const dropped = R - kept.length;
  if (R === 0) return { covariance, dropped };
  if (kept.length === 0) return { covariance: covariance.fill(Number.NaN), dropped };
  const centre = new Float64Array(p);
  if (mse) {
    for (let k = 0; k < p; k++) centre[k] = coef[k]!;
  } else {
    let used = 0;
    for (const r of kept) {
      if (!(rscales[r]! > 0)) continue;
      used++;
      for (let k = 0; k < p; k++) centre[k] = centre[k]! + thetas[r * p + k]!;
    }
    for (let k = 0; k < p; k++) centre[k] = centre[k]! / used;
  }
  const d = new Float64Array(p);
  for (const r of kept) {
    const w = rscales[r]!;
    for (let k = 0; k < p; k++) d[k] = thetas[r * p + k]! - centre[k]!;
    for (let a = 0; a < p; a++) {
      const da = w * d[a]!;
      for (let b = 0; b < p; b++) covariance[a * p + b] = covariance[a * p + b]! + da * d[b]!;
    }
  }
  for (let k = 0; k < p * p; k++) covariance[k] = covariance[k]! * scale;
  return { covariance, dropped };
}
