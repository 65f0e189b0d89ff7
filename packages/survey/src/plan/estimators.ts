// The plan runner's bridge to the estimators: each function calls one estimator of estimate/ or
// inference/ and returns the fields of a results.json row (NaN → null).
import type { SurveyDesign } from '../design/types.js';
import type { DictionaryColumn } from '../table/column.js';
import { svymean } from '../estimate/mean.js';
import type { ByFactor } from '../estimate/by.js';
import { svybyMeanOrTotal } from '../estimate/byMeans.js';
import { svytotal } from '../estimate/total.js';
import { svyratio } from '../estimate/ratio.js';
import type { EstimateResult } from '../estimate/result.js';
import { svyglm } from '../inference/glm.js';
import { parseFormula } from '../inference/formula.js';
import { svyolr } from '../inference/olr.js';
import { svyciprop } from '../estimate/proportion.js';
import { distribution as distributionOf } from '../estimate/distribution.js';
import { svyquantile } from '../estimate/quantile.js';
import { contrastMeans } from '../estimate/contrast.js';
import { svychisq } from '../inference/raoScott.js';
import { svyttest } from '../inference/ttest.js';
import type { PlanColumns } from './planColumns.js';
import type { ResultRow } from './results.js';
import type { CiMethod, GlmAnalysis, OrdinalAnalysis } from './types.js';

export interface DomainOptions {
  domain: Uint8Array | undefined;
  naRm: boolean;
}

/** A number for results.json: finite numbers as they are, anything else null. */
function num(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function estimateFields(r: Omit<EstimateResult, 'variance'>): ResultRow {
  return {
    estimate: num(r.estimate),
    se: num(r.se),
    ciLow: num(r.ciLow),
    ciHigh: num(r.ciHigh),
    df: num(r.df),
    deff: num(r.deff),
    n: r.n,
  };
}

function options(o: DomainOptions): { domain?: Uint8Array; naRm: boolean } {
  return o.domain === undefined ? { naRm: o.naRm } : { domain: o.domain, naRm: o.naRm };
}

export function meanOrTotal(design: SurveyDesign, y: Float64Array, kind: 'mean' | 'total', o: DomainOptions): ResultRow {
  return estimateFields(kind === 'mean' ? svymean(design, y, options(o)) : svytotal(design, y, options(o)));
}

/** `svyby` of a mean or total: one row per domain, in R's order (empty domains dropped). */
export function meanOrTotalBy(design: SurveyDesign, y: Float64Array, kind: 'mean' | 'total', factors: readonly ByFactor[], naRm: boolean): ResultRow[] {
  return svybyMeanOrTotal(design, y, factors, kind, { naRm }).map((row) => ({ domain: row.domain, ...estimateFields(row.result!) }));
}

export function ratio(design: SurveyDesign, numerator: Float64Array, denominator: Float64Array, o: DomainOptions): ResultRow {
  return estimateFields(svyratio(design, numerator, denominator, options(o)));
}

/** `svyciprop` of one level of a categorical (indicator 1 at the level, 0 at other levels, NaN missing). */
export function proportion(design: SurveyDesign, factor: DictionaryColumn, level: number, ci: CiMethod, o: DomainOptions): ResultRow {
  const y = new Float64Array(design.nrow);
  for (let i = 0; i < y.length; i++) {
    const c = factor.codes[i]!;
    y[i] = c < 0 ? Number.NaN : c === level ? 1 : 0;
  }
  const r = svyciprop(design, y, { ...options(o), method: ci });
  return { estimate: num(r.estimate), se: num(r.se), ciLow: num(r.ciLow), ciHigh: num(r.ciHigh), df: num(r.df), deff: num(r.deff), n: r.n };
}

/** Every level's proportion with its CI (`svyciprop` per level). */
export function distribution(design: SurveyDesign, factor: DictionaryColumn, ci: CiMethod, o: DomainOptions): ResultRow[] {
  return distributionOf(design, factor, { ...options(o), method: ci }).map((r) => ({ level: r.level, ...estimateFields(r), count: r.count }));
}

/** `svyquantile` (survey 4.x defaults): one row per probability. */
export function quantiles(design: SurveyDesign, y: Float64Array, probs: readonly number[], o: DomainOptions): ResultRow[] {
  return svyquantile(design, y, probs, options(o)).map((r) => ({
    probability: r.probability,
    estimate: num(r.estimate),
    se: num(r.se),
    ciLow: num(r.ciLow),
    ciHigh: num(r.ciHigh),
    df: num(r.df),
    n: r.n,
  }));
}

/** `svychisq`: the second-order Rao–Scott F (default) or the first-order chi-square. */
export function chisq(
  design: SurveyDesign,
  rows: { name: string; column: DictionaryColumn },
  cols: { name: string; column: DictionaryColumn },
  statistic: 'F' | 'Chisq',
): ResultRow {
  const r = svychisq(design, rows, cols, statistic);
  if (r.method === 'Rao-Scott F') {
    return { statistic: num(r.statistic), ndf: num(r.ndf), ddf: num(r.ddf), pValue: num(r.pValue), pAdjusted: null, method: r.method, n: r.n };
  }
  return { statistic: num(r.statistic), df: num(r.df), pValue: num(r.pValue), pAdjusted: null, method: r.method, n: r.n };
}

/** `svycontrast` of two domain means: first level minus second. */
export function contrast(design: SurveyDesign, y: Float64Array, factor: ByFactor & { name: string }, first: string, second: string, naRm: boolean): ResultRow {
  const r = contrastMeans(design, y, factor, first, second, { naRm });
  return { ...differenceRow(r), n: r.n[0] + r.n[1] };
}

/** The fields a contrast and a t-test row share; `pAdjusted` is filled in over the whole plan. */
function differenceRow(r: { estimate: number; se: number; t: number; df: number; pValue: number; ciLow: number; ciHigh: number }): ResultRow {
  return {
    estimate: num(r.estimate),
    se: num(r.se),
    t: num(r.t),
    df: num(r.df),
    pValue: num(r.pValue),
    pAdjusted: null,
    ciLow: num(r.ciLow),
    ciHigh: num(r.ciHigh),
  };
}

/** `svyttest(y ~ group)`: the difference of the second level's mean minus the first's. */
export function ttest(
  design: SurveyDesign,
  y: { name: string; values: Float64Array },
  group: { name: string; column: DictionaryColumn },
  levels: readonly [string, string] | undefined,
): ResultRow {
  const r = svyttest(design, y, group, levels ? { levels } : {});
  return { ...differenceRow(r), levels: r.levels, n: r.n };
}

/** A model's rows and its warnings (separation, non-convergence), which the result carries. */
export interface ModelRows {
  rows: ResultRow[];
  warnings: string[];
}

/**
 * `svyglm` rows: one per coefficient, with R's term names, `confint`'s interval, the rows at the
 * term's level (`n`) and whether the estimate grows without bound (`separation`).
 */
export function glm(design: SurveyDesign, columns: PlanColumns, analysis: GlmAnalysis): ModelRows {
  const fit = svyglm(design, (name: string) => columns.modelColumnOf(name, analysis.id, 'formula'), analysis.formula, analysis.family ?? 'gaussian', {
    ...(analysis.success !== undefined ? { success: analysis.success } : {}),
    where: `${columns.planFile}: analysis "${analysis.id}" formula`,
  });
  const rows = fit.coefficients.map((c) => ({
    term: c.term,
    estimate: num(c.estimate),
    se: num(c.se),
    t: num(c.t),
    df: num(fit.dfResidual),
    pValue: num(c.pValue),
    pAdjusted: null,
    ciLow: num(c.ciLow),
    ciHigh: num(c.ciHigh),
    n: c.n,
    separation: c.separation,
  }));
  return { rows, warnings: fit.warnings };
}

/**
 * `svyolr` rows: each coefficient (`kind: "coefficient"`, named as glm names them), then each cut
 * point (`kind: "cutpoint"`, `"1|2"` …) between adjacent answers in the response's level order.
 */
export function ordinal(design: SurveyDesign, columns: PlanColumns, analysis: OrdinalAnalysis): ModelRows {
  const where = `${columns.planFile}: analysis "${analysis.id}" formula`;
  const response = parseFormula(analysis.formula, where).response;
  const fit = svyolr(
    design,
    (name: string) => (name === response ? columns.factorOf(name, analysis.id, 'formula') : columns.modelColumnOf(name, analysis.id, 'formula')),
    analysis.formula,
    analysis.link ?? 'logit',
    { where },
  );
  const rows = fit.rows.map((r) => ({
    term: r.term,
    kind: r.kind,
    estimate: num(r.estimate),
    se: num(r.se),
    t: num(r.t),
    df: num(fit.dfResidual),
    pValue: num(r.pValue),
    pAdjusted: null,
    ciLow: num(r.ciLow),
    ciHigh: num(r.ciHigh),
    n: r.n,
    separation: r.separation,
  }));
  return { rows, warnings: fit.warnings };
}
