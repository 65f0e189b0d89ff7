import { accumulationOf } from '../design/accumulation.js';
import { designVariance } from '../design/variance.js';
import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import { ratioReplicates } from './ratioReplicates.js';
import { naResult, type EstimateResult, type MeanOptions } from './result.js';
import { tCritical } from './tDistribution.js';
import { usedRows } from './usedRows.js';
import { weightedVariance } from './weightedVariance.js';

/**
 * Ratio of two totals, R's `svyratio(~y, ~x, design, na.rm, deff = TRUE)` (on `subset(design, domain)`).
 *
 *   R̂ = Σ wᵢyᵢ / Σ wᵢxᵢ,   V(R̂) = svyrecvar(zᵢ = wᵢ rᵢ),  rᵢ = (yᵢ − R̂ xᵢ) / Σ wⱼxⱼ,
 *   deff = R's `deff(svytotal(r, design, deff = TRUE))`: V(R̂) / (s²_w(r) · N̂ (N̂ − n)/n).
 * Rows missing either variable leave the estimate with `naRm` (R's `complete.cases`), else it is NaN.
 * CI: R̂ ± t(1−α/2; df) · se, df = degf of the domain. On a replicate design, `svyratio.svyrep.design`
 * ({@link ratioReplicates}).
 *
 * @example svyratio(design, apiStu, enroll, { naRm: true }).estimate // 0.83695… on apistrat
 */
export function svyratio(design: SurveyDesign, numerator: Float64Array, denominator: Float64Array, options: MeanOptions = {}): EstimateResult {
  const df = domainDf(design, options.domain);
  const { used, n, blocked } = usedRows(design, [numerator, denominator], options);
  if (blocked || n === 0) return naResult(n, df);
  const w = design.weights;
  let sy = 0;
  let sx = 0;
  let N = 0;
  for (let i = 0; i < design.nrow; i++) {
    if (!used[i]) continue;
    sy += w[i]! * numerator[i]!;
    sx += w[i]! * denominator[i]!;
    N += w[i]!;
  }
  const estimate = sy / sx;
  const r = new Float64Array(design.nrow);
  const z = new Float64Array(design.nrow);
  for (let i = 0; i < design.nrow; i++) {
    if (!used[i]) continue;
    r[i] = (numerator[i]! - estimate * denominator[i]!) / sx;
    z[i] = w[i]! * r[i]!;
  }
  // A replicate design: svrVar of the replicate ratios; its design effect from the residuals' total.
  const replicate = accumulationOf(design) === 'replicates' ? ratioReplicates(design, numerator, denominator, used) : undefined;
  const variance = replicate?.variance ?? designVariance(design, [z], { present: used })[0]!;
  const deffVariance = replicate?.residualVariance ?? variance;
  const se = Math.sqrt(variance);
  const s2 = weightedVariance(r, w, used);
  const vsrs = options.deff === 'replace' ? (s2 * N * N) / n : (s2 * N * N * (N - n)) / (N * n);
  const t = tCritical(options.level ?? 0.95, df);
  return { estimate, se, variance, ciLow: estimate - t * se, ciHigh: estimate + t * se, df, deff: deffVariance / vsrs, n };
}
