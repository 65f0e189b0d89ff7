import type { SurveyDesign } from './types.js';

/**
 * How an estimator gathers the influence values its variance needs: `perRow`, one value per row
 * and statistic, for `designVariance` (what R's `svyrecvar` takes); or `perUnit`, their totals per
 * first-stage unit (PSU), for `designVarianceOfUnitTotals`, without an array as long as the data.
 * Every estimator with both has two named kernels (`meanPerRow` / `meanPerUnit`, …), as
 * simple-statistics names `mode` / `modeFast`; {@link accumulationOf} alone chooses between them.
 * A replicate-weight design (R's `svyrep.design`) has no influence values: {@link accumulationOf} says
 * `replicates`, and its estimators recompute the estimate with every replicate's weights (R's `svrVar`).
 */
export type Accumulation = 'perRow' | 'perUnit';

/**
 * Whether PSU totals suffice for the design's variance: without calibration (which adjusts
 * influence values row by row) and when only the first stage adds variance (one stage, or
 * first-stage units sampled with replacement, where R's `multistage` stops).
 */
export function perUnitApplies(design: SurveyDesign): boolean {
  if (design.calibration.length > 0) return false;
  if (design.stages.length === 1) return true;
  return design.stages[0]!.population.every((N) => !Number.isFinite(N));
}

/**
 * The accumulation an estimator uses on this design: `perUnit` whenever it applies (it is the
 * faster, and gives the same numbers), else `perRow` — unless the design names one
 * ({@link withAccumulation}), which is how the tests run every R fixture through both kernels.
 * A design that names `perUnit` where it does not apply is refused. A replicate design is always `replicates`.
 */
export function accumulationOf(design: SurveyDesign): Accumulation | 'replicates' {
  if (design.replicates !== undefined) return 'replicates';
  const named = design.accumulation;
  if (named === 'perRow') return 'perRow';
  if (named === 'perUnit' && !perUnitApplies(design)) {
    throw new Error('accumulationOf: the design needs influence values per row (it is calibrated, or a later stage adds variance); perUnit does not apply');
  }
  return perUnitApplies(design) ? 'perUnit' : 'perRow';
}

/** The same design with the accumulation its estimators must use (see {@link accumulationOf}). */
export function withAccumulation(design: SurveyDesign, accumulation: Accumulation): SurveyDesign {
  return { ...design, accumulation };
}
