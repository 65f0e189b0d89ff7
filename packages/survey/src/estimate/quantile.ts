import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import type { EstimateOptions } from './result.js';
import { tCritical } from './tDistribution.js';
import { usedRows } from './usedRows.js';
import { svymean } from './mean.js';

export interface QuantileOptions extends EstimateOptions {
  /** CI level; default 0.95 (R's `alpha = 0.05`). */
  level?: number;
}

export interface QuantileResult {
  probability: number;
  estimate: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  /** R's `degf` of the design after the domain and `na.rm` subset. */
  df: number;
  n: number;
}

/**
 * The weighted distribution of x over the used rows, by distinct value: sorted values, the number of
 * rows at each, and cumulative weights summed with compensated (double-double) arithmetic, so that
 * the comparisons below agree with R's long-double `cumsum`/`sum` whatever the row order.
 */
interface WeightedCdf {
  values: Float64Array;
  counts: Int32Array;
  cumulative: Float64Array;
  total: number;
  nrow: number;
}

function weightedCdf(x: Float64Array, weights: Float64Array, used: Uint8Array): WeightedCdf {
  let nrow = 0;
  for (let i = 0; i < x.length; i++) if (used[i] && weights[i] !== 0) nrow++;
  const sorted = new Float64Array(nrow);
  for (let i = 0, j = 0; i < x.length; i++) if (used[i] && weights[i] !== 0) sorted[j++] = x[i]!;
  sorted.sort();
  let m = 0;
  for (let j = 0; j < nrow; j++) if (j === 0 || sorted[j] !== sorted[j - 1]) sorted[m++] = sorted[j]!;
  const values = sorted.slice(0, m);
  const hi = new Float64Array(m);
  const lo = new Float64Array(m);
  const counts = new Int32Array(m);
  for (let i = 0; i < x.length; i++) {
    if (!used[i] || weights[i] === 0) continue;
    const v = x[i]!;
    let a = 0;
    let b = m - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (values[mid]! < v) a = mid + 1;
      else b = mid;
    }
    // two-sum: exact running sum of this value's weights as hi + lo
    const s0 = hi[a]!;
    const w = weights[i]!;
    const s = s0 + w;
    const bb = s - s0;
    lo[a] = lo[a]! + (s0 - (s - bb) + (w - bb));
    hi[a] = s;
    counts[a]!++;
  }
  const cumulative = new Float64Array(m);
  let sHi = 0;
  let sLo = 0;
  for (let j = 0; j < m; j++) {
    for (let part = 0; part < 2; part++) {
      const b = part === 0 ? hi[j]! : lo[j]!;
      const s = sHi + b;
      const bb = s - sHi;
      sLo += sHi - (s - bb) + (b - bb);
      sHi = s;
    }
    cumulative[j] = sHi + sLo;
  }
  return { values, counts, cumulative, total: sHi + sLo, nrow };
}

/**
 * R's `qrule_math` (survey 4.1, `qrule = "math"`, Hyndman–Fan type 1 for weights): with rows sorted
 * by x and cumulative weights Wⱼ of total W, pos = the last row with Wⱼ ≤ p·W (the first row if
 * none), and the quantile is x_pos when p − W_pos/W = 0, else the next row's value.
 */
function qruleMath(cdf: WeightedCdf, p: number): number {
  const { values, counts, cumulative, total } = cdf;
  if (values.length === 0) return Number.NaN;
  const target = p * total;
  // Last distinct value whose cumulative weight is ≤ p·W.
  let lo = 0;
  let hi = values.length - 1;
  let g = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! <= target) {
      g = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (g < 0) {
    // R's last() returns row 1; wlow = p − w₁/W < 0 ≠ 0, so the answer is row 2 (row 1 if only one row).
    if (counts[0]! >= 2 || values.length === 1) return values[0]!;
    return values[1]!;
  }
  const wlow = p - cumulative[g]! / total;
  if (wlow === 0) return values[g]!;
  return g + 1 < values.length ? values[g + 1]! : values[g]!;
}

/**
 * Quantiles with Woodruff confidence intervals, R's survey 4.x
 * `svyquantile(~x, subset(design, domain), quantiles, na.rm, ci = TRUE)` with its defaults
 * `qrule = "math"` and `interval.type = "mean"`:
 *   q̂ = qrule_math(x, w, p);
 *   p̂ = svymean(x ≤ q̂) with CI p̂ ± t(1−α/2; df)·se(p̂), df = degf of the (domain, na.rm) subset;
 *   CI = [qrule_math(x, w, lower), qrule_math(x, w, upper)] (NaN when a limit falls outside [0, 1]);
 *   se = (upper − lower) / (2 t(1−α/2; df)).
 *
 * @param probs probabilities in [0, 1]
 */
export function svyquantile(design: SurveyDesign, x: Float64Array, probs: readonly number[], options: QuantileOptions = {}): QuantileResult[] {
  const level = options.level ?? 0.95;
  const { used, n, blocked } = usedRows(design, [x], options);
  const df = domainDf(design, used);
  if (blocked || n === 0) {
    return probs.map((probability) => ({ probability, estimate: Number.NaN, se: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN, df, n }));
  }
  const cdf = weightedCdf(x, design.weights, used);
  const t = tCritical(level, df);
  const below = new Float64Array(design.nrow);
  return probs.map((probability) => {
    const estimate = qruleMath(cdf, probability);
    for (let i = 0; i < design.nrow; i++) below[i] = used[i] ? (x[i]! <= estimate ? 1 : 0) : Number.NaN;
    // R: svymean(x <= qhat, design) on the na.rm subset; its CI uses the quantile's df.
    const m = svymean(design, below, { domain: used, naRm: true });
    const pLow = m.estimate - t * m.se;
    const pHigh = m.estimate + t * m.se;
    const ciLow = Number.isNaN(pLow) || pLow < 0 ? Number.NaN : qruleMath(cdf, pLow);
    const ciHigh = Number.isNaN(pHigh) || pHigh > 1 ? Number.NaN : qruleMath(cdf, pHigh);
    const se = (ciHigh - ciLow) / (2 * t);
    return { probability, estimate, se, ciLow, ciHigh, df, n };
  });
}
