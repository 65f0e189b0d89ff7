import type { SurveyDesign } from '../design/types.js';
import { svyciprop, type ProportionOptions } from './proportion.js';
import type { ByFactor } from './by.js';

export interface DistributionRow {
  level: string;
  /** Share of the level among the rows used (weighted). */
  estimate: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  df: number;
  deff: number;
  /** Rows used: the domain's rows with the variable present (all levels together). */
  n: number;
  /** Rows at this level (unweighted). */
  count: number;
}

/**
 * Every level of a categorical variable with its proportion, R's
 * `svymean(~factor(x), subset(design, domain), na.rm, deff = TRUE)` per level (estimate, se, deff),
 * and the CI of `svyciprop(~I(x == level), …, method)` (default `logit`, t with the domain's df).
 */
export function distribution(design: SurveyDesign, factor: ByFactor, options: ProportionOptions = {}): DistributionRow[] {
  const n = design.nrow;
  const counts = new Int32Array(factor.levels.length);
  const domain = options.domain;
  for (let i = 0; i < n; i++) {
    const c = factor.codes[i]!;
    if (c >= 0 && (domain === undefined || domain[i]) && design.weights[i] !== 0) counts[c]!++;
  }
  const y = new Float64Array(n);
  return factor.levels.map((level, k) => {
    for (let i = 0; i < n; i++) {
      const c = factor.codes[i]!;
      y[i] = c < 0 ? Number.NaN : c === k ? 1 : 0;
    }
    const r = svyciprop(design, y, options);
    return { level, estimate: r.estimate, se: r.se, ciLow: r.ciLow, ciHigh: r.ciHigh, df: r.df, deff: r.deff, n: r.n, count: counts[k]! };
  });
}
