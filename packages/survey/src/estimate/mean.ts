import { designVariance, designVarianceOfUnitTotals, unitTotalsSuffice } from '../design/variance.js';
import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import {
  checkDomain,
  naResult,
  tCritical,
  usedRows,
  weightedVariance,
  type EstimateOptions,
  type EstimateResult,
} from './common.js';

/** Options of {@link svymean} and {@link svytotal}. */
export interface MeanOptions extends EstimateOptions {
  /** `'replace'` = R's `deff = "replace"` (SRS with replacement); default R's `deff = TRUE`. */
  deff?: 'default' | 'replace';
}

/**
 * Weighted mean and its influence values over the used rows: x̄ = Σ wᵢxᵢ / Σ wᵢ and
 * zᵢ = wᵢ (xᵢ − x̄) / Σ wᵢ (zero for rows not used).
 */
export function meanInfluence(
  weights: Float64Array,
  x: Float64Array,
  used: Uint8Array,
): { estimate: number; z: Float64Array; sumWeights: number } {
  const n = x.length;
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < n; i++) {
    if (!used[i]) continue;
    const w = weights[i]!;
    sw += w;
    swx += w * x[i]!;
  }
  const estimate = swx / sw;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!used[i]) continue;
    z[i] = (weights[i]! * (x[i]! - estimate)) / sw;
  }
  return { estimate, z, sumWeights: sw };
}

/**
 * Design-based mean, R's `svymean(~x, design, na.rm, deff = TRUE)` (on `subset(design, domain)`).
 *
 *   x̄ = Σ wᵢxᵢ / Σ wᵢ,   V(x̄) = svyrecvar(zᵢ = wᵢ(xᵢ − x̄)/Σ wᵢ)   (see {@link designVariance}),
 *   deff = V(x̄) / (s²_w · (N̂ − n)/(N̂ n)), with N̂ = Σ wᵢ, n the rows used and s²_w R's `svyvar`
 *   (n/(n−1) · Σ wᵢ(xᵢ − x̄)²/Σ wᵢ); `deff: 'replace'` uses s²_w / n. NaN when N̂ < n, as R.
 * CI: x̄ ± t(1−α/2; df) · se with df = degf of the domain (see {@link EstimateResult}).
 *
 * @param x one value per row, NaN = missing
 * @example svymean(design, numericColumn(table, 'api00')).estimate // 662.287… on apistrat
 */
export function svymean(design: SurveyDesign, x: Float64Array, options: MeanOptions = {}): EstimateResult {
  if (unitTotalsSuffice(design)) return meanOrTotalByUnits(design, x, options, 'mean');
  const df = domainDf(design, options.domain);
  const { used, n, blocked } = usedRows(design, [x], options);
  if (blocked || n === 0) return naResult(n, df);
  const { estimate, z, sumWeights } = meanInfluence(design.weights, x, used);
  const variance = designVariance(design, [z], { present: used })[0]!;
  const se = Math.sqrt(variance);
  const s2 = weightedVariance(x, design.weights, used);
  let vsrs: number;
  if (options.deff === 'replace') vsrs = s2 / n;
  else vsrs = sumWeights < n ? Number.NaN : (s2 * (sumWeights - n)) / (sumWeights * n);
  const t = tCritical(options.level ?? 0.95, df);
  return { estimate, se, variance, ciLow: estimate - t * se, ciHigh: estimate + t * se, df, deff: variance / vsrs, n };
}

/**
 * {@link svymean} and {@link svytotal} in two passes over the rows, for designs whose variance needs
 * only PSU totals ({@link unitTotalsSuffice}): the first finds the domain's degrees of freedom, the
 * rows used and each PSU's Σw and Σwx (from which the PSU totals of the influence values follow:
 * (Σwx − x̄ Σw)/Σw for a mean, Σwx for a total); the second the spread around the mean for the
 * design effect. The same rows, sums (in row order) and formulas as the general path.
 */
export function meanOrTotalByUnits(design: SurveyDesign, x: Float64Array, options: MeanOptions, kind: 'mean' | 'total'): EstimateResult {
  const { domain } = options;
  checkDomain(design, domain);
  const stage = design.stages[0]!;
  const cluster = stage.cluster;
  const strata = design.strata;
  const weights = design.weights;
  const sw = new Float64Array(stage.nClusters);
  const swx = new Float64Array(stage.nClusters);
  const inEstimate = new Uint8Array(stage.nClusters);
  const inDomain = new Uint8Array(stage.nClusters);
  const stratumInDomain = new Uint8Array(design.nStrata);
  const touched: number[] = [];
  let psus = 0;
  let strataCount = 0;
  let n = 0;
  let blocked = false;
  let sumWeights = 0;
  let sumWx = 0;
  for (let i = 0; i < x.length; i++) {
    if (domain !== undefined && !domain[i]) continue;
    const w = weights[i]!;
    const c = cluster[i]!;
    if (w !== 0) {
      // R's degf(subset(design, domain)): PSUs and strata with a row of non-zero weight.
      if (inDomain[c] === 0) {
        inDomain[c] = 1;
        psus++;
      }
      const h = strata[i]!;
      if (stratumInDomain[h] === 0) {
        stratumInDomain[h] = 1;
        strataCount++;
      }
    }
    const xi = x[i]!;
    if (Number.isNaN(xi)) {
      if (!options.naRm && w !== 0) blocked = true;
      continue;
    }
    if (w === 0) continue;
    if (inEstimate[c] === 0) {
      inEstimate[c] = 1;
      touched.push(c);
    }
    const wx = w * xi;
    sw[c] = sw[c]! + w;
    swx[c] = swx[c]! + wx;
    sumWeights += w;
    sumWx += wx;
    n++;
  }
  const df = psus - strataCount;
  if (blocked || (n === 0 && kind === 'mean')) return naResult(n, df);
  const mean = sumWx / sumWeights;
  const units = Int32Array.from(touched);
  let variance = 0;
  if (n > 0) {
    const totals = kind === 'total' ? swx : new Float64Array(stage.nClusters);
    if (kind === 'mean') for (const c of units) totals[c] = (swx[c]! - mean * sw[c]!) / sumWeights;
    variance = designVarianceOfUnitTotals(design, 1, totals, units)[0]!;
  }
  // R's svyvar over the used rows: n/(n − 1) · Σw(x − x̄)²/Σw.
  let s2 = Number.NaN;
  if (n >= 2) {
    let ss = 0;
    for (let i = 0; i < x.length; i++) {
      if (domain !== undefined && !domain[i]) continue;
      const w = weights[i]!;
      const xi = x[i]!;
      if (w === 0 || Number.isNaN(xi)) continue;
      const d = xi - mean;
      ss += w * d * d;
    }
    s2 = ((ss / sumWeights) * n) / (n - 1);
  }
  const estimate = kind === 'mean' ? mean : sumWx;
  const se = Math.sqrt(variance);
  let vsrs: number;
  if (kind === 'mean') {
    if (options.deff === 'replace') vsrs = s2 / n;
    else vsrs = sumWeights < n ? Number.NaN : (s2 * (sumWeights - n)) / (sumWeights * n);
  } else {
    const N = sumWeights;
    vsrs = options.deff === 'replace' ? (s2 * N * N) / n : (s2 * N * N * (N - n)) / (N * n);
  }
  const t = tCritical(options.level ?? 0.95, df);
  return { estimate, se, variance, ciLow: estimate - t * se, ciHigh: estimate + t * se, df, deff: variance / vsrs, n };
}

/** Several means with their full covariance (R's `vcov(svymean(~x1 + x2 + …))`). */
export interface MeansWithCovariance {
  estimates: Float64Array;
  /** p×p covariance matrix, row-major. */
  covariance: Float64Array;
  /** Rows used: in the domain with every variable present (R's `na.rm` drops a row missing any). */
  n: number;
  df: number;
  /** Influence values, one column per variable (zero outside the used rows). */
  influence: Float64Array[];
}

/**
 * Means of several variables with their joint covariance, R's `svymean(~x1 + x2 + …, design, na.rm)`:
 * the same formula as {@link svymean} per column, with V = svyrecvar of the p influence columns.
 * With a missing value in the domain and no `naRm`, every number is NaN.
 */
export function meanWithCovariance(design: SurveyDesign, xs: readonly Float64Array[], options: EstimateOptions = {}): MeansWithCovariance {
  const df = domainDf(design, options.domain);
  const p = xs.length;
  const { used, n, blocked } = usedRows(design, xs, options);
  if (blocked || n === 0) {
    return { estimates: new Float64Array(p).fill(Number.NaN), covariance: new Float64Array(p * p).fill(Number.NaN), n, df, influence: [] };
  }
  const estimates = new Float64Array(p);
  const influence = xs.map((x, k) => {
    const r = meanInfluence(design.weights, x, used);
    estimates[k] = r.estimate;
    return r.z;
  });
  const covariance = designVariance(design, influence, { present: used });
  return { estimates, covariance, n, df, influence };
}
