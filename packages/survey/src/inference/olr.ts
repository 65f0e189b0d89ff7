import { accumulationOf } from '../design/accumulation.js';
import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import { designVariance } from '../design/variance.js';
import { qt, twoSidedP } from '../estimate/tDistribution.js';
import type { ModelFormula } from './formula.js';
import type { GlmCoefficient } from './glm.js';
import type { ModelData } from './modelData.js';
import { ordinalFrame, type OrdinalFrame } from './ordinalFrame.js';
import { olrReplicateCovariance } from './olrReplicates.js';
import { fitProportionalOdds, fittedAnswerProbabilities, ordinalInfluence, ordinalNewtonStep, type OrdinalFit, type OrdinalModel } from './ordinalFit.js';
import type { OrdinalLink } from './ordinalLinks.js';
import { divergingParameters, moves, NEAR_BOUNDARY } from './separation.js';

export interface OlrOptions {
  /** Where the formula came from, for messages (e.g. `analyses[3].formula`). */
  where?: string;
}

/**
 * One row of an ordinal model: a coefficient named as glm names it (`age`, `gendermale`), or a cut point
 * `"2|3"` between two adjacent answers. As a glm row: p-value two-sided from t on `dfResidual` (R's
 * `regTermTest` for a one-column term), interval estimate ± qt(0.975, dfResidual) · SE, `n` the rows used
 * at the coefficient's level (all rows used for a numeric term or a cut point).
 */
export interface OlrRow extends GlmCoefficient {
  kind: 'coefficient' | 'cutpoint';
}

export interface OlrResult {
  link: OrdinalLink;
  formula: string;
  /** The answer levels present among the rows used, in order; cut point j lies between levels j and j+1. */
  levels: string[];
  rows: OlrRow[];
  /** Design-based covariance of (β, ζ), row-major (R's `vcov(svyolr_fit)`). */
  covariance: Float64Array;
  /** `degf(design) − (number of coefficients)` over the rows used (R's `fit$df.residual`). */
  dfResidual: number;
  /** Rows used. */
  n: number;
  iterations: number;
  converged: boolean;
  warnings: string[];
}

/**
 * Design-based proportional-odds model, matching `survey::svyolr(formula, design, method =
 * "logistic" | "probit" | "cloglog")` (links `logit`, `probit`, `cloglog`; survey's "cloglog" is its
 * `pgumbel`, F(x) = exp(−e^(−x))) on a Taylor-linearisation design.
 *
 * Model: `P(Y ≤ j | x) = F(ζ_j − xβ)` for the answer levels in order (the codebook's, else sorted as R's
 * `factor()` sorts; levels no used row gives are dropped, as `factor()` of the data would not have
 * them). The predictors are coded as `svyglm` codes them (treatment contrasts) without the intercept,
 * whose place the cut points ζ take; so a positive coefficient moves answers up the scale.
 * Estimates: the weighted maximum likelihood, Σ w_i log P(y_i | x_i) with the design weights, fully
 * converged by Newton's method ({@link fitProportionalOdds}); R's optim may stop short of it (by 1e-3
 * relative with its default control).
 * Variance: the sandwich of R's `svyolr` — the design variance (`svyrecvar`, with the design's
 * calibration) of the influence values `H⁻¹ u_i` ({@link ordinalInfluence}).
 * Degrees of freedom `degf(design) − p` (p coefficients, cut points not counted) over the rows used;
 * t = estimate / SE. `summary.svyolr` prints t without a p-value; `pValue` is `2 · pt(−|t|, df)`, which
 * is what `regTermTest(fit, ~term)` gives for a one-column term (F = t² on 1 and df), and the interval
 * `estimate ± qt(0.975, df) · SE` agrees with it (R's `confint` on svyolr falls back to normal
 * quantiles, `confint.default`, which we do not follow so that interval and p-value agree).
 * Rows with a missing value in a model variable are left out, as R's `na.omit` (the design is kept,
 * which is also what makes calibrated designs work: survey 4.1-1's svyolr fails on them when rows
 * are missing).
 */
export function svyolr(
  design: SurveyDesign,
  data: ModelData,
  formula: string | ModelFormula,
  link: OrdinalLink = 'logit',
  options: OlrOptions = {},
): OlrResult {
  const frame = ordinalFrame(design, data, formula, link, options.where ?? 'formula');
  const { model, weights, rows, used, levels, names, counts } = frame;
  const fit = fitProportionalOdds(model, weights);
  // A replicate design refits per replicate (R's svyolr.svyrep.design), with the design's degf.
  const replicates = accumulationOf(design) === 'replicates';
  const covariance = replicates ? olrReplicateCovariance(design, frame, fit) : linearisedCovariance(design, frame, fit);
  const p = model.p;
  const d = names.length;
  const m = rows.length;
  const dfResidual = (replicates ? design.df : domainDf(design, used)) - p;
  const { warnings, separated } = separationOf(model, weights, fit, names, m);
  if (!fit.converged && separated.every((s) => s === 0)) {
    warnings.push(`the fit did not converge in ${fit.iterations} Newton iterations`);
  }
  const quantile = dfResidual > 0 ? qt(0.975, dfResidual) : Number.NaN;
  const out: OlrRow[] = names.map((term, j) => {
    const estimate = fit.theta[j]!;
    const se = Math.sqrt(covariance[j * d + j]!);
    const t = estimate / se;
    return {
      term,
      kind: j < p ? 'coefficient' : 'cutpoint',
      estimate,
      se,
      t,
      pValue: twoSidedP(t, dfResidual),
      ciLow: estimate - quantile * se,
      ciHigh: estimate + quantile * se,
      n: j < p ? counts[j]! : m,
      separation: separated[j] === 1,
    };
  });
  return {
    link,
    formula: frame.formula,
    levels,
    rows: out,
    covariance,
    dfResidual,
    n: m,
    iterations: fit.iterations,
    converged: fit.converged,
    warnings,
  };
}

/**
 * The Taylor-linearisation covariance of (β, ζ), R's `svyolr`: the design variance (`svyrecvar`, the
 * design's calibration included) of each row's influence `H⁻¹ u_i` ({@link ordinalInfluence}), zero on
 * rows outside the model. The step a replicate-weight design replaces by refitting per replicate.
 */
function linearisedCovariance(design: SurveyDesign, frame: OrdinalFrame, fit: OrdinalFit): Float64Array {
  const influence = ordinalInfluence(frame.model, frame.weights, fit, frame.rows, design.nrow);
  return designVariance(design, influence, { present: frame.used });
}

/**
 * Separation in an ordinal fit: a group whose answers all sit at one end of the scale (or beyond a cut
 * no one else crosses) has its answers predicted with certainty, and estimates grow without bound.
 * Checked as for glm (`checkSeparation`): when an answer's fitted probability is within NEAR_BOUNDARY
 * of 1, the last Newton step still moved an estimate, or Newton did not converge, a few more Newton
 * steps show which parameters keep moving ({@link divergingParameters}) and whose answers keep
 * heading for certainty.
 */
function separationOf(model: OrdinalModel, weights: Float64Array, fit: OrdinalFit, names: string[], m: number) {
  const d = names.length;
  const separated = new Uint8Array(d);
  const warnings: string[] = [];
  const scale = new Float64Array(d).fill(1);
  for (let j = 0; j < model.p; j++) {
    let largest = 0;
    for (let k = 0; k < m; k++) largest = Math.max(largest, Math.abs(model.x[k * model.p + j]!));
    scale[j] = largest;
  }
  const before = fittedAnswerProbabilities(model, weights, fit.theta);
  let certain = 0;
  for (let k = 0; k < m; k++) if (1 - before[k]! < NEAR_BOUNDARY) certain++;
  if (certain === 0 && fit.converged && !moves(fit.lastStep, scale)) return { warnings, separated };
  const { moving, after } = divergingParameters(fit.theta, (theta) => ordinalNewtonStep(model, weights, theta), scale);
  for (const j of moving) separated[j] = 1;
  if (moving.length > 0) {
    const probabilities = fittedAnswerProbabilities(model, weights, after);
    let heading = 0;
    for (let k = 0; k < m; k++) if (weights[k]! > 0 && 1 - probabilities[k]! <= 0.5 * (1 - before[k]!)) heading++;
    const terms = moving.map((j) => `‘${names[j]}’`).join(', ');
    warnings.push(
      `separation: the answers of ${heading} respondent${heading === 1 ? '' : 's'} are predicted with certainty (every respondent in some group answers at one end of the scale), and ${
        moving.length === 1 ? `the estimate of ${terms} grows` : `the estimates of ${terms} grow`
      } without bound; ${moving.length === 1 ? 'its estimate, standard error and p-value are' : 'their estimates, standard errors and p-values are'} not meaningful (merge small groups or answer levels, or drop the term)`,
    );
  }
  return { warnings, separated };
}
