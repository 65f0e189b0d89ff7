import { LeakriskError, isLeakriskError } from '../errors.js';
import type { Codebook } from '../codebook/types.js';
import { buildReplicateDesign } from '../design/replicates/replicateDesign.js';
import type { SurveyDesign } from '../design/types.js';
import type { Table } from '../table/table.js';
import { rake } from '../calibrate/rake.js';
import { postStratify } from '../calibrate/postStratify.js';
import { calibrateLinear } from '../calibrate/linear.js';
import { trimWeights } from '../calibrate/trim.js';
import { calibrateReplicates } from '../calibrate/replicates.js';
import type { Margin } from '../calibrate/margins.js';
import type { CalibrationResult } from '../calibrate/types.js';
import { benjaminiHochberg } from '../inference/multipleTesting.js';
import { cronbachAlpha } from '../scales/alpha.js';
import { omegaTotal } from '../scales/omega.js';
import { designAlpha } from '../scales/svycralpha.js';
import { PlanColumns } from './planColumns.js';
import { byGroups, groupMask, type ByFactor } from '../estimate/by.js';
import { applyDerivations } from './derive.js';
import * as estimators from './estimators.js';
import type { AnalysisResult, Results, ResultRow } from './results.js';
import type { Analysis, Plan } from './types.js';

export interface RunPlanInput {
  /** The data, as read (raw cells). */
  table: Table;
  plan: Plan;
  /** The codebook: missing codes, level order, scales. */
  codebook?: Codebook;
  /** How `meta.data` names the data file (e.g. its base name). */
  dataFile: string;
  /** How `meta.plan` names the plan file. */
  planFile: string;
  dataSha256: string;
  /** The run's time (`meta.createdAt`); the core never reads the clock. */
  now: Date;
  toolVersion: string;
  /** `meta.codebook`: the codebook's path relative to the results folder, when one is used. */
  codebookPath?: string;
  /** `meta.reportSettings`: the report settings' path relative to the results folder. */
  reportSettingsPath?: string;
}

/**
 * Runs an analysis plan on a survey file and returns the contract's `results.json` object:
 * derived columns, the design (R `svydesign`), optional calibration (`rake`, `postStratify`,
 * `calibrate(calfun = "linear")`, then `trimWeights`), every analysis in order, and the
 * Benjamini–Hochberg adjustment over all tests of the plan (chisq, ttest, contrast, glm terms
 * other than the intercept, ordinal coefficients but not cut points). Pure: no clock, no disk.
 */
export function runPlan(input: RunPlanInput): Results {
  const { plan, codebook } = input;
  const planFile = input.planFile;
  const { table, derived } = applyDerivations(input.table, plan.derive ?? [], codebook, planFile);
  const columns = new PlanColumns(table, planFile, codebook, derived);

  for (const [field, name] of designColumns(plan)) columns.require(name, 'design', field);
  const missingCodes = new Map<string, Set<string>>();
  for (const [, name] of designColumns(plan)) missingCodes.set(name, columns.missingCodes(name));
  // With `replicates`, R's svrepdesign / as.svrepdesign: every estimator then takes its variance from the replicates.
  let design = buildReplicateDesign(table, plan.design, { missingCodes });

  let calibration: Results['calibration'] = null;
  if (plan.calibration) {
    const result = inPlan(planFile, 'the calibration', () => calibrateFromPlan(design, plan, columns));
    // A replicate design calibrates every replicate as the full sample was (R's calibrate.svyrep.design).
    design =
      design.replicates === undefined
        ? result.design
        : inPlan(planFile, 'the calibration', () => calibrateReplicates(design, result, marginsOf(plan, columns)));
    if (plan.calibration.trim) {
      if (design.replicates !== undefined) {
        throw new LeakriskError(
          'trimming the weights of a replicate-weight design is not supported',
          { file: planFile, column: 'calibration.trim' },
          'remove "trim" from the calibration, or trim the replicate weights before the analysis',
        );
      }
      design = trimWeights(design, {
        ...(plan.calibration.trim.lower !== undefined ? { lower: plan.calibration.trim.lower } : {}),
        ...(plan.calibration.trim.upper !== undefined ? { upper: plan.calibration.trim.upper } : {}),
      }).design;
    }
    calibration = {
      method: result.method,
      iterations: result.iterations,
      converged: result.converged,
      maxDiscrepancy: result.maxDiscrepancy,
    };
  }

  const results = plan.analyses.map((analysis) => inPlan(planFile, `analysis "${analysis.id}"`, () => runAnalysis(analysis, design, columns)));
  adjustPValues(results);

  let sumWeights = 0;
  for (let i = 0; i < design.nrow; i++) sumWeights += design.weights[i]!;
  return {
    meta: {
      tool: 'leakrisk',
      version: input.toolVersion,
      data: input.dataFile,
      dataSha256: input.dataSha256,
      plan: input.planFile,
      ...(input.codebookPath !== undefined ? { codebook: input.codebookPath } : {}),
      ...(input.reportSettingsPath !== undefined ? { reportSettings: input.reportSettingsPath } : {}),
      rows: table.nrow,
      createdAt: input.now.toISOString(),
    },
    design: {
      strata: design.nStrata,
      psus: design.nPsu,
      df: design.df,
      sumWeights,
      lonelyPsu: design.lonelyPsu,
      ...(design.replicates === undefined ? {} : { replicates: { type: design.replicates.type, count: design.replicates.count } }),
    },
    calibration,
    results,
  };
}

/** A user error that names no file happened while running part of the plan: say which part. */
function inPlan<T>(planFile: string, part: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (isLeakriskError(error) && error.file === undefined) {
      throw new LeakriskError(`${part}: ${error.message}`, { file: planFile, ...(error.column !== undefined ? { column: error.column } : {}) }, error.fix);
    }
    throw error;
  }
}

function designColumns(plan: Plan): Array<[string, string]> {
  const d = plan.design;
  const out: Array<[string, string]> = [];
  (d.ids ?? []).forEach((name, k) => {
    out.push([`ids[${k}]`, name]);
  });
  if (d.strata) out.push(['strata', d.strata]);
  if (d.weights) out.push(['weights', d.weights]);
  const probs = d.probs === undefined ? [] : typeof d.probs === 'string' ? [d.probs] : d.probs;
  probs.forEach((name, k) => {
    out.push([`probs[${k}]`, name]);
  });
  (d.fpc ?? []).forEach((name, k) => {
    out.push([`fpc[${k}]`, name]);
  });
  return out;
}

/** The plan's calibration margins, each with its column as a factor. */
function marginsOf(plan: Plan, columns: PlanColumns): Margin[] {
  return Object.entries(plan.calibration!.margins).map(([variable, totals]) => ({
    variable,
    column: columns.factorOf(variable, 'calibration', `margins.${variable}`),
    totals,
  }));
}

function calibrateFromPlan(design: SurveyDesign, plan: Plan, columns: PlanColumns): CalibrationResult {
  const spec = plan.calibration!;
  const margins = marginsOf(plan, columns);
  switch (spec.method) {
    case 'rake':
      return rake(design, margins, {
        ...(spec.epsilon !== undefined ? { epsilon: spec.epsilon } : {}),
        ...(spec.maxit !== undefined ? { maxit: spec.maxit } : {}),
      });
    case 'poststratify':
      if (margins.length !== 1) {
        throw new LeakriskError(
          `post-stratification takes one margin, but the plan gives ${margins.length} (${margins.map((m) => m.variable).join(', ')})`,
          { file: columns.planFile, column: 'calibration.margins' },
          'post-stratify on one variable (derive a combined variable for cells), or use "method": "rake"',
        );
      }
      return postStratify(design, margins[0]!);
    case 'linear':
      return calibrateLinear(design, margins);
  }
}

/** The analysis fields a result echoes (besides id, type, section, label). */
const ECHO = [
  'variable',
  'numerator',
  'denominator',
  'level',
  'ci',
  'by',
  'naRm',
  'probs',
  'statistic',
  'formula',
  'family',
  'success',
  'link',
  'levels',
  'reverse',
  'weighted',
] as const;

function runAnalysis(analysis: Analysis, design: SurveyDesign, columns: PlanColumns): AnalysisResult {
  const head: AnalysisResult = { id: analysis.id, type: analysis.type, rows: [] };
  if (analysis.section !== undefined) head.section = analysis.section;
  if (analysis.label !== undefined) head.label = analysis.label;
  const record = analysis as unknown as Record<string, unknown>;
  for (const key of ECHO) if (record[key] !== undefined) head[key] = record[key];
  if (analysis.type === 'chisq') head.variables = [analysis.rows, analysis.cols];
  if (analysis.type === 'alpha' || analysis.type === 'omega') head.items = analysis.items;
  const warnings: string[] = [];
  const rows = analysisRows(analysis, design, columns, warnings);
  // Models say what went wrong in their fit (separation, non-convergence), even when nothing did.
  if (analysis.type === 'glm' || analysis.type === 'ordinal') head.warnings = warnings;
  // `rows` last, so the echoed fields read first in results.json
  const { rows: _unused, ...rest } = head;
  void _unused;
  return { ...rest, rows };
}

/** One domain of a `by` list: its labels and its row mask (undefined = the whole population). */
interface Domain {
  labels: Record<string, string>;
  mask(): Uint8Array | undefined;
}

/** The `by` variables as factors, in the plan's level order. */
function byFactors(by: readonly string[], columns: PlanColumns, analysisId: string): ByFactor[] {
  return by.map((name, k) => {
    const factor = columns.factorOf(name, analysisId, `by[${k}]`);
    return { name, codes: factor.codes, levels: factor.levels };
  });
}

/** The domains of a `by` list as R's `svyby` forms them (`byGroups`: R's order, empty ones dropped), or the whole population. */
function domainsOf(by: readonly string[] | undefined, design: SurveyDesign, columns: PlanColumns, analysisId: string): Domain[] {
  if (by === undefined || by.length === 0) return [{ labels: {}, mask: () => undefined }];
  const groups = byGroups(design, byFactors(by, columns, analysisId));
  return groups.domains.map(({ domain }, d) => ({ labels: domain, mask: () => groupMask(groups, d) }));
}

/** The rows of one analysis; a model's warnings go into `warnings`. */
function analysisRows(analysis: Analysis, design: SurveyDesign, columns: PlanColumns, warnings: string[]): ResultRow[] {
  const id = analysis.id;
  switch (analysis.type) {
    case 'mean':
    case 'total': {
      const y = columns.numericOf(analysis.variable, id, 'variable');
      const naRm = analysis.naRm ?? false;
      if (analysis.by === undefined || analysis.by.length === 0) {
        return [{ domain: {}, ...estimators.meanOrTotal(design, y, analysis.type, { domain: undefined, naRm }) }];
      }
      return estimators.meanOrTotalBy(design, y, analysis.type, byFactors(analysis.by, columns, id), naRm);
    }
    case 'ratio': {
      const num = columns.numericOf(analysis.numerator, id, 'numerator');
      const den = columns.numericOf(analysis.denominator, id, 'denominator');
      return domainsOf(analysis.by, design, columns, id).map((domain) => ({
        domain: domain.labels,
        ...estimators.ratio(design, num, den, { domain: domain.mask(), naRm: analysis.naRm ?? false }),
      }));
    }
    case 'proportion': {
      const factor = columns.factorOf(analysis.variable, id, 'variable');
      const level = columns.levelIndex(factor, analysis.variable, analysis.level, id, 'level');
      return domainsOf(analysis.by, design, columns, id).map((domain) => ({
        domain: domain.labels,
        level: analysis.level,
        ...estimators.proportion(design, factor, level, analysis.ci ?? 'logit', { domain: domain.mask(), naRm: analysis.naRm ?? false }),
      }));
    }
    case 'distribution': {
      const factor = columns.factorOf(analysis.variable, id, 'variable');
      return domainsOf(analysis.by, design, columns, id).flatMap((domain) =>
        estimators
          .distribution(design, factor, analysis.ci ?? 'logit', { domain: domain.mask(), naRm: analysis.naRm ?? false })
          .map((row) => ({ domain: domain.labels, ...row })),
      );
    }
    case 'quantile': {
      const y = columns.numericOf(analysis.variable, id, 'variable');
      return domainsOf(analysis.by, design, columns, id).flatMap((domain) =>
        estimators
          .quantiles(design, y, analysis.probs, { domain: domain.mask(), naRm: analysis.naRm ?? false })
          .map((row) => ({ domain: domain.labels, ...row })),
      );
    }
    case 'chisq': {
      const rowsFactor = columns.factorOf(analysis.rows, id, 'rows');
      const colsFactor = columns.factorOf(analysis.cols, id, 'cols');
      return [estimators.chisq(design, { name: analysis.rows, column: rowsFactor }, { name: analysis.cols, column: colsFactor }, analysis.statistic ?? 'F')];
    }
    case 'glm': {
      if (analysis.success !== undefined) {
        const response = analysis.formula
          .split('~')[0]!
          .trim()
          .replace(/^`(.*)`$/, '$1');
        const factor = columns.factorOf(response, id, 'formula');
        columns.levelIndex(factor, response, analysis.success, id, 'success');
      }
      const fit = estimators.glm(design, columns, analysis);
      warnings.push(...fit.warnings);
      return fit.rows;
    }
    case 'ordinal': {
      const fit = estimators.ordinal(design, columns, analysis);
      warnings.push(...fit.warnings);
      return fit.rows;
    }
    case 'contrast': {
      const y = columns.numericOf(analysis.variable, id, 'variable');
      const group = columns.factorOf(analysis.by, id, 'by');
      columns.levelIndex(group, analysis.by, analysis.levels[0], id, 'levels[0]');
      columns.levelIndex(group, analysis.by, analysis.levels[1], id, 'levels[1]');
      return [
        {
          domain: {},
          ...estimators.contrast(
            design,
            y,
            { name: analysis.by, codes: group.codes, levels: group.levels },
            analysis.levels[0],
            analysis.levels[1],
            analysis.naRm ?? false,
          ),
        },
      ];
    }
    case 'ttest': {
      const y = columns.numericOf(analysis.variable, id, 'variable');
      const group = columns.factorOf(analysis.by, id, 'by');
      if (analysis.levels) {
        columns.levelIndex(group, analysis.by, analysis.levels[0], id, 'levels[0]');
        columns.levelIndex(group, analysis.by, analysis.levels[1], id, 'levels[1]');
      }
      return [
        {
          domain: {},
          ...estimators.ttest(design, { name: analysis.variable, values: y }, { name: analysis.by, column: group }, analysis.levels),
        },
      ];
    }
    case 'alpha': {
      const items = analysis.items.map((name, k) => ({ name, values: columns.numericOf(name, id, `items[${k}]`) }));
      if (analysis.weighted) {
        const whole = designAlpha(items, design.weights, { reverse: analysis.reverse ?? [] });
        return [
          {
            alpha: whole.alpha,
            stdAlpha: null,
            n: whole.n,
            items: items.map((item) => ({
              item: item.name,
              alphaIfDropped:
                items.length > 2
                  ? designAlpha(
                      items.filter((other) => other !== item),
                      design.weights,
                      { reverse: analysis.reverse ?? [] },
                    ).alpha
                  : null,
              rDrop: null,
            })),
          },
        ];
      }
      const result = cronbachAlpha(items, { reverse: analysis.reverse ?? [] });
      return [
        {
          alpha: result.alpha,
          stdAlpha: result.stdAlpha,
          n: result.n,
          items: result.items.map((item) => ({ item: item.item, alphaIfDropped: item.alphaIfDropped, rDrop: item.rDrop })),
        },
      ];
    }
    case 'omega': {
      const items = analysis.items.map((name, k) => ({ name, values: columns.numericOf(name, id, `items[${k}]`) }));
      const result = omegaTotal(items, { reverse: analysis.reverse ?? [] });
      return [{ omegaTotal: result.omegaTotal, n: result.n }];
    }
  }
}

/**
 * Benjamini–Hochberg over every test row of the plan: chisq, ttest, contrast, glm terms other than the
 * intercept, and ordinal coefficients (not their cut points, which play the intercept's part).
 */
function adjustPValues(results: AnalysisResult[]): void {
  const slots: ResultRow[] = [];
  for (const result of results) {
    if (!['chisq', 'ttest', 'contrast', 'glm', 'ordinal'].includes(result.type)) continue;
    for (const row of result.rows) {
      if ((result.type === 'glm' && row.term === '(Intercept)') || (result.type === 'ordinal' && row.kind === 'cutpoint')) {
        row.pAdjusted = null;
        continue;
      }
      slots.push(row);
    }
  }
  const adjusted = benjaminiHochberg(slots.map((row) => (typeof row.pValue === 'number' ? row.pValue : null)));
  slots.forEach((row, k) => {
    row.pAdjusted = adjusted[k] ?? null;
  });
}
