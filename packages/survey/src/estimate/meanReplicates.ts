import { replicateDegfByDomains } from '../design/replicates/replicateDegf.js';
import { replicateVariance } from '../design/replicates/replicateVariance.js';
import type { ReplicateWeights } from '../design/replicates/types.js';
import type { SurveyDesign } from '../design/types.js';
import { estimateResult, naResult, type EstimateResult, type MeanOptions } from './result.js';
import { checkDomain } from './usedRows.js';

/** One domain's mean or total on a replicate design, before its interval and design effect. */
export interface ReplicateLinearEstimate {
  estimate: number;
  /** svrVar of the replicate estimates (NaN when a missing value blocks the estimate). */
  variance: number;
  /** Σ w and the rows used (domain, value present, weight ≠ 0). */
  sumWeights: number;
  n: number;
  /** R's `svyvar` of x over the rows used, for the design effect. */
  s2: number;
  /** degf of the design restricted to the domain's rows (R's `degf(design[domain, ])`). */
  df: number;
  /** A missing value in the domain without `naRm` (R's NA). */
  blocked: boolean;
}

/**
 * Means or totals of x in every domain on a replicate-weight design, R's
 * `svymean.svyrep.design` / `svytotal.svyrep.design` on `design[domain, ]` with `na.rm`:
 * the estimate with the full-sample weights, Σ w x / Σ w (or Σ w x), and each replicate's with its
 * analysis weights, Σ w_r x / Σ w_r (or Σ w_r x); the variance is R's `svrVar` of the replicate
 * estimates (a replicate with no weight in the domain gives NaN and is left out, as R does).
 *
 * The replicate totals come from one pass over the rows: per PSU when the replicate factors are per PSU
 * (Σ w x and Σ w per domain and PSU, then Σ_u f_ur · sums_u per replicate), else one pass per replicate.
 * `domains[i]` is row i's domain (−1 = none), or with `nDomains` 1 a 0/1 mask (undefined = every row).
 */
export function replicateMeansByDomains(
  design: SurveyDesign,
  x: Float64Array,
  domains: Int32Array | Uint8Array | undefined,
  nDomains: number,
  naRm: boolean,
  kind: 'mean' | 'total',
): ReplicateLinearEstimate[] {
  const replicates = design.replicates!;
  const weights = design.weights;
  const n = design.nrow;
  const isMask = domains instanceof Uint8Array;
  const sw = new Float64Array(nDomains);
  const swx = new Float64Array(nDomains);
  const count = new Int32Array(nDomains);
  const blocked = new Uint8Array(nDomains);
  // each used row's domain (−1 = not used)
  const usedDomain = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const d = domains === undefined ? 0 : isMask ? (domains[i] ? 0 : -1) : domains[i]!;
    if (d < 0) continue;
    const w = weights[i]!;
    const xi = x[i]!;
    if (Number.isNaN(xi)) {
      if (!naRm && w !== 0) blocked[d] = 1;
      continue;
    }
    if (w === 0) continue;
    usedDomain[i] = d;
    sw[d] += w;
    swx[d] += w * xi;
    count[d]!++;
  }
  const estimates = Float64Array.from(swx, (total, d) => (kind === 'mean' ? total / sw[d]! : total));
  const totals = replicateDomainTotals(replicates, weights, x, usedDomain, nDomains);
  const R = replicates.count;
  const s2 = spreadByDomains(x, weights, usedDomain, estimates, sw, count, kind);
  const df = domains === undefined ? Int32Array.of(design.df) : replicateDegfByDomains(replicates, weights, domains, nDomains);
  return Array.from({ length: nDomains }, (_, d) => {
    if (blocked[d] || count[d] === 0) {
      return {
        estimate: kind === 'total' && !blocked[d] ? 0 : Number.NaN,
        variance: Number.NaN,
        sumWeights: sw[d]!,
        n: count[d]!,
        s2: Number.NaN,
        df: df[d]!,
        blocked: blocked[d] === 1,
      };
    }
    const thetas = new Float64Array(R);
    for (let r = 0; r < R; r++) {
      const base = (d * R + r) * 2;
      thetas[r] = kind === 'mean' ? totals[base]! / totals[base + 1]! : totals[base]!;
    }
    const variance = replicateVariance(thetas, 1, replicates, [estimates[d]!]).covariance[0]!;
    return { estimate: estimates[d]!, variance, sumWeights: sw[d]!, n: count[d]!, s2: s2[d]!, df: df[d]!, blocked: false };
  });
}

/** `svymean`'s replicate kernel (see `accumulationOf`): R's `svymean.svyrep.design` on `design[domain, ]`. */
export function meanReplicates(design: SurveyDesign, x: Float64Array, options: MeanOptions = {}): EstimateResult {
  checkDomain(design, options.domain);
  return meanOrTotalByDomainsReplicates(design, x, options.domain, 1, options, 'mean')[0]!;
}

/** `svytotal`'s replicate kernel (see `accumulationOf`): R's `svytotal.svyrep.design` on `design[domain, ]`. */
export function totalReplicates(design: SurveyDesign, x: Float64Array, options: MeanOptions = {}): EstimateResult {
  checkDomain(design, options.domain);
  return meanOrTotalByDomainsReplicates(design, x, options.domain, 1, options, 'total')[0]!;
}

/**
 * Means or totals of every domain of a `by` at once on a replicate design ({@link replicateMeansByDomains}),
 * as results: R's t interval on the domain's degf and its design effect (`svyvar` of the used rows over n,
 * times (N̂ − n)/N̂ unless `deff: 'replace'`).
 */
export function meanOrTotalByDomainsReplicates(
  design: SurveyDesign,
  x: Float64Array,
  domains: Int32Array | Uint8Array | undefined,
  nDomains: number,
  options: Omit<MeanOptions, 'domain'>,
  kind: 'mean' | 'total',
): EstimateResult[] {
  return replicateMeansByDomains(design, x, domains, nDomains, options.naRm === true, kind).map((r) => {
    if (r.blocked) return naResult(r.n, r.df);
    if (r.n === 0) return { ...naResult(0, r.df), ...(kind === 'total' ? { estimate: 0, se: 0, variance: 0, ciLow: 0, ciHigh: 0 } : {}) };
    return estimateResult(kind, r.estimate, r.variance, r.s2, r.sumWeights, r.n, r.df, options);
  });
}

/**
 * Each replicate's Σ w_r x and Σ w_r over each domain's used rows: `out[(d * R + r) * 2 + {0, 1}]`.
 */
function replicateDomainTotals(replicates: ReplicateWeights, weights: Float64Array, x: Float64Array, usedDomain: Int32Array, nDomains: number): Float64Array {
  const R = replicates.count;
  const out = new Float64Array(nDomains * R * 2);
  const storage = replicates.storage;
  const combined = replicates.combinedWeights;
  const n = weights.length;
  if (storage.kind === 'units') {
    const U = storage.nUnits;
    const sums = new Float64Array(nDomains * U * 2);
    const unit = storage.unit;
    for (let i = 0; i < n; i++) {
      const d = usedDomain[i]!;
      if (d < 0) continue;
      const m = combined ? 1 : weights[i]!;
      const k = (d * U + unit[i]!) * 2;
      sums[k] += m * x[i]!;
      sums[k + 1] += m;
    }
    const f = storage.factors;
    for (let d = 0; d < nDomains; d++) {
      for (let u = 0; u < U; u++) {
        const k = (d * U + u) * 2;
        const sx = sums[k]!;
        const s1 = sums[k + 1]!;
        if (s1 === 0) continue;
        const base = u * R;
        for (let r = 0; r < R; r++) {
          const o = (d * R + r) * 2;
          out[o] += f[base + r]! * sx;
          out[o + 1] += f[base + r]! * s1;
        }
      }
    }
    return out;
  }
  for (let r = 0; r < R; r++) {
    const column = storage.columns[r]!;
    for (let i = 0; i < n; i++) {
      const d = usedDomain[i]!;
      if (d < 0) continue;
      const w = combined ? column[i]! : column[i]! * weights[i]!;
      const o = (d * R + r) * 2;
      out[o] += w * x[i]!;
      out[o + 1] += w;
    }
  }
  return out;
}

/** R's `svyvar` (n/(n − 1) Σ w (x − x̄)² / Σ w) of x over each domain's used rows. */
function spreadByDomains(
  x: Float64Array,
  weights: Float64Array,
  usedDomain: Int32Array,
  estimates: Float64Array,
  sw: Float64Array,
  count: Int32Array,
  kind: 'mean' | 'total',
): Float64Array {
  const nDomains = sw.length;
  const mean = Float64Array.from(estimates, (e, d) => (kind === 'mean' ? e : e / sw[d]!));
  const ss = new Float64Array(nDomains);
  for (let i = 0; i < x.length; i++) {
    const d = usedDomain[i]!;
    if (d < 0) continue;
    const deviation = x[i]! - mean[d]!;
    ss[d] += weights[i]! * deviation * deviation;
  }
  return Float64Array.from(ss, (s, d) => (count[d]! < 2 ? Number.NaN : ((s / sw[d]!) * count[d]!) / (count[d]! - 1)));
}
