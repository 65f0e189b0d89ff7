import { replicateTotals } from '../design/replicates/replicateTotals.js';
import { replicateVariance } from '../design/replicates/replicateVariance.js';
import type { SurveyDesign } from '../design/types.js';

/** A ratio's estimate and variances on a replicate design (see {@link ratioReplicates}). */
export interface ReplicateRatio {
  estimate: number;
  /** svrVar of the replicate ratios. */
  variance: number;
  /** svrVar of the replicate totals of the residuals (y − R̂ x)/Σ w x, for the design effect. */
  residualVariance: number;
}

/**
 * A ratio of totals on a replicate-weight design, R's `svyratio.svyrep.design`: R̂ = Σ w y / Σ w x with the
 * full-sample weights, each replicate's Σ w_r y / Σ w_r x, and R's `svrVar` of those. The design effect R
 * means (its own call fails on replicate designs in survey 4.1) is `deff(svytotal(y − R̂ x))`: the replicate
 * variance of the residuals' total over the SRS one, so the residual total's replicate variance comes too.
 *
 * @param used rows in the estimate (domain, both values present)
 */
export function ratioReplicates(design: SurveyDesign, numerator: Float64Array, denominator: Float64Array, used: Uint8Array): ReplicateRatio {
  const replicates = design.replicates!;
  const n = design.nrow;
  const w = design.weights;
  const y = new Float64Array(n);
  const x = new Float64Array(n);
  let sy = 0;
  let sx = 0;
  for (let i = 0; i < n; i++) {
    if (!used[i]) continue;
    y[i] = numerator[i]!;
    x[i] = denominator[i]!;
    sy += w[i]! * y[i]!;
    sx += w[i]! * x[i]!;
  }
  const estimate = sy / sx;
  const residual = Float64Array.from(y, (yi, i) => (used[i] ? (yi - estimate * x[i]!) / sx : 0));
  const totals = replicateTotals(replicates, w, [y, x, residual]);
  const R = replicates.count;
  const ratios = new Float64Array(R);
  const residualTotals = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    ratios[r] = totals[3 * r]! / totals[3 * r + 1]!;
    residualTotals[r] = totals[3 * r + 2]!;
  }
  let fullResidual = 0;
  for (let i = 0; i < n; i++) fullResidual += w[i]! * residual[i]!;
  return {
    estimate,
    variance: replicateVariance(ratios, 1, replicates, [estimate]).covariance[0]!,
    residualVariance: replicateVariance(residualTotals, 1, replicates, [fullResidual]).covariance[0]!,
  };
}
