import { tCritical } from './tDistribution.js';

/** Options every design-based estimator takes. */
export interface EstimateOptions {
  /** Domain (subpopulation) mask, 1 = in. Rows outside keep their place in the design (zero influence). */
  domain?: Uint8Array;
  /**
   * R's `na.rm = TRUE`: estimate over the domain's rows where the variable is present. Without it, a
   * missing value in the domain makes the estimate NaN (R's NA; JSON.stringify writes null).
   */
  naRm?: boolean;
  /** Confidence level of `ciLow`/`ciHigh`; default 0.95. */
  level?: number;
}

/** Options of `svymean` and `svytotal`. */
export interface MeanOptions extends EstimateOptions {
  /** `'replace'` = R's `deff = "replace"` (SRS with replacement); default R's `deff = TRUE`. */
  deff?: 'default' | 'replace';
}

/**
 * One design-based estimate. `NaN` where R gives `NA` (JSON.stringify writes `null`).
 * `ciLow`/`ciHigh` are R's `confint(stat, df = degf(design))`: estimate ± t(1 − α/2; df) · se, with the
 * design degrees of freedom of the domain (PSUs − strata among the domain's rows) — R's own `confint`
 * default is the normal quantile (df = Inf); we use t, as `svyciprop` and `svyttest` do.
 */
export interface EstimateResult {
  estimate: number;
  se: number;
  variance: number;
  ciLow: number;
  ciHigh: number;
  /** Design degrees of freedom of the domain, R's `degf(subset(design, domain))`. */
  df: number;
  /** Design effect as R's `deff = TRUE` (variance over the SRS-without-replacement variance). */
  deff: number;
  /** Unweighted number of rows that entered the estimate (domain, value present, weight > 0). */
  n: number;
}

/** A result with every number undefined (R's NA). */
export function naResult(n: number, df: number): EstimateResult {
  return { estimate: Number.NaN, se: Number.NaN, variance: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN, df, deff: Number.NaN, n };
}

/**
 * A mean's or total's result from its variance: the t interval on `df` degrees of freedom and R's
 * design effect, the variance over the SRS variance from the rows' spread `s2` (R's `svyvar`), N̂ = Σw
 * and the n rows used — without replacement (R's `deff = TRUE`) or with (`deff = "replace"`).
 */
export function estimateResult(
  kind: 'mean' | 'total',
  estimate: number,
  variance: number,
  s2: number,
  N: number,
  n: number,
  df: number,
  options: MeanOptions,
): EstimateResult {
  const replace = options.deff === 'replace';
  let vsrs: number;
  if (kind === 'mean') vsrs = replace ? s2 / n : N < n ? Number.NaN : (s2 * (N - n)) / (N * n);
  else vsrs = replace ? (s2 * N * N) / n : (s2 * N * N * (N - n)) / (N * n);
  const se = Math.sqrt(variance);
  const t = tCritical(options.level ?? 0.95, df);
  return { estimate, se, variance, ciLow: estimate - t * se, ciHigh: estimate + t * se, df, deff: variance / vsrs, n };
}
