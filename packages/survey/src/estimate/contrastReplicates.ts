import { replicateTotals } from '../design/replicates/replicateTotals.js';
import { replicateVariance } from '../design/replicates/replicateVariance.js';
import type { SurveyDesign } from '../design/types.js';

/**
 * The variance of a difference of two domain means on a replicate-weight design, R's
 * `svycontrast(svyby(~x, ~f, design, svymean, covmat = TRUE), c(a = 1, b = −1))` there: `svyby` takes
 * the domains' covariance from their replicate means (so domains that share PSUs covary), and a linear
 * contrast of it is R's `svrVar` of each replicate's difference x̄_a,r − x̄_b,r, centred at the
 * full-sample difference with `mse`.
 *
 * @param usedA rows of the first domain with x present (and weight ≠ 0); `usedB` the second's
 */
export function contrastVarianceReplicates(design: SurveyDesign, x: Float64Array, usedA: Uint8Array, usedB: Uint8Array, estimate: number): number {
  const replicates = design.replicates!;
  const n = design.nrow;
  const xa = new Float64Array(n);
  const xb = new Float64Array(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (usedA[i]) {
      xa[i] = x[i]!;
      a[i] = 1;
    }
    if (usedB[i]) {
      xb[i] = x[i]!;
      b[i] = 1;
    }
  }
  const totals = replicateTotals(replicates, design.weights, [xa, a, xb, b]);
  const differences = Float64Array.from({ length: replicates.count }, (_, r) => totals[4 * r]! / totals[4 * r + 1]! - totals[4 * r + 2]! / totals[4 * r + 3]!);
  return replicateVariance(differences, 1, replicates, [estimate]).covariance[0]!;
}
