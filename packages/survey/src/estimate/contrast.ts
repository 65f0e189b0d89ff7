import { LeakriskError, valuesInMessage } from '../errors.js';
import { designVariance } from '../design/variance.js';
import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import type { EstimateOptions } from './result.js';
import { tCritical, twoSidedP } from './tDistribution.js';
import { usedRows } from './usedRows.js';
import { meanInfluence } from './mean.js';
import { andDomain, type ByFactor } from './by.js';
import { accumulationOf } from '../design/accumulation.js';
import { contrastVarianceReplicates } from './contrastReplicates.js';

export interface ContrastResult {
  /** Mean of the first level minus mean of the second. */
  estimate: number;
  se: number;
  t: number;
  /** Design degrees of freedom (of `options.domain` when given, else the design's). */
  df: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
  /** The two domain means, first level first. */
  means: [number, number];
  /** Rows used in each domain. */
  n: [number, number];
}

/**
 * Difference between two domain means, R's
 * `svycontrast(svyby(~x, ~f, design, svymean, covmat = TRUE), c(a = 1, b = -1))`:
 *   d = x̄_a − x̄_b,  V(d) = svyrecvar(z_a − z_b) on the full design, where z_a are the influence
 *   values of domain a's mean (wᵢ(xᵢ − x̄_a)/Σ_a w inside a, 0 elsewhere);
 *   t = d / se, two-sided p from t with the design df (PSUs − strata), CI d ± t(1−α/2; df)·se.
 * On a replicate design, `svrVar` of the replicate differences ({@link contrastVarianceReplicates}).
 * A level with no rows gives NaN (an empty domain), not an error; an unknown level is an error.
 */
export function contrastMeans(
  design: SurveyDesign,
  x: Float64Array,
  factor: ByFactor,
  first: string,
  second: string,
  options: EstimateOptions = {},
): ContrastResult {
  const codes = [first, second].map((level) => {
    const k = factor.levels.indexOf(level);
    if (k < 0) {
      throw new LeakriskError(
        `"${level}" is not a level of ${factor.name ?? 'the by variable'} (levels: ${valuesInMessage(factor.levels)})`,
        { file: design.file, column: factor.name },
        'name two levels that occur in the data (or in the codebook)',
      );
    }
    return k;
  });
  const df = domainDf(design, options.domain);
  const parts = codes.map((k) => {
    const mask = new Uint8Array(design.nrow);
    for (let i = 0; i < design.nrow; i++) if (factor.codes[i] === k) mask[i] = 1;
    const domain = andDomain(options.domain, mask);
    const { used, n, blocked } = usedRows(design, [x], { ...options, domain });
    if (blocked || n === 0) return { estimate: Number.NaN, z: undefined, used, n };
    const r = meanInfluence(design.weights, x, used);
    return { estimate: r.estimate, z: r.z, used, n };
  });
  const [a, b] = parts as [(typeof parts)[0], (typeof parts)[0]];
  const estimate = a.estimate - b.estimate;
  let variance = Number.NaN;
  if (a.z !== undefined && b.z !== undefined && accumulationOf(design) === 'replicates') {
    variance = contrastVarianceReplicates(design, x, a.used, b.used, estimate);
  } else if (a.z !== undefined && b.z !== undefined) {
    const diff = new Float64Array(design.nrow);
    for (let i = 0; i < design.nrow; i++) diff[i] = a.z[i]! - b.z[i]!;
    variance = designVariance(design, [diff])[0]!;
  }
  const se = Math.sqrt(variance);
  const t = estimate / se;
  const crit = tCritical(options.level ?? 0.95, df);
  return {
    estimate,
    se,
    t,
    df,
    pValue: twoSidedP(t, df),
    ciLow: estimate - crit * se,
    ciHigh: estimate + crit * se,
    means: [a.estimate, b.estimate],
    n: [a.n, b.n],
  };
}
