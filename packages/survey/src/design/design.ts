import { LeakriskError } from '../errors.js';
import type { Table } from '../table/table.js';
import { applyFpc } from './fpc.js';
import { stagesOf } from './clusters.js';
import type { BuildDesignOptions } from './designColumns.js';
import { strataOf } from './strata.js';
import { LONELY_PSU_RULES, type CalibrationStep, type DesignSpec, type SurveyDesign } from './types.js';
import { designWeights } from './weights.js';

export type { BuildDesignOptions } from './designColumns.js';
export { stageStratumName } from './strata.js';

/**
 * Builds a survey design from the sample, as R's
 * `svydesign(ids = ~…, strata = ~…, weights = ~… | probs = ~…, fpc = ~…, nest = …)`:
 * - clusters: later-stage units are nested in their parent unit; with `nest`, PSUs are nested in
 *   strata; without it, a PSU id found in two strata is an error (R's `check.strata`);
 * - fpc per stage: all values ≥ 1 are population counts, all ≤ 1 sampling fractions
 *   (population = sampled / fraction); stages without an fpc are with replacement;
 * - weights: the `weights` column, or 1 / product of `probs`, or (neither given) the product over stages
 *   of population / sampled units from the fpc, or else 1 for every row (R warns; so do we, by `warnings`);
 * - df = PSUs − strata (R's `degf`).
 * Missing, zero or negative weights, missing ids/strata/fpc are errors naming the row.
 */
export function buildDesign(table: Table, spec: DesignSpec, options: BuildDesignOptions = {}): SurveyDesign {
  const n = table.nrow;
  const file = table.file;
  const lonelyPsu = spec.lonelyPsu ?? 'fail';
  if (!LONELY_PSU_RULES.includes(lonelyPsu)) {
    throw new LeakriskError(
      `unknown lonely-PSU rule "${String(lonelyPsu)}"`,
      { file, column: 'design.lonelyPsu' },
      `use one of ${LONELY_PSU_RULES.join(', ')}`,
    );
  }
  if (n === 0) {
    throw new LeakriskError('the data has no rows, so there is no design to build', { file }, 'give a data file with at least two rows');
  }
  if (spec.weights !== undefined && spec.probs !== undefined) {
    throw new LeakriskError(
      'the design names both weights and probs',
      { file, column: 'design' },
      'give either "weights" (sampling weights) or "probs" (selection probabilities), not both',
    );
  }

  const strata = strataOf(table, spec, options);
  const stages = stagesOf(table, spec, options, strata);
  const hasFpc = applyFpc(table, spec, options, stages, strata);
  const weights = designWeights(table, spec, options, stages, strata, hasFpc);

  const first = stages[0]!;
  const nStrata = strata.strataLabels.length;
  const df = first.nClusters - nStrata;
  return {
    file,
    nrow: n,
    weights,
    samplingWeights: weights,
    strata: strata.strata,
    strataLabels: strata.strataLabels,
    hasStrata: strata.hasStrata,
    stages,
    psusPerStratum: first.sampled,
    nPsu: first.nClusters,
    nStrata,
    df,
    hasFpc,
    lonelyPsu,
    adjustDomainLonely: spec.adjustDomainLonely === true,
    calibration: [],
    spec: { ...spec },
  };
}

/**
 * A copy of the design with new analysis weights (calibrated or trimmed), optionally adding a
 * calibration step that the variance applies to influence values (R's `postStrata`). The sampling
 * weights, strata and clusters are shared (they are never modified).
 */
export function withWeights(design: SurveyDesign, weights: Float64Array, step?: CalibrationStep): SurveyDesign {
  if (weights.length !== design.nrow) {
    throw new LeakriskError(`internal: ${weights.length} weights for a design of ${design.nrow} rows`, { file: design.file }, 'report this as a bug');
  }
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new LeakriskError(
        `row ${i + 1} gets an impossible weight (${w}) after adjustment`,
        { file: design.file, row: i + 1 },
        'check the calibration margins: every margin cell must be present in the sample',
      );
    }
  }
  return {
    ...design,
    weights,
    calibration: step === undefined ? design.calibration : [...design.calibration, step],
  };
}
