import { replicateTotals } from '../design/replicates/replicateTotals.js';
import { replicateVariance } from '../design/replicates/replicateVariance.js';
import type { SurveyDesign } from '../design/types.js';

/**
 * The variance of the logit of a proportion on a replicate-weight design, as `svyciprop(method = "logit")`
 * gets it there: R fits `svyglm(y ~ 1, family = quasibinomial)` (`svyglm.svyrep.design`), refitting each
 * replicate with `glm.fit(weights = w_r / Σ w_r, start = η̂)`. With one intercept every IRLS step is
 * η ← η + (p̂_r − μ)/(μ(1 − μ)), μ = expit(η), and the deviance, per unit of weight,
 * −2 (p̂_r log μ + (1 − p̂_r) log(1 − μ)) for a 0/1 response; so each replicate's fit follows R's
 * iterations and stopping rule (|dev − dev_old| / (|dev| + 0.1) < 1e-8, at most 25) from its weighted
 * proportion p̂_r alone. The variance is R's `svrVar` of the replicate intercepts.
 *
 * @param y 1, 0 (NaN = missing) on the rows `used`
 * @param eta the full-sample intercept η̂ (R's glm on the full-sample weights)
 */
export function logitVarianceReplicates(design: SurveyDesign, y: Float64Array, used: Uint8Array, eta: number): number {
  const replicates = design.replicates!;
  const n = design.nrow;
  const ones = new Float64Array(n);
  const yes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!used[i]) continue;
    ones[i] = 1;
    yes[i] = y[i]!;
  }
  const totals = replicateTotals(replicates, design.weights, [yes, ones]);
  const intercepts = Float64Array.from({ length: replicates.count }, (_, r) => logitFrom(totals[2 * r]! / totals[2 * r + 1]!, eta));
  return replicateVariance(intercepts, 1, replicates, [eta]).covariance[0]!;
}

/** R's `glm.fit` of an intercept-only logistic model to a weighted share p, from `start`. */
function logitFrom(p: number, start: number): number {
  if (Number.isNaN(p)) return Number.NaN;
  let eta = start;
  let mu = expit(eta);
  let devold = deviance(p, mu);
  for (let iter = 1; iter <= 25; iter++) {
    eta += (p - mu) / (mu * (1 - mu));
    mu = expit(eta);
    const dev = deviance(p, mu);
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < 1e-8) break;
    devold = dev;
  }
  return eta;
}

function expit(eta: number): number {
  return 1 / (1 + Math.exp(-eta));
}

/** Binomial deviance of a 0/1 response with weights summing to 1 and weighted share p, at μ. */
function deviance(p: number, mu: number): number {
  return -2 * ((p > 0 ? p * Math.log(mu) : 0) + (p < 1 ? (1 - p) * Math.log(1 - mu) : 0));
}
