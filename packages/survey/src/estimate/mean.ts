import { designVariance, designVarianceOfUnitTotals, unitTotalsSuffice } from '../design/variance.js';
import { domainDf } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import { checkDomain, naResult, tCritical, usedRows, weightedVariance, type EstimateOptions, type EstimateResult } from './common.js';

/** Options of {@link svymean} and {@link svytotal}. */
export interface MeanOptions extends EstimateOptions {
  /** `'replace'` = R's `deff = "replace"` (SRS with replacement); default R's `deff = TRUE`. */
  deff?: 'default' | 'replace';
}

/**
 * Weighted mean and its influence values over the used rows: x̄ = Σ wᵢxᵢ / Σ wᵢ and
 * zᵢ = wᵢ (xᵢ − x̄) / Σ wᵢ (zero for rows not used).
 */
export function meanInfluence(weights: Float64Array, x: Float64Array, used: Uint8Array): { estimate: number; z: Float64Array; sumWeights: number } {
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
  return estimateResult('mean', estimate, variance, weightedVariance(x, design.weights, used), sumWeights, n, df, options);
}

/**
 * A mean's or total's result from its variance: the t interval on `df` degrees of freedom and R's
 * design effect, the variance over the SRS variance from the rows' spread `s2` (R's `svyvar`), N̂ = Σw
 * and the n rows used — without replacement (R's `deff = TRUE`) or with (`deff = "replace"`).
 */
export function estimateResult(
  kind: 'mean' | 'total',
  estimate: number,
  variance: number,
  s2: number,
  N: number,
  n: number,
  df: number,
  options: MeanOptions,
): EstimateResult {
  const replace = options.deff === 'replace';
  let vsrs: number;
  if (kind === 'mean') vsrs = replace ? s2 / n : N < n ? Number.NaN : (s2 * (N - n)) / (N * n);
  else vsrs = replace ? (s2 * N * N) / n : (s2 * N * N * (N - n)) / (N * n);
  const se = Math.sqrt(variance);
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
  checkDomain(design, options.domain);
  return meanOrTotalByDomains(design, x, options.domain, 1, options, kind)[0]!;
}

/**
 * {@link meanOrTotalByUnits} for every domain of a `by` at once (R's `svyby(~x, ~by, design, svymean)`,
 * each domain as `subset(design, by == level)`), in the same two passes over the rows.
 * `domains[i]` is row i's domain (−1 = none), or with `nDomains` 1 a 0/1 mask (undefined = all rows).
 * Only when {@link unitTotalsSuffice}.
 */
export function meanOrTotalByDomains(
  design: SurveyDesign,
  x: Float64Array,
  domains: Int32Array | Uint8Array | undefined,
  nDomains: number,
  options: Omit<MeanOptions, 'domain'>,
  kind: 'mean' | 'total',
): EstimateResult[] {
  const stage = design.stages[0]!;
  const units = stage.nClusters;
  const cluster = stage.cluster;
  const strata = design.strata;
  const weights = design.weights;
  const isMask = domains instanceof Uint8Array;
  const domainOf = (i: number): number => (domains === undefined ? 0 : isMask ? (domains[i] ? 0 : -1) : domains[i]!);
  const sw = new Float64Array(nDomains * units);
  const swx = new Float64Array(nDomains * units);
  const inEstimate = new Uint8Array(nDomains * units);
  const inDomain = new Uint8Array(nDomains * units);
  const stratumInDomain = new Uint8Array(nDomains * design.nStrata);
  const touched: number[][] = Array.from({ length: nDomains }, () => []);
  const psus = new Int32Array(nDomains);
  const strataCount = new Int32Array(nDomains);
  const n = new Int32Array(nDomains);
  const blocked = new Uint8Array(nDomains);
  const sumWeights = new Float64Array(nDomains);
  const sumWx = new Float64Array(nDomains);
  for (let i = 0; i < x.length; i++) {
    const d = domainOf(i);
    if (d < 0) continue;
    const w = weights[i]!;
    const u = d * units + cluster[i]!;
    if (w !== 0) {
      // R's degf(subset(design, domain)): PSUs and strata with a row of non-zero weight.
      if (inDomain[u] === 0) {
        inDomain[u] = 1;
        psus[d]!++;
      }
      const h = d * design.nStrata + strata[i]!;
      if (stratumInDomain[h] === 0) {
        stratumInDomain[h] = 1;
        strataCount[d]!++;
      }
    }
    const xi = x[i]!;
    if (Number.isNaN(xi)) {
      if (!options.naRm && w !== 0) blocked[d] = 1;
      continue;
    }
    if (w === 0) continue;
    if (inEstimate[u] === 0) {
      inEstimate[u] = 1;
      touched[d]!.push(cluster[i]!);
    }
    const wx = w * xi;
    sw[u] = sw[u]! + w;
    swx[u] = swx[u]! + wx;
    sumWeights[d] = sumWeights[d]! + w;
    sumWx[d] = sumWx[d]! + wx;
    n[d]!++;
  }
  const mean = Float64Array.from(sumWx, (total, d) => total / sumWeights[d]!);
  // R's svyvar over each domain's used rows: n/(n − 1) · Σw(x − x̄)²/Σw.
  const ss = new Float64Array(nDomains);
  for (let i = 0; i < x.length; i++) {
    const d = domainOf(i);
    if (d < 0) continue;
    const w = weights[i]!;
    const xi = x[i]!;
    if (w === 0 || Number.isNaN(xi)) continue;
    const deviation = xi - mean[d]!;
    ss[d] = ss[d]! + w * deviation * deviation;
  }
  return Array.from({ length: nDomains }, (_, d) => {
    const df = psus[d]! - strataCount[d]!;
    const count = n[d]!;
    if (blocked[d] || (count === 0 && kind === 'mean')) return naResult(count, df);
    const unitList = Int32Array.from(touched[d]!);
    let variance = 0;
    if (count > 0) {
      const totals = new Float64Array(units);
      for (const c of unitList) {
        const u = d * units + c;
        totals[c] = kind === 'total' ? swx[u]! : (swx[u]! - mean[d]! * sw[u]!) / sumWeights[d]!;
      }
      variance = designVarianceOfUnitTotals(design, 1, totals, unitList)[0]!;
    }
    const s2 = count >= 2 ? ((ss[d]! / sumWeights[d]!) * count) / (count - 1) : Number.NaN;
    return estimateResult(kind, kind === 'mean' ? mean[d]! : sumWx[d]!, variance, s2, sumWeights[d]!, count, df, options);
  });
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
