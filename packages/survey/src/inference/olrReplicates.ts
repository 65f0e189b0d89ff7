import { replicateVariance } from '../design/replicates/replicateVariance.js';
import { replicateWeightsOf } from '../design/replicates/replicateTotals.js';
import type { SurveyDesign } from '../design/types.js';
import { fitProportionalOdds, type OrdinalFit } from './ordinalFit.js';
import type { OrdinalFrame } from './ordinalFrame.js';

/**
 * The covariance of (β, ζ) of a proportional-odds model on a replicate-weight design, R's
 * `svyolr.svyrep.design`: each replicate refits the model with its analysis weights on the rows used,
 * starting from the full-sample estimates, and the covariance is R's `svrVar` of the replicate estimates
 * (centred at the full-sample ones with `mse`). Every fit is taken to its maximum (R's `polr` stops
 * short of it, see `fitProportionalOdds`), and each replicate is refit with the model's link — survey
 * 4.1 refits them as logistic models whatever the link, which makes its probit and cloglog SEs
 * meaningless; for logit the two agree.
 */
export function olrReplicateCovariance(design: SurveyDesign, frame: OrdinalFrame, fit: OrdinalFit): Float64Array {
  const replicates = design.replicates!;
  const d = fit.theta.length;
  const R = replicates.count;
  const thetas = new Float64Array(R * d);
  const column = new Float64Array(design.nrow);
  const weights = new Float64Array(frame.rows.length);
  for (let r = 0; r < R; r++) {
    replicateWeightsOf(replicates, design.weights, r, column);
    for (let k = 0; k < frame.rows.length; k++) weights[k] = column[frame.rows[k]!]!;
    const refit = fitProportionalOdds(frame.model, weights, fit.theta);
    thetas.set(refit.converged ? refit.theta : new Float64Array(d).fill(Number.NaN), r * d);
  }
  return replicateVariance(thetas, d, replicates, fit.theta).covariance;
}
