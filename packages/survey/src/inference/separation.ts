import type { GlmFamily } from './glmFamily.js';
import { irlsStep, type IrlsFit, type IrlsInput } from './irls.js';

/** What a separation check found: plain-language warnings, and which coefficients are affected. */
export interface SeparationFinding {
  warnings: string[];
  /** 1 for each coefficient whose estimate grows without bound. */
  separated: Uint8Array;
}

/**
 * Fitted values this close to 0 (or 1 for a probability) mark a fit as suspect: a fit stopped by R's
 * deviance rule on a separated model leaves them around 1e-8, while a fit with a finite maximum
 * rarely comes near (it would need |log-odds| > 13.8).
 */
export const NEAR_BOUNDARY = 1e-6;

/** R's `glm.fit` warns when a fitted probability is within `10 * .Machine$double.eps` of 0 or 1. */
const R_BOUNDARY = 10 * 2.220446049250313e-16;

/** Newton steps taken past the converged fit to see which estimates keep growing. */
const EXTRA_STEPS = 3;

/**
 * Estimates that grow without bound: from a converged (or stopped) fit, take a few more Newton steps
 * and return the parameters that keep moving. Where the likelihood has a finite maximum, further steps
 * move nothing (a change of 1e-8 at most); under separation the log-likelihood still rises along a
 * direction to infinity and each step moves the parameters along it by a steady amount (about 1 on the
 * log-odds scale). A parameter counts as moving when its change over the extra steps, times `scale` (the
 * largest |x| of its column, so the change is on the linear predictor's scale), exceeds 0.05.
 *
 * @param theta the fitted parameters
 * @param step one Newton step from given parameters; undefined when it cannot be taken
 */
export function divergingParameters(theta: Float64Array, step: (from: Float64Array) => Float64Array | undefined, scale: Float64Array): number[] {
  let current = theta;
  for (let s = 0; s < EXTRA_STEPS; s++) {
    const next = step(current);
    if (next === undefined || next.some((v) => !Number.isFinite(v))) break;
    current = next;
  }
  const out: number[] = [];
  for (let j = 0; j < theta.length; j++) if (Math.abs(current[j]! - theta[j]!) * scale[j]! > 0.05) out.push(j);
  return out;
}

/**
 * Separation in a quasibinomial or quasipoisson `svyglm` fit, checked as R's `glm.fit` checks it and
 * beyond: R warns that "fitted probabilities numerically 0 or 1 occurred" (for binomial, within
 * 10·.Machine$double.eps; for poisson, "fitted rates numerically 0") and that the "algorithm did not
 * converge" — but it says neither for the quasi families, and a separated fit usually stops by the
 * deviance rule before a fitted value is that close to 0 or 1. So when any fitted value is within
 * {@link NEAR_BOUNDARY} of 0 (or 1), or the fit did not converge, we take further IRLS steps from the
 * fit ({@link divergingParameters}): the terms that keep moving grow without bound. Their estimates,
 * standard errors and p-values mean nothing (the design-based SE even looks small: the separated rows
 * have residuals of nearly 0). Complete separation: every row's fitted value is at its outcome.
 */
export function checkSeparation(input: IrlsInput, fit: IrlsFit, names: readonly string[], counts: Int32Array): SeparationFinding {
  const { x, y, prior, family } = input;
  const p = x.p;
  const separated = new Uint8Array(p);
  const warnings: string[] = [];
  if (family.name === 'gaussian') return { warnings, separated };
  const m = y.length;
  const row = new Float64Array(p);
  const scale = new Float64Array(p);
  let nearBoundary = 0;
  let atBoundary = 0;
  let atOutcome = 0;
  let used = 0;
  for (let k = 0; k < m; k++) {
    if (!(prior[k]! > 0)) continue;
    used++;
    x.fill(k, row);
    let eta = 0;
    for (let j = 0; j < p; j++) {
      eta += row[j]! * fit.beta[j]!;
      scale[j] = Math.max(scale[j]!, Math.abs(row[j]!));
    }
    const mu = family.linkinv(eta);
    if (boundaryDistance(family, mu) < NEAR_BOUNDARY) nearBoundary++;
    if (boundaryDistance(family, mu) < R_BOUNDARY) atBoundary++;
    if (Math.abs(mu - y[k]!) < NEAR_BOUNDARY) atOutcome++;
  }
  const probabilities = family.name === 'quasibinomial';
  if (nearBoundary > 0 || !fit.converged) {
    const moving = divergingParameters(fit.beta, (beta) => irlsStep(input, beta), scale);
    for (const j of moving) separated[j] = 1;
    if (moving.length > 0) {
      const terms = moving.map((j) => `‘${names[j]}’ (n = ${counts[j]})`).join(', ');
      const what = probabilities
        ? `${atOutcome === used ? 'complete' : 'quasi-complete'} separation: every respondent in some group gives the same answer, so the fitted probabilities of ${nearBoundary} respondent${nearBoundary === 1 ? '' : 's'} are 0 or 1`
        : `separation: every respondent in some group has a count of 0, so the fitted means of ${nearBoundary} respondent${nearBoundary === 1 ? '' : 's'} go to 0`;
      warnings.push(
        `${what}, and ${moving.length === 1 ? `the estimate of term ${terms} grows` : `the estimates of terms ${terms} grow`} without bound; ${moving.length === 1 ? 'its estimate, standard error and p-value are' : 'their estimates, standard errors and p-values are'} not meaningful (merge small groups, or drop the term)`,
      );
    }
  }
  if (atBoundary > 0 && !separated.includes(1)) {
    warnings.push(
      probabilities
        ? `fitted probabilities numerically 0 or 1 occurred for ${atBoundary} respondent${atBoundary === 1 ? '' : 's'} (R's glm.fit warning)`
        : `fitted means numerically 0 occurred for ${atBoundary} respondent${atBoundary === 1 ? '' : 's'} (R's glm.fit warning)`,
    );
  }
  if (!fit.converged) warnings.push(`the fit did not converge in ${fit.iterations} iterations (R: "glm.fit: algorithm did not converge")`);
  return { warnings, separated };
}

/** How far a fitted value is from the edge of its range: 0 and 1 for a probability, 0 for a mean. */
function boundaryDistance(family: GlmFamily, mu: number): number {
  return family.name === 'quasibinomial' ? Math.min(mu, 1 - mu) : mu;
}
