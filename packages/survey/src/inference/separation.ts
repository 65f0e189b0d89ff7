import type { GlmFamily } from './glmFamily.js';
import { irlsStep, type IrlsFit, type IrlsInput } from './irls.js';

/** What a separation check found: plain-language warnings, and which coefficients are affected. */
export interface SeparationFinding {
  warnings: string[];
  /** 1 for each coefficient whose estimate grows without bound. */
  separated: Uint8Array;
}

/**
 * Fitted values this close to 0 (or 1 for a probability) make a fit suspect. R's deviance rule stops a
 * separated fit once the separated rows change the deviance by less than 1e-8 of it, which on large
 * samples is far from 0 or 1 (about 8e-6 for 4 of 3,000 respondents), so the last IRLS step is watched
 * as well.
 */
export const NEAR_BOUNDARY = 1e-6;

/** R's `glm.fit` warns when a fitted probability is within `10 * .Machine$double.eps` of 0 or 1. */
const R_BOUNDARY = 10 * 2.220446049250313e-16;

/** Newton steps taken past the fit to see which estimates keep growing. */
const EXTRA_STEPS = 3;

/** A change of more than this on the linear predictor's scale counts as moving. */
const MOVING = 0.05;

/**
 * Whether a step moves some parameter: |step_j| times `scale_j` (the largest |x| of its column, so the
 * change is on the linear predictor's scale) above 0.05. After convergence to a finite maximum the
 * last step moves nothing (1e-4 at most); under separation each step moves the estimates by about 1.
 */
export function moves(step: Float64Array | undefined, scale: Float64Array): boolean {
  if (step === undefined) return false;
  for (let j = 0; j < step.length; j++) if (Math.abs(step[j]!) * scale[j]! > MOVING) return true;
  return false;
}

/**
 * Estimates that grow without bound: from a fit, take a few more Newton steps and return the
 * parameters that keep moving ({@link moves}, over all the extra steps) and where they got to. Where
 * the likelihood has a finite maximum, further steps move nothing; under separation the likelihood
 * still rises along a direction to infinity and each step moves the estimates along it by a steady
 * amount (about 1 on the log-odds scale).
 *
 * @param theta the fitted parameters
 * @param step one Newton step from given parameters; undefined when it cannot be taken
 */
export function divergingParameters(
  theta: Float64Array,
  step: (from: Float64Array) => Float64Array | undefined,
  scale: Float64Array,
): { moving: number[]; after: Float64Array } {
  let after = theta;
  for (let s = 0; s < EXTRA_STEPS; s++) {
    const next = step(after);
    if (next === undefined || next.some((v) => !Number.isFinite(v))) break;
    after = next;
  }
  const moving: number[] = [];
  for (let j = 0; j < theta.length; j++) if (Math.abs(after[j]! - theta[j]!) * scale[j]! > MOVING) moving.push(j);
  return { moving, after };
}

/**
 * Separation in a quasibinomial or quasipoisson `svyglm` fit, checked as R's `glm.fit` checks it and
 * beyond: R warns that "fitted probabilities numerically 0 or 1 occurred" (for binomial, within
 * 10·.Machine$double.eps; for poisson, "fitted rates numerically 0") and that the "algorithm did not
 * converge" — but it says neither for the quasi families, and its deviance rule stops a separated fit
 * well before a fitted value is that close to 0 or 1. So when a fitted value is within
 * {@link NEAR_BOUNDARY} of 0 (or 1), the last IRLS step still moved an estimate ({@link moves}), or the
 * fit did not converge, we take further IRLS steps from the fit ({@link divergingParameters}): the
 * terms that keep moving grow without bound, and the respondents whose fitted values keep heading for
 * 0 or 1 are the separated ones. Such estimates, standard errors and p-values mean nothing (the
 * design-based SE even looks small: the separated rows have residuals of nearly 0). Complete
 * separation: every respondent is separated.
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
  const distance = new Float64Array(m);
  let nearBoundary = 0;
  let atBoundary = 0;
  for (let k = 0; k < m; k++) {
    if (!(prior[k]! > 0)) continue;
    x.fill(k, row);
    for (let j = 0; j < p; j++) scale[j] = Math.max(scale[j]!, Math.abs(row[j]!));
    distance[k] = boundaryDistance(family, family.linkinv(linearPredictor(row, fit.beta)));
    if (distance[k]! < NEAR_BOUNDARY) nearBoundary++;
    if (distance[k]! < R_BOUNDARY) atBoundary++;
  }
  const probabilities = family.name === 'quasibinomial';
  if (nearBoundary > 0 || !fit.converged || moves(fit.lastStep, scale)) {
    const { moving, after } = divergingParameters(fit.beta, (beta) => irlsStep(input, beta), scale);
    for (const j of moving) separated[j] = 1;
    if (moving.length > 0) {
      // respondents whose fitted values head for the boundary under the extra steps
      let heading = 0;
      let used = 0;
      for (let k = 0; k < m; k++) {
        if (!(prior[k]! > 0)) continue;
        used++;
        x.fill(k, row);
        const distanceAfter = boundaryDistance(family, family.linkinv(linearPredictor(row, after)));
        if (distanceAfter <= 0.5 * distance[k]! || distanceAfter < R_BOUNDARY) heading++;
      }
      const respondents = `${heading} respondent${heading === 1 ? '' : 's'}`;
      const what = probabilities
        ? `${heading === used ? 'complete' : 'quasi-complete'} separation: every respondent in some group gives the same answer, so the fitted probabilities of ${respondents} go to 0 or 1`
        : `separation: every respondent in some group has a count of 0, so the fitted means of ${respondents} go to 0`;
      const terms = moving.map((j) => `‘${names[j]}’ (n = ${counts[j]})`).join(', ');
      warnings.push(
        `${what}, and ${moving.length === 1 ? `the estimate of term ${terms} grows` : `the estimates of terms ${terms} grow`} without bound; ${
          moving.length === 1 ? 'its estimate, standard error and p-value are' : 'their estimates, standard errors and p-values are'
        } not meaningful (merge small groups, or drop the term)`,
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

function linearPredictor(row: Float64Array, beta: Float64Array): number {
  let eta = 0;
  for (let j = 0; j < row.length; j++) eta += row[j]! * beta[j]!;
  return eta;
}

/** How far a fitted value is from the edge of its range: 0 and 1 for a probability, 0 for a mean. */
function boundaryDistance(family: GlmFamily, mu: number): number {
  return family.name === 'quasibinomial' ? Math.min(mu, 1 - mu) : mu;
}
