import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import { designVariance } from '../design/variance.js';
import { LeakriskError } from '../errors.js';
import { sortLevels, type FactorColumn } from '../io/columns.js';
import { tQuantileAt, twoSidedTPValue } from './distributions.js';
import { parseFormula, type ModelFormula } from './formula.js';
import { aliasedFromCrossProduct } from './leastSquares.js';
import { isFactor, modelColumn, type ModelColumn, type ModelData } from './modelData.js';
import { modelRows } from './modelMatrix.js';
import { fitProportionalOdds, fittedAnswerProbabilities, ordinalInfluence, ordinalNewtonStep, type OrdinalFit, type OrdinalModel } from './ordinalFit.js';
import { LATENT_DISTRIBUTIONS, ORDINAL_LINKS, type OrdinalLink } from './ordinalLinks.js';
import { divergingParameters, moves, NEAR_BOUNDARY } from './separation.js';

export interface OlrOptions {
  /** Where the formula came from, for messages (e.g. `analyses[3].formula`). */
  where?: string;
}

/** One row of an ordinal model: a coefficient, or a cut point between two adjacent answers. */
export interface OlrRow {
  /** A coefficient named as glm names it (`age`, `gendermale`), or a cut point `"2|3"`. */
  term: string;
  kind: 'coefficient' | 'cutpoint';
  estimate: number;
  se: number;
  t: number;
  /** Two-sided, from t on `dfResidual` degrees of freedom (R's `regTermTest` for a one-column term). */
  pValue: number;
  /** estimate ± qt(0.975, dfResidual) · SE, the interval that agrees with `pValue`. */
  ciLow: number;
  ciHigh: number;
  /** Rows used at the coefficient's level (all rows used for a numeric term or a cut point). */
  n: number;
  /** The estimate grows without bound (separation). */
  separation: boolean;
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
  const where = options.where ?? 'formula';
  const parsed = typeof formula === 'string' ? parseFormula(formula, where) : formula;
  const formulaText = typeof formula === 'string' ? formula : `${parsed.response} ~ ${parsed.terms.map((t) => t.join(':')).join(' + ')}`;
  const fail = (problem: string, fix: string): never => {
    throw new LeakriskError(`the ordinal model "${formulaText}" ${problem}`, { file: design.file, column: where }, fix);
  };
  if (!ORDINAL_LINKS.includes(link)) fail(`has an unknown link "${String(link)}"`, `use one of ${ORDINAL_LINKS.join(', ')}`);
  if (!parsed.intercept) {
    fail('drops the intercept, but the cut points take its place', 'remove "- 1" or "+ 0" from the formula');
  }
  if (parsed.terms.length === 0) fail('has no predictors', 'add at least one variable on the right of "~"');
  const n = design.nrow;
  const response = responseFactor(modelColumn(data, parsed.response, design.file));
  const variables = new Map<string, ModelColumn>();
  for (const v of parsed.variables) variables.set(v, modelColumn(data, v, design.file));

  // Complete cases with a non-zero weight.
  const used = new Uint8Array(n);
  markPresent(response.codes, design.weights, used);
  for (const column of variables.values()) {
    if (isFactor(column)) dropMissingCodes(column.codes, used);
    else dropMissingValues(column, used);
  }
  let m = 0;
  for (let i = 0; i < n; i++) m += used[i]!;
  const rows = new Int32Array(m);
  for (let i = 0, k = 0; i < n; i++) if (used[i]) rows[k++] = i;
  if (m === 0) fail('has no row with values for every variable', 'check the variables of the formula for missing values, or use fewer variables');

  // Answer levels given by the rows used, in order.
  const given = new Uint8Array(response.levels.length);
  for (let k = 0; k < m; k++) given[response.codes[rows[k]!]!] = 1;
  const levelIndex = new Int32Array(response.levels.length).fill(-1);
  const levels: string[] = [];
  response.levels.forEach((level, c) => {
    if (given[c]) {
      levelIndex[c] = levels.length;
      levels.push(level);
    }
  });
  if (levels.length < 3) {
    fail(
      `needs a response with 3 or more answers among the rows used, but "${parsed.response}" has ${levels.length} (R: "response must have 3 or more levels")`,
      'use a quasibinomial glm for a yes/no answer, or check the response variable',
    );
  }

  const matrix = modelRows(parsed, variables, rows, (variable) =>
    fail(
      `cannot be estimated: the factor "${variable}" has a single level among the ${m} rows used, so there is nothing to contrast it with (R: "contrasts can be applied only to factors with 2 or more levels")`,
      `remove "${variable}" from the formula, or fit the model where "${variable}" varies`,
    ),
  );
  // The predictors row by row (the intercept column dropped: the cut points take its place), and the
  // cross-product of the whole model matrix for the aliasing rule of R's QR (tolerance 1e-7).
  const p = matrix.p - 1;
  const x = new Float64Array(m * p);
  const row = new Float64Array(matrix.p);
  const crossProduct = new Float64Array(matrix.p * matrix.p);
  for (let k = 0; k < m; k++) {
    matrix.fill(k, row);
    for (let j = 0; j < p; j++) x[k * p + j] = row[j + 1]!;
    addOuterProduct(crossProduct, row);
  }
  const aliased = aliasedFromCrossProduct(crossProduct, matrix.p, 1e-7);
  if (aliased.length > 0) {
    const names = aliased.map((j) => `"${matrix.names[j]}"`);
    fail(
      `cannot be estimated: ${names.join(', ')} ${names.length === 1 ? 'is a linear combination' : 'are linear combinations'} of the other terms in the rows used (a singular design matrix)`,
      'remove the collinear term(s) from the formula, or merge levels that have no rows or always occur together',
    );
  }

  const y = new Int32Array(m);
  const weights = new Float64Array(m);
  const codes = response.codes;
  const designWeights = design.weights;
  for (let k = 0; k < m; k++) {
    y[k] = levelIndex[codes[rows[k]!]!]!;
    weights[k] = designWeights[rows[k]!]!;
  }
  const model: OrdinalModel = { x, p, y, levels: levels.length, distribution: LATENT_DISTRIBUTIONS[link] };
  const fit = fitProportionalOdds(model, weights);
  const d = p + levels.length - 1;

  // Design-based covariance: influence values on the design's rows (zero elsewhere), R's svyrecvar.
  const influence = ordinalInfluence(model, weights, fit, rows, n);
  const covariance = designVariance(design, influence, { present: used });
  const dfResidual = domainDf(design, used) - p;

  const counts = matrix.rowsWithLevels(weights);
  const names = [...matrix.names.slice(1), ...levels.slice(0, -1).map((level, j) => `${level}|${levels[j + 1]}`)];
  const { warnings, separated } = separationOf(model, weights, fit, names, m);
  if (!fit.converged && separated.every((s) => s === 0)) {
    warnings.push(`the fit did not converge in ${fit.iterations} Newton iterations`);
  }
  const quantile = dfResidual > 0 ? tQuantileAt(0.975, dfResidual) : Number.NaN;
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
      pValue: twoSidedTPValue(t, dfResidual),
      ciLow: estimate - quantile * se,
      ciHigh: estimate + quantile * se,
      n: j < p ? counts[j + 1]! : m,
      separation: separated[j] === 1,
    };
  });
  return { link, formula: formulaText, levels, rows: out, covariance, dfResidual, n: m, iterations: fit.iterations, converged: fit.converged, warnings };
}

/** The response as a factor: a numeric one becomes one with its values as levels in numeric order (R's `factor()`). */
function responseFactor(column: ModelColumn): FactorColumn {
  if (isFactor(column)) return column;
  const present = new Set<number>();
  for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i]!)) present.add(column[i]!);
  const levels = sortLevels([...present].map(String));
  const index = new Map(levels.map((level, c) => [Number(level), c]));
  const codes = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) codes[i] = Number.isNaN(column[i]!) ? -1 : index.get(column[i]!)!;
  return { codes, levels };
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

// Small loops in functions of their own, over typed arrays only (V8 optimises them once, see irls.ts).

function markPresent(codes: Int32Array, weights: Float64Array, used: Uint8Array): void {
  for (let i = 0; i < used.length; i++) used[i] = codes[i]! >= 0 && weights[i]! > 0 ? 1 : 0;
}

function dropMissingCodes(codes: Int32Array, used: Uint8Array): void {
  for (let i = 0; i < used.length; i++) if (codes[i]! < 0) used[i] = 0;
}

function dropMissingValues(values: Float64Array, used: Uint8Array): void {
  for (let i = 0; i < used.length; i++) if (Number.isNaN(values[i]!)) used[i] = 0;
}

/** G += row rowᵀ, upper triangle only (all that aliasedFromCrossProduct reads). */
function addOuterProduct(g: Float64Array, row: Float64Array): void {
  const p = row.length;
  for (let i = 0; i < p; i++) {
    const v = row[i]!;
    if (v === 0) continue;
    for (let j = i; j < p; j++) g[i * p + j] = g[i * p + j]! + v * row[j]!;
  }
}
