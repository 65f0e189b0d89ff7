import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { accumulationOf } from '../design/accumulation.js';
import { designVariance, UnitTotals } from '../design/variance.js';
import { domainRows } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import type { EstimateOptions } from './result.js';
import { qt, tCritical } from './tDistribution.js';
import { usedRows } from './usedRows.js';
import { svymean } from './mean.js';
import { logitVarianceReplicates } from './proportionReplicates.js';
import { GLM_FAMILIES } from '../inference/glmFamily.js';

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

/** R's `quasibinomial()` logit link, variance guards and deviance, as `svyglm` uses them. */
const logit = GLM_FAMILIES.quasibinomial;

/** R's binomial starting fit of one row: η₀ from mustart = (w y + 0.5)/(w + 1), and its working weight. */
function firstStep(y: number, pw: number): { e: number; mu: number; me: number; w2: number } {
  const e = logit.linkfun(logit.mustart(y, pw));
  const mu = logit.linkinv(e);
  const me = logit.muEta(e);
  return { e, mu, me, w2: (pw * me * me) / (mu * (1 - mu)) };
}

/**
 * Intercept-only quasibinomial IRLS exactly as R's `glm.fit` (starting values, convergence rule
 * |dev − devₒₗ𝒹|/(|dev| + 0.1) < 1e-8, at most 25 iterations), over the used rows with prior weights
 * wᵢ / meanWeight. Returns the coefficient, and each used row's working weight of the last iteration
 * with their sum, from which R's `svy.varcoef` influence values follow (see {@link logitInfluence}).
 *
 * After the first iteration η is the same for every row, so each later iteration and its deviance
 * need only Σ pw, Σ pw·y and (for a 0/1 response) the prior weight of each outcome: one pass over the
 * rows in all (the sums in row order, as R's; the rounding differs from R's row-by-row sums only in
 * the last digits).
 */
function logitIntercept(y: Float64Array, weights: Float64Array, used: Uint8Array, meanWeight: number): { eta: number; firstIteration: boolean; sumW2: number } {
  const n = y.length;
  // Iteration 1 starts from R's binomial mustart, which differs by row.
  let devold = 0;
  let swz = 0;
  let sw = 0;
  let sumPrior = 0;
  let sumPriorY = 0;
  let priorOnes = 0;
  let priorZeros = 0;
  let binary = true;
  // Rows of a stratum or PSU share their weight: the first step (three logs and exps) is redone only
  // when the weight or the response changes from the row before.
  let first = firstStep(0, 1);
  let firstPw = Number.NaN;
  let firstY = Number.NaN;
  for (let i = 0; i < n; i++) {
    if (!used[i]) continue;
    const pw = weights[i]! / meanWeight;
    const yi = y[i]!;
    if (pw !== firstPw || yi !== firstY) {
      first = firstStep(yi, pw);
      firstPw = pw;
      firstY = yi;
    }
    devold += logit.devResid(yi, first.mu, pw);
    swz += first.w2 * (first.e + (yi - first.mu) / first.me);
    sw += first.w2;
    sumPrior += pw;
    sumPriorY += pw * yi;
    if (yi === 1) priorOnes += pw;
    else if (yi === 0) priorZeros += pw;
    else binary = false;
  }
  const deviance = (mu: number): number => {
    // A 0/1 response: each outcome's deviance once, times its prior weight (2 w = 2 · w exactly).
    if (binary) return logit.devResid(1, mu, priorOnes) + logit.devResid(0, mu, priorZeros);
    let dev = 0;
    for (let i = 0; i < n; i++) {
      if (!used[i]) continue;
      dev += logit.devResid(y[i]!, mu, weights[i]! / meanWeight);
    }
    return dev;
  };
  const sumFirst = sw;
  let eta = swz / sw;
  let lastIteration = 1;
  let dev = deviance(logit.linkinv(eta));
  // Later iterations: working weights pw · c, working response η + (y − μ)/μ'(η).
  for (let iter = 2; iter <= 25 && !(Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < 1e-8); iter++) {
    devold = dev;
    const mu = logit.linkinv(eta);
    const me = logit.muEta(eta);
    const c = (me * me) / (mu * (1 - mu));
    swz = c * (eta * sumPrior + (sumPriorY - mu * sumPrior) / me);
    sw = c * sumPrior;
    eta = swz / sw;
    lastIteration = iter;
    dev = deviance(logit.linkinv(eta));
  }
  // svy.varcoef uses the last iteration's working weights: the first step's, or pw (the constant cancels).
  return { eta, firstIteration: lastIteration === 1, sumW2: lastIteration === 1 ? sumFirst : sumPrior };
}

/** The fitted intercept: η̂, μ = expit(η̂), μ'(η̂), and what the influence values need of the last iteration. */
interface LogitFit {
  eta: number;
  firstIteration: boolean;
  sumW2: number;
  mu: number;
  me: number;
}

/** Row i's influence on η̂: working residual × working weight / Σ working weights (R's estfun · (X'WX)⁻¹). */
function logitInfluence(fit: LogitFit, y: number, pw: number): number {
  const w2 = fit.firstIteration ? firstStep(y, pw).w2 : pw;
  return (((y - fit.mu) / fit.me) * w2) / fit.sumW2;
}

/**
 * Proportion with a confidence interval, R's `svyciprop(~y, subset(design, domain), method, level)`,
 * with df = `degf(design)` of the domain:
 * - `logit` (default): the CI of the intercept of `svyglm(y ~ 1, family = quasibinomial)`, back-transformed:
 *   logit.linkinv(η̂ ± t(1−α/2; df) · se(η̂)), η̂ and se(η̂) from R's IRLS and sandwich variance;
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
  const meanWeight = sum / count;
  const intercept = logitIntercept(y, w, used, meanWeight);
  const fit = { ...intercept, mu: logit.linkinv(intercept.eta), me: logit.muEta(intercept.eta) };
  const accumulation = accumulationOf(design);
  const vEta =
    accumulation === 'replicates'
      ? logitVarianceReplicates(design, y, used, fit.eta)
      : (accumulation === 'perUnit' ? logitVariancePerUnit : logitVariancePerRow)(design, fit, y, used, meanWeight);
  const t = df > 0 ? tCritical(level, df) : Number.NaN;
  const half = t * Math.sqrt(vEta);
  return { estimate: logit.linkinv(fit.eta), ciLow: logit.linkinv(fit.eta - half), ciHigh: logit.linkinv(fit.eta + half), ...base };
}

/** The logit intercept's variance from its influence values per row (see `accumulationOf`). */
function logitVariancePerRow(design: SurveyDesign, fit: LogitFit, y: Float64Array, used: Uint8Array, meanWeight: number): number {
  const w = design.weights;
  const z = new Float64Array(design.nrow);
  for (let i = 0; i < design.nrow; i++) if (used[i]) z[i] = logitInfluence(fit, y[i]!, w[i]! / meanWeight);
  return designVariance(design, [z], { present: used })[0]!;
}

/** The logit intercept's variance from its influence values summed per PSU (see `accumulationOf`). */
function logitVariancePerUnit(design: SurveyDesign, fit: LogitFit, y: Float64Array, used: Uint8Array, meanWeight: number): number {
  const w = design.weights;
  const units = new UnitTotals(design, 1);
  for (let i = 0; i < design.nrow; i++) {
    if (!used[i]) continue;
    const c = units.unitOf(i);
    units.totals[c] = units.totals[c]! + logitInfluence(fit, y[i]!, w[i]! / meanWeight);
  }
  return units.variance()[0]!;
}
