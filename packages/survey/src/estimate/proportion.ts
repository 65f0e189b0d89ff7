import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { designVariance } from '../design/variance.js';
import { domainRows } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import { qt, tCritical, usedRows, type EstimateOptions } from './common.js';
import { svymean } from './mean.js';

/** CI methods of R's `svyciprop`. */
export type ProportionCi = 'logit' | 'beta' | 'mean';

export interface ProportionOptions extends EstimateOptions {
  /** Default `logit`, as R. */
  method?: ProportionCi;
}

export interface ProportionResult {
  estimate: number;
  /** SE of the proportion, R's `SE(svyciprop(…))` = the SE of `svymean`. */
  se: number;
  ciLow: number;
  ciHigh: number;
  /** Degrees of freedom of the CI: R's `degf(design)` of the domain. */
  df: number;
  deff: number;
  n: number;
}

const THRESH = 30;
const EPS = 2.220446049250313e-16;

/** R's logit `linkinv` (C `logit_linkinv`, with its ±30 thresholds). */
function expit(eta: number): number {
  const t = eta < -THRESH ? EPS : eta > THRESH ? 1 / EPS : Math.exp(eta);
  return t / (1 + t);
}

/** R's logit `mu.eta`. */
function muEta(eta: number): number {
  const opexp = 1 + Math.exp(eta);
  return eta > THRESH || eta < -THRESH ? EPS : Math.exp(eta) / (opexp * opexp);
}

function yLogY(y: number, mu: number): number {
  return y !== 0 ? y * Math.log(y / mu) : 0;
}

/**
 * Intercept-only quasibinomial IRLS exactly as R's `glm.fit` (starting values, convergence rule
 * |dev − devₒₗ𝒹|/(|dev| + 0.1) < 1e-8, at most 25 iterations). Returns the coefficient and the
 * influence values of R's `svy.varcoef` for it.
 */
function logitIntercept(
  y: Float64Array,
  weights: Float64Array,
  used: Uint8Array,
  meanWeight: number,
): { eta: number; z: Float64Array } {
  const n = y.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (used[i]) m++;
  const rows = new Int32Array(m);
  const pw = new Float64Array(m);
  const yy = new Float64Array(m);
  for (let i = 0, j = 0; i < n; i++) {
    if (!used[i]) continue;
    rows[j] = i;
    pw[j] = weights[i]! / meanWeight;
    yy[j] = y[i]!;
    j++;
  }
  const deviance = (mu: number): number => {
    let dev = 0;
    for (let j = 0; j < m; j++) dev += 2 * pw[j]! * (yLogY(yy[j]!, mu) + yLogY(1 - yy[j]!, 1 - mu));
    return dev;
  };
  // Iteration 1 starts from R's binomial mustart = (w y + 0.5)/(w + 1), which differs by row.
  let devold = 0;
  let swz = 0;
  let sw = 0;
  const w2first = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const mu0 = (pw[j]! * yy[j]! + 0.5) / (pw[j]! + 1);
    const e = Math.log(mu0 / (1 - mu0));
    const mu = expit(e);
    devold += 2 * pw[j]! * (yLogY(yy[j]!, mu) + yLogY(1 - yy[j]!, 1 - mu));
    const me = muEta(e);
    w2first[j] = (pw[j]! * me * me) / (mu * (1 - mu));
    swz += w2first[j]! * (e + (yy[j]! - mu) / me);
    sw += w2first[j]!;
  }
  let eta = swz / sw;
  let lastIteration = 1;
  let dev = deviance(expit(eta));
  // Later iterations: η is the same for every row, so the working weights are pw · constant.
  for (let iter = 2; iter <= 25 && !(Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < 1e-8); iter++) {
    devold = dev;
    const mu = expit(eta);
    const me = muEta(eta);
    const c = (me * me) / (mu * (1 - mu));
    swz = 0;
    sw = 0;
    for (let j = 0; j < m; j++) {
      const w2 = pw[j]! * c;
      swz += w2 * (eta + (yy[j]! - mu) / me);
      sw += w2;
    }
    eta = swz / sw;
    lastIteration = iter;
    dev = deviance(expit(eta));
  }
  // svy.varcoef: estfun = working residual × working weight (of the last iteration), times (X'WX)⁻¹.
  const mu = expit(eta);
  const me = muEta(eta);
  let sw2 = 0;
  for (let j = 0; j < m; j++) sw2 += lastIteration === 1 ? w2first[j]! : pw[j]!;
  const z = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    const w2 = lastIteration === 1 ? w2first[j]! : pw[j]!;
    z[rows[j]!] = (((yy[j]! - mu) / me) * w2) / sw2;
  }
  return { eta, z };
}

/**
 * Proportion with a confidence interval, R's `svyciprop(~y, subset(design, domain), method, level)`,
 * with df = `degf(design)` of the domain:
 * - `logit` (default): the CI of the intercept of `svyglm(y ~ 1, family = quasibinomial)`, back-transformed:
 *   expit(η̂ ± t(1−α/2; df) · se(η̂)), η̂ and se(η̂) from R's IRLS and sandwich variance;
 * - `mean`: p̂ ± t(1−α/2; df) · se(p̂) (Wald on the proportion);
 * - `beta` (Korn–Graubard): effective size n* = p̂(1−p̂)/V(p̂) · (t(α/2; nrow−1) / t(α/2; df))², then
 *   [qbeta(α/2, n*p̂, n*(1−p̂)+1), qbeta(1−α/2, n*p̂+1, n*(1−p̂))], nrow = rows of the domain.
 * The estimate is the weighted mean of the 0/1 indicator (for `logit`, expit of the fitted intercept).
 * With `naRm`, rows missing y leave the domain (R passes `na.rm` to `svymean`; `svyglm` drops them).
 *
 * @param y indicator: 1 = has the property, 0 = not, NaN = missing
 */
export function svyciprop(design: SurveyDesign, y: Float64Array, options: ProportionOptions = {}): ProportionResult {
  const method = options.method ?? 'logit';
  const level = options.level ?? 0.95;
  const alpha = 1 - level;
  const m = svymean(design, y, options);
  const df = m.df;
  const base = { se: m.se, df, deff: m.deff, n: m.n };
  if (Number.isNaN(m.estimate)) return { estimate: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN, ...base };
  const p = m.estimate;
  if (method === 'mean') {
    const t = tCritical(level, df);
    return { estimate: p, ciLow: p - t * m.se, ciHigh: p + t * m.se, ...base };
  }
  if (method === 'beta') {
    const nrow = design.calibration.length > 0 ? design.nrow : domainRows(design, options.domain);
    let nEff = (p * (1 - p)) / m.variance;
    const ratio = qt(alpha / 2, nrow - 1) / qt(alpha / 2, df);
    nEff *= ratio * ratio;
    const ciLow = betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1);
    const ciHigh = betaQuantile(1 - alpha / 2, nEff * p + 1, nEff * (1 - p));
    return { estimate: p, ciLow, ciHigh, ...base };
  }
  // logit: R fits svyglm on the domain's rows (pweights scaled by their mean over the domain's rows).
  const { used } = usedRows(design, [y], { ...options, naRm: true });
  let sum = 0;
  let count = 0;
  const domain = options.domain;
  const w = design.weights;
  for (let i = 0; i < design.nrow; i++) {
    if (design.calibration.length === 0 && domain !== undefined && !domain[i]) continue;
    sum += domain !== undefined && !domain[i] ? 0 : w[i]!;
    count++;
  }
  const fit = logitIntercept(y, w, used, sum / count);
  const vEta = designVariance(design, [fit.z], { present: used })[0]!;
  const t = df > 0 ? tCritical(level, df) : Number.NaN;
  const half = t * Math.sqrt(vEta);
  return { estimate: expit(fit.eta), ciLow: expit(fit.eta - half), ciHigh: expit(fit.eta + half), ...base };
}
