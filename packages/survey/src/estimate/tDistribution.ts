import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

// Student's t, the one home of its quantiles and p-values for every estimator and model.

/** R's `qt(p, df)`: the normal quantile when df is infinite, NaN when `df <= 0`. */
export function qt(p: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p, 0, 1);
  if (!(df > 0)) return Number.NaN;
  return tQuantile(p, df);
}

/** Two-sided critical value for a confidence `level`, R's `qt(1 - alpha/2, df)` with alpha = 1 − level. */
export function tCritical(level: number, df: number): number {
  return qt(1 - (1 - level) / 2, df);
}

/**
 * Two-sided p-value of a t statistic, R's `2 * pt(-abs(t), df)`, computed in the tail (never as
 * `1 - cdf`) so tiny p-values keep full relative precision; normal when df is infinite, NaN when
 * `df <= 0` (R's summary.svyglm gives NaN).
 */
export function twoSidedP(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return 2 * normalCdf(-Math.abs(t), 0, 1);
  if (!(df > 0)) return Number.NaN;
  return 2 * tCdf(-Math.abs(t), df);
}
