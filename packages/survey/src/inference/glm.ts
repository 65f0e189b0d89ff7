import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import { accumulationOf } from '../design/accumulation.js';
import { designVariance, UnitTotals } from '../design/variance.js';
import { cellInMessage, LeakriskError, valuesInMessage } from '../errors.js';
import { tQuantileAt, twoSidedTPValue } from './distributions.js';
import { parseFormula, type ModelFormula } from './formula.js';
import { GLM_FAMILIES, type GlmFamilyName } from './glmFamily.js';
import { irls, type IrlsFit } from './irls.js';
import { isFactor, modelColumn, type ModelColumn, type ModelData } from './modelData.js';
import { modelRows, type ModelRows } from './modelMatrix.js';
import { checkSeparation } from './separation.js';
import { glmReplicateCovariance } from './glmReplicates.js';
import { replicateDomainDegf } from '../design/replicates/replicateDegf.js';

export interface GlmOptions {
  /** For `quasibinomial` with a categorical (or non-0/1) response: the level counted as 1. */
  success?: string;
  /** Restrict the model to a subpopulation (1 = in), as `svyglm(…, subset = …)`. */
  domain?: Uint8Array;
  /** IRLS convergence: |dev − dev_old| / (|dev| + 0.1) < epsilon (R's `glm.control`, 1e-8). */
  epsilon?: number;
  /** Most IRLS iterations (R's default 25). */
  maxit?: number;
  /** Where the formula came from, for messages (e.g. `analyses[3].formula`). */
  where?: string;
}

export interface GlmCoefficient {
  term: string;
  estimate: number;
  se: number;
  t: number;
  pValue: number;
  /** 95% Wald interval with t quantiles on `dfResidual` (R's default `confint(svyglm_fit)`); NaN when df ≤ 0. */
  ciLow: number;
  ciHigh: number;
  /**
   * Rows used that have the term's level (a factor level, or every level of an interaction of
   * factors); all rows used for the intercept and numeric terms.
   */
  n: number;
  /** The estimate grows without bound (separation): its estimate, SE and p-value mean nothing. */
  separation: boolean;
}

export interface GlmResult {
  family: GlmFamilyName;
  formula: string;
  coefficients: GlmCoefficient[];
  /** Design-based covariance of the coefficients, p×p row-major (R's `vcov(svyglm)`). */
  covariance: Float64Array;
  /** Residual degrees of freedom, `degf(design) + 1 − p` over the rows used (R's `df.residual`). */
  dfResidual: number;
  /** Rows that entered the model (complete cases with non-zero weight). */
  n: number;
  iterations: number;
  converged: boolean;
  /** Plain-language warnings about the fit (separation, non-convergence); empty when there are none. */
  warnings: string[];
}

/**
 * Design-based generalised linear model, matching `survey::svyglm(formula, design, family)` and its
 * `summary()` for `gaussian()`, `quasibinomial()` and `quasipoisson()`.
 *
 * Coefficients: R's `glm.fit` IRLS with prior weights `w_i / mean(w)` (R's `rescale = TRUE`), the
 * family's starting values, and convergence when `|dev − dev_old| / (|dev| + 0.1) < 1e-8`.
 * Standard errors: the sandwich `V = A⁻¹ B A⁻¹` of R's `svy.varcoef`, i.e. the design variance
 * (with the design's calibration) of the influence values `x_i r_i W_i A⁻¹`, where `r_i` are the
 * working residuals, `W_i` the working weights and `A⁻¹ = (XᵀWX)⁻¹`.
 * t = estimate / SE with `degf(design) + 1 − p` degrees of freedom, two-sided p-values from t, and
 * the 95% interval `estimate ± qt(0.975, df) · SE` that `confint(fit)` gives (survey's `confint.svyglm`,
 * method "Wald": `confint.default` at the level whose normal quantile is that t quantile).
 * Rows with a missing value in any model variable are left out as R's `na.omit` does (the design is
 * kept, so SEs stay design-based). A singular model matrix is an error naming the aliased terms; so is
 * a factor with a single level among the rows used (R: "contrasts can be applied only to factors with
 * 2 or more levels"). Separation in a quasibinomial or quasipoisson fit is found as {@link checkSeparation}
 * describes: the result's `warnings` say so and the affected terms carry `separation: true`.
 */
export function svyglm(
  design: SurveyDesign,
  data: ModelData,
  formula: string | ModelFormula,
  family: GlmFamilyName = 'gaussian',
  options: GlmOptions = {},
): GlmResult {
  const where = options.where ?? 'formula';
  const parsed = typeof formula === 'string' ? parseFormula(formula, where) : formula;
  const formulaText = typeof formula === 'string' ? formula : formulaToString(parsed);
  const fam = GLM_FAMILIES[family];
  if (fam === undefined) {
    throw new LeakriskError(`unknown glm family "${String(family)}"`, { column: where }, 'use one of gaussian, quasibinomial, quasipoisson');
  }
  const n = design.nrow;
  const responseColumn = modelColumn(data, parsed.response, design.file);
  const variables = new Map<string, ModelColumn>();
  for (const v of parsed.variables) variables.set(v, modelColumn(data, v, design.file));

  // Complete cases (R's na.omit on the model frame), within the domain: one pass per column.
  const used = new Uint8Array(n).fill(1);
  if (options.domain !== undefined) for (let i = 0; i < n; i++) if (!options.domain[i]) used[i] = 0;
  for (const column of [responseColumn, ...variables.values()]) markMissing(column, used);
  let m = 0;
  for (let i = 0; i < n; i++) m += used[i]!;
  const rows = new Int32Array(m);
  for (let i = 0, k = 0; i < n; i++) if (used[i]) rows[k++] = i;
  if (m === 0) {
    throw new LeakriskError(
      `no row has values for every variable of the model "${formulaText}"`,
      { file: design.file, column: where },
      'check the variables of the formula for missing values, or use fewer variables',
    );
  }

  const y = responseValues(responseColumn, parsed.response, rows, family, options.success, design.file);
  const matrix = modelRows(parsed, variables, rows, (variable) => {
    throw new LeakriskError(
      `the model "${formulaText}" cannot be estimated: the factor "${variable}" has a single level among the ${m} rows used, so there is nothing to contrast it with (R: "contrasts can be applied only to factors with 2 or more levels")`,
      { file: design.file, column: where },
      `remove "${variable}" from the formula, or fit the model where "${variable}" varies`,
    );
  });
  const p = matrix.p;

  // R's rescale = TRUE: prior weights are the design weights over their mean (all design rows).
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += design.weights[i]!;
  const meanWeight = weightSum / n;
  const prior = new Float64Array(m);
  for (let k = 0; k < m; k++) prior[k] = design.weights[rows[k]!]! / meanWeight;

  const irlsInput = { x: matrix, y, prior, family: fam, epsilon: options.epsilon ?? 1e-8, maxit: options.maxit ?? 25 };
  const fit = irls(irlsInput, (aliased) => {
    const names = aliased.map((j) => matrix.names[j]!);
    throw new LeakriskError(
      `the model "${formulaText}" cannot be estimated: ${names.map((t) => `"${t}"`).join(', ')} ${names.length === 1 ? 'is a linear combination' : 'are linear combinations'} of the other terms in the rows used (a singular design matrix)`,
      { file: design.file, column: where },
      'remove the collinear term(s) from the formula, or merge levels that have no rows or always occur together',
    );
  });

  // Influence values x_i r_i W_i A^{-1}, zero on rows outside the model.
  const present = new Uint8Array(n);
  let nUsed = 0;
  for (let k = 0; k < m; k++) {
    if (prior[k]! > 0) {
      present[rows[k]!] = 1;
      nUsed++;
    }
  }
  // A replicate design refits per replicate (R's svyglm.svyrep.design), with degf of the design (or
  // of its domain), not of the rows used.
  const accumulation = accumulationOf(design);
  const covariance =
    accumulation === 'replicates'
      ? glmReplicateCovariance(design, irlsInput, rows, fit.beta)
      : accumulation === 'perUnit'
        ? influenceTotals(design, matrix, fit, rows, prior)
        : designVariance(design, influenceValues(matrix, fit, rows, n), { present });
  const dfResidual = (accumulation === 'replicates' ? replicateDomainDegf(design, options.domain) : domainDf(design, present)) + 1 - p;
  const counts = matrix.rowsWithLevels(prior);
  const separation = checkSeparation(irlsInput, fit, matrix.names, counts);
  const quantile = dfResidual > 0 ? tQuantileAt(0.975, dfResidual) : Number.NaN;
  const coefficients = matrix.names.map((term, a) => {
    const estimate = fit.beta[a]!;
    const se = Math.sqrt(covariance[a * p + a]!);
    const t = estimate / se;
    return {
      term,
      estimate,
      se,
      t,
      pValue: twoSidedTPValue(t, dfResidual),
      ciLow: estimate - quantile * se,
      ciHigh: estimate + quantile * se,
      n: counts[a]!,
      separation: separation.separated[a] === 1,
    };
  });
  return {
    family,
    formula: formulaText,
    coefficients,
    covariance,
    dfResidual,
    n: nUsed,
    iterations: fit.iterations,
    converged: fit.converged,
    warnings: separation.warnings,
  };
}

function markMissing(column: ModelColumn, used: Uint8Array): void {
  const n = used.length;
  if (isFactor(column)) {
    const codes = column.codes;
    for (let i = 0; i < n; i++) if (codes[i]! < 0) used[i] = 0;
  } else {
    for (let i = 0; i < n; i++) if (Number.isNaN(column[i]!)) used[i] = 0;
  }
}

function formulaToString(formula: ModelFormula): string {
  const terms = formula.terms.map((t) => t.join(':'));
  if (!formula.intercept) terms.push('0');
  return `${formula.response} ~ ${terms.join(' + ')}`;
}

function responseValues(column: ModelColumn, name: string, rows: Int32Array, family: GlmFamilyName, success: string | undefined, file: string): Float64Array {
  const m = rows.length;
  const y = new Float64Array(m);
  if (isFactor(column)) {
    if (family !== 'quasibinomial') {
      throw new LeakriskError(
        `the response "${name}" is categorical, but a ${family} model needs a numeric response`,
        { file, column: name },
        `use a numeric variable, or a quasibinomial model with "success" naming the level counted as 1`,
      );
    }
    const k = success === undefined ? -1 : column.levels.indexOf(success);
    if (k < 0) {
      throw new LeakriskError(
        success === undefined
          ? `the response "${name}" is categorical (${valuesInMessage(column.levels)}); a quasibinomial model needs to know which level counts as 1`
          : `"${success}" is not a level of "${name}" (${valuesInMessage(column.levels)})`,
        { file, column: name },
        `set "success" to one of the levels of "${name}"`,
      );
    }
    for (let j = 0; j < m; j++) y[j] = column.codes[rows[j]!] === k ? 1 : 0;
    return y;
  }
  if (family === 'quasibinomial' && success !== undefined) {
    const target = Number(success);
    for (let j = 0; j < m; j++) y[j] = column[rows[j]!] === target ? 1 : 0;
    return y;
  }
  for (let j = 0; j < m; j++) {
    const v = column[rows[j]!]!;
    if (family === 'quasibinomial' && (v < 0 || v > 1)) {
      throw new LeakriskError(
        `row ${rows[j]! + 1} has ${cellInMessage(String(v), true)} in "${name}", but a quasibinomial response must lie between 0 and 1`,
        { file, row: rows[j]! + 1, column: name },
        `give "success", the value counted as 1, or recode "${name}" to 0/1`,
      );
    }
    if (family === 'quasipoisson' && v < 0) {
      throw new LeakriskError(
        `row ${rows[j]! + 1} has ${cellInMessage(String(v), true)} in "${name}", but a quasipoisson response must not be negative`,
        { file, row: rows[j]! + 1, column: name },
        `use a count variable, or another family`,
      );
    }
    y[j] = v;
  }
  return y;
}

/** Row i's influence on the coefficients, `x_i A⁻¹ r_i W_i`, as p columns over all n design rows. */
function influenceValues(x: ModelRows, fit: IrlsFit, rows: Int32Array, n: number): Float64Array[] {
  const p = x.p;
  const influence = Array.from({ length: p }, () => new Float64Array(n));
  const row = new Float64Array(p);
  const value = new Float64Array(p);
  for (let k = 0; k < rows.length; k++) {
    rowInfluence(x, fit, k, row, value);
    const i = rows[k]!;
    for (let b = 0; b < p; b++) influence[b]![i] = value[b]!;
  }
  return influence;
}

/**
 * The coefficients' covariance from the influence values of {@link influenceValues} summed per PSU,
 * with the PSUs in order of their first row in the model (rows of zero weight are not in it): when
 * the design allows it (`accumulationOf`), without a column as long as the data.
 */
function influenceTotals(design: SurveyDesign, x: ModelRows, fit: IrlsFit, rows: Int32Array, prior: Float64Array): Float64Array {
  const p = x.p;
  const units = new UnitTotals(design, p);
  const row = new Float64Array(p);
  const value = new Float64Array(p);
  for (let k = 0; k < rows.length; k++) {
    if (!(prior[k]! > 0)) continue;
    const c = units.unitOf(rows[k]!);
    rowInfluence(x, fit, k, row, value);
    for (let b = 0; b < p; b++) units.totals[c * p + b] = units.totals[c * p + b]! + value[b]!;
  }
  return units.variance();
}

/** Model row k's influence on the coefficients, `x_k A⁻¹ r_k W_k`, into `value` (`row` is scratch for x_k). */
function rowInfluence(x: ModelRows, fit: IrlsFit, k: number, row: Float64Array, value: Float64Array): void {
  const p = x.p;
  const ainv = fit.ainv;
  x.fill(k, row);
  const rw = fit.residualTimesWeight(k, row);
  for (let b = 0; b < p; b++) {
    let s = 0;
    for (let a = 0; a < p; a++) s += row[a]! * ainv[a * p + b]!;
    value[b] = s * rw;
  }
}
