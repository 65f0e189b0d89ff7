import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { LeakriskError } from '../errors.js';
import type { SurveyDesign } from '../design/types.js';

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

/** Rows that enter an estimate, and whether a missing value blocks it. */
export interface UsedRows {
  /** 1 = row enters (in domain, all values present, weight > 0). */
  used: Uint8Array;
  n: number;
  /** A value is missing in the domain and `naRm` is off: R returns NA. */
  blocked: boolean;
}

export function checkDomain(design: SurveyDesign, domain: Uint8Array | undefined): void {
  if (domain !== undefined && domain.length !== design.nrow) {
    throw new LeakriskError(`internal: domain mask of ${domain.length} rows for a design of ${design.nrow}`, { file: design.file }, 'report this as a bug');
  }
}

/** The rows of the domain where every variable is present (R: the subset after `na.rm`). */
export function usedRows(design: SurveyDesign, xs: readonly Float64Array[], options: EstimateOptions): UsedRows {
  const { domain } = options;
  checkDomain(design, domain);
  const n = design.nrow;
  const used = new Uint8Array(n);
  const w = design.weights;
  let count = 0;
  let blocked = false;
  for (let i = 0; i < n; i++) {
    if (domain !== undefined && !domain[i]) continue;
    let present = true;
    for (let k = 0; k < xs.length; k++) {
      if (Number.isNaN(xs[k]![i]!)) {
        present = false;
        break;
      }
    }
    if (!present) {
      if (!options.naRm && w[i] !== 0) blocked = true;
      continue;
    }
    if (w[i] === 0) continue;
    used[i] = 1;
    count++;
  }
  return { used, n: count, blocked };
}

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

/** A result with every number undefined (R's NA). */
export function naResult(n: number, df: number): EstimateResult {
  return { estimate: Number.NaN, se: Number.NaN, variance: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN, df, deff: Number.NaN, n };
}

/**
 * R's `svyvar` of one variable over the used rows, as the design-effect denominators use it:
 * n/(n − 1) · Σ wᵢ (xᵢ − x̄_w)² / Σ wᵢ, with n the rows of non-zero weight.
 */
export function weightedVariance(x: Float64Array, weights: Float64Array, used: Uint8Array): number {
  let sw = 0;
  let swx = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    if (!used[i]) continue;
    sw += weights[i]!;
    swx += weights[i]! * x[i]!;
    n++;
  }
  if (n < 2) return Number.NaN;
  const mean = swx / sw;
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    if (!used[i]) continue;
    const d = x[i]! - mean;
    ss += weights[i]! * d * d;
  }
  return ((ss / sw) * n) / (n - 1);
}
