import type { CalibrationStep, SurveyDesign } from '../design/types.js';
import { withWeights } from '../design/design.js';
import { checkMargins, levelTotals, maxMarginDiscrepancy, type Margin } from './margins.js';
import type { CalibrationResult } from './types.js';

/**
 * Post-stratification, matching `survey::postStratify(design, ~variable, population)`.
 *
 * Each row's weight is multiplied by `N_h / Ŵ_h`, where `N_h` is the population total of its
 * post-stratum h and `Ŵ_h = Σ_{i∈h} w_i` the sample's weighted total, so that the weighted
 * counts equal the population counts exactly.
 *
 * Variance: as `svyrecvar` does for a design's `postStrata`, the influence values `x_i` are
 * replaced by `x_i − w*_i · m_h`, with `m_h = Σ_{i∈h} x_i w_i / w*_i / Σ_{i∈h} w_i` (w = weights
 * before, w* after post-stratification): the post-stratum means are removed.
 *
 * @param design the design to post-stratify
 * @param margin the post-stratification variable and the population total of each of its levels
 * @returns the post-stratified design (its `calibration` gains the residualising step)
 * @example postStratify(design, { variable: 'stype', column, totals: { E: 4421, H: 755, M: 1018 } })
 */
export function postStratify(design: SurveyDesign, margin: Margin): CalibrationResult {
  const [checked] = checkMargins(design, [margin]);
  const { codes, target, levels } = checked!;
  const oldWeights = design.weights;
  const newWeights = postStratifyWeights(oldWeights, codes, levels.length, target);
  const step = new PostStratumStep(codes, levels.length, oldWeights, newWeights);
  return {
    design: withWeights(design, newWeights, step),
    method: 'poststratify',
    iterations: 1,
    converged: true,
    maxDiscrepancy: maxMarginDiscrepancy([checked!], newWeights),
  };
}

/** `w*_i = w_i · N_h / Σ_{j∈h} w_j` for the post-stratum h of row i. */
export function postStratifyWeights(weights: Float64Array, codes: Int32Array, nLevels: number, target: Float64Array): Float64Array {
  const sampleTotals = levelTotals(codes, nLevels, weights);
  const factor = new Float64Array(nLevels);
  for (let c = 0; c < nLevels; c++) factor[c] = target[c]! / sampleTotals[c]!;
  const out = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) out[i] = weights[i]! * factor[codes[i]!]!;
  return out;
}

/** The ordinary post-stratification branch of `svyrecvar`'s `postStrata` handling. */
export class PostStratumStep implements CalibrationStep {
  readonly method = 'poststratify';

  constructor(
    private readonly codes: Int32Array,
    private readonly nLevels: number,
    private readonly oldWeights: Float64Array,
    private readonly newWeights: Float64Array,
  ) {}

  residualize(z: readonly Float64Array[]): Float64Array[] {
    const { codes, nLevels, oldWeights, newWeights } = this;
    const n = codes.length;
    const oldTotals = levelTotals(codes, nLevels, oldWeights);
    return z.map((x) => {
      const sums = new Float64Array(nLevels);
      for (let i = 0; i < n; i++) {
        const psw = newWeights[i] === 0 && oldWeights[i] === 0 ? 1 : newWeights[i]!;
        sums[codes[i]!] += (x[i]! * oldWeights[i]!) / psw;
      }
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const psw = newWeights[i] === 0 && oldWeights[i] === 0 ? 1 : newWeights[i]!;
        const c = codes[i]!;
        out[i] = x[i]! - (sums[c]! / oldTotals[c]!) * psw;
      }
      return out;
    });
  }
}
