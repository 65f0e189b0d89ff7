import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';

// Tail probabilities of the F and chi-square tests, computed directly in the tail (never as
// `1 - cdf`) so that tiny p-values keep full relative precision, as R's `lower.tail = FALSE` does.
// Student's t lives in estimate/tDistribution.ts.

/**
 * Upper tail of the F distribution, R's `pf(x, df1, df2, lower.tail = FALSE)`:
 * `P(F > x) = I_{df2 / (df2 + df1 x)}(df2 / 2, df1 / 2)` (regularized incomplete beta).
 */
export function fUpperTail(x: number, df1: number, df2: number): number {
  if (Number.isNaN(x) || !(df1 > 0) || !(df2 > 0)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return betainc(df2 / (df2 + df1 * x), df2 / 2, df1 / 2, true, false);
}

/**
 * Upper tail of the chi-square distribution, R's `pchisq(x, df, lower.tail = FALSE)`:
 * `P(X > x) = Q(df / 2, x / 2)` (regularized upper incomplete gamma).
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}
