import { LeakriskError } from '../errors.js';
import { replicateDegf } from '../design/replicates/replicateDegf.js';
import { replicateWeightsOf } from '../design/replicates/replicateTotals.js';
import type { SurveyDesign } from '../design/types.js';
import { solveEquilibrated } from '../inference/irls.js';
import { marginColumns } from './linear.js';
import { checkMargins, type CheckedMargin, type Margin } from './margins.js';
import { postStratifyWeights } from './postStratify.js';
import type { CalibrationResult } from './types.js';

/**
 * Calibrates every replicate of a replicate-weight design as the full sample was calibrated, as R's
 * `postStratify`, `rake` and `calibrate` do for a `svyrep.design` (survey 4.1):
 * - post-stratification: each replicate's weights are scaled to the population total of each
 *   post-stratum by that replicate's own weighted total there;
 * - raking: each replicate goes through as many passes over the margins as the full sample took (R checks
 *   convergence on the full-sample weights only);
 * - linear (GREG): each replicate gets its own g-weights 1 + x'T_r⁻¹(t − Σ w_r x), T_r = Σ w_r x x'.
 * The variance then comes from the calibrated replicates alone (no linearisation step), and `df` is the
 * degf of the calibrated replicate weights, as R recomputes it. The replicate weights become row by row
 * (n × R values): calibration makes them differ within PSUs.
 *
 * @param design the replicate design before calibration
 * @param calibrated the full sample's calibration of it (`rake`, `postStratify` or `calibrateLinear`)
 */
export function calibrateReplicates(design: SurveyDesign, calibrated: CalibrationResult, margins: readonly Margin[]): SurveyDesign {
  const replicates = design.replicates!;
  const checked = checkMargins(design, margins);
  const adjust = replicateAdjustment(calibrated, checked, design);
  const columns: Float64Array[] = [];
  for (let r = 0; r < replicates.count; r++) columns.push(adjust(replicateWeightsOf(replicates, design.weights, r)));
  const weighted = { ...replicates, combinedWeights: true, storage: { kind: 'rows' as const, columns } };
  const weights = calibrated.design.weights;
  return { ...calibrated.design, calibration: design.calibration, replicates: weighted, df: replicateDegf(weighted, weights) };
}

/** The calibration of one replicate's weights (a new array). */
function replicateAdjustment(calibrated: CalibrationResult, checked: readonly CheckedMargin[], design: SurveyDesign): (weights: Float64Array) => Float64Array {
  switch (calibrated.method) {
    case 'poststratify': {
      const margin = checked[0]!;
      return (weights) => postStratifyWeights(weights, margin.codes, margin.levels.length, margin.target);
    }
    case 'rake':
      return (weights) => {
        let out = weights;
        for (let pass = 0; pass < calibrated.iterations; pass++) {
          for (const margin of checked) out = postStratifyWeights(out, margin.codes, margin.levels.length, margin.target);
        }
        return out;
      };
    case 'linear':
      return linearAdjustment(checked, design);
  }
}

/** R's `regcalibrate` per replicate, on the model columns the full sample kept. */
function linearAdjustment(checked: readonly CheckedMargin[], design: SurveyDesign): (weights: Float64Array) => Float64Array {
  const n = design.nrow;
  const all = marginColumns(checked, n);
  const columns: Float64Array[] = [];
  const totals: number[] = [];
  all.columns.forEach((column, j) => {
    let total = 0;
    let zero = true;
    for (let i = 0; i < n; i++) {
      total += design.weights[i]! * column.values[i]!;
      if (column.values[i] !== 0) zero = false;
    }
    if (total === 0 && all.totals[j] === 0 && zero) return;
    columns.push(column.values);
    totals.push(all.totals[j]!);
  });
  const p = columns.length;
  return (weights) => {
    const t = new Float64Array(p * p);
    const gap = Float64Array.from(totals);
    for (let a = 0; a < p; a++) {
      const ca = columns[a]!;
      for (let i = 0; i < n; i++) gap[a] -= weights[i]! * ca[i]!;
      for (let b = a; b < p; b++) {
        const cb = columns[b]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += weights[i]! * ca[i]! * cb[i]!;
        t[a * p + b] = s;
        t[b * p + a] = s;
      }
    }
    const lambda = solveEquilibrated(t, gap, p, Number.POSITIVE_INFINITY)?.beta;
    if (lambda === undefined) {
      throw new LeakriskError(
        'a replicate cannot be calibrated: its weights leave a calibration level empty',
        { file: design.file, column: 'calibration' },
        'merge small levels of the calibration margins, so that every replicate has rows in each',
      );
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let g = 1;
      for (let a = 0; a < p; a++) g += columns[a]![i]! * lambda[a]!;
      out[i] = weights[i]! * g;
    }
    return out;
  };
}
