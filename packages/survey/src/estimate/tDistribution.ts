import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** Two-sided t quantile, R's `qt(1 - alpha/2, df)`; the normal quantile when df is infinite. */
export function tCritical(level: number, df: number): number {
  const p = 1 - (1 - level) / 2;
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p, 0, 1);
  if (!(df > 0)) return Number.NaN;
  return tQuantile(p, df);
}

/** R's `qt(p, df)` (normal when df = Inf). */
export function qt(p: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p, 0, 1);
  if (!(df > 0)) return Number.NaN;
  return tQuantile(p, df);
}

/** Two-sided p-value of a t statistic, R's `2 * pt(-abs(t), df)`. */
export function twoSidedP(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return 2 * normalCdf(-Math.abs(t), 0, 1);
  if (!(df > 0)) return Number.NaN;
  return 2 * tCdf(-Math.abs(t), df);
}
