import type { SurveyDesign } from '../design/types.js';
import { LeakriskError } from '../errors.js';
import { sortLevels } from '../io/columns.js';
import type { DictionaryColumn } from '../table/column.js';
import { dictionaryColumn } from '../table/dictionaryColumn.js';
import { parseFormula, type ModelFormula } from './formula.js';
import { aliasedFromCrossProduct } from './leastSquares.js';
import { isFactor, modelColumn, type ModelColumn, type ModelData } from './modelData.js';
import { modelRows } from './modelMatrix.js';
import type { OrdinalModel } from './ordinalFit.js';
import { LATENT_DISTRIBUTIONS, ORDINAL_LINKS, type OrdinalLink } from './ordinalLinks.js';

/**
 * An ordinal model set up on a design's rows, before fitting: what any variance method needs. The
 * linearisation variance (`svyolr`) fits `model` with `weights` and takes the design variance of the
 * influence values on `rows`; a replicate-weight variance would refit `model` with each replicate's
 * weights on `rows` (`fitProportionalOdds(model, replicateWeightsOnRows, fit.theta)`, as R's
 * `svyolr.svyrep.design` refits polr per replicate from the full-sample estimate).
 */
export interface OrdinalFrame {
  formula: string;
  link: OrdinalLink;
  model: OrdinalModel;
  /** The design weight of each model row. */
  weights: Float64Array;
  /** Model row k is design row `rows[k]`. */
  rows: Int32Array;
  /** 1 for the design rows in the model (complete cases with a non-zero weight). */
  used: Uint8Array;
  /** The answer levels present among the rows used, in order. */
  levels: string[];
  /** Parameter names: the coefficients as glm names them, then the cut points `"1|2"`, … */
  names: string[];
  /** For each coefficient, the rows used at its level (all rows for numeric terms). */
  counts: Int32Array;
}

/**
 * The model frame of `svyolr(formula, design, method = link)`: complete cases (R's `na.omit`; rows of
 * weight 0 left out too), the response as an ordered factor keeping the levels the rows used give,
 * predictors coded as `svyglm` codes them without the intercept, and the errors R gives — a response
 * with fewer than 3 levels, a factor with a single level, aliased terms — and a formula without its
 * intercept (R warns and assumes one; we ask for it, since the cut points take its place).
 */
export function ordinalFrame(design: SurveyDesign, data: ModelData, formula: string | ModelFormula, link: OrdinalLink, where: string): OrdinalFrame {
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
  const counts = matrix.rowsWithLevels(weights).slice(1);
  const names = [...matrix.names.slice(1), ...levels.slice(0, -1).map((level, j) => `${level}|${levels[j + 1]}`)];
  return { formula: formulaText, link, model, weights, rows, used, levels, names, counts };
}

/** The response as a factor: a numeric one becomes one with its values as levels in numeric order (R's `factor()`). */
function responseFactor(column: ModelColumn): DictionaryColumn {
  if (isFactor(column)) return column;
  const present = new Set<number>();
  for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i]!)) present.add(column[i]!);
  const levels = sortLevels([...present].map(String));
  const index = new Map(levels.map((level, c) => [Number(level), c]));
  const codes = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) codes[i] = Number.isNaN(column[i]!) ? -1 : index.get(column[i]!)!;
  return dictionaryColumn(codes, levels);
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
