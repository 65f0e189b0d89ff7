import { designVarianceOfUnitTotals } from '../design/variance.js';
import { domainDfs } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';
import { estimateResult, naResult, type EstimateResult, type MeanOptions } from './result.js';
import { checkDomain } from './usedRows.js';
import { weightedVariances } from './weightedVariance.js';

/** `svymean`'s per-PSU kernel (see `accumulationOf`): the same numbers as `meanPerRow`, without an array per row. */
export function meanPerUnit(design: SurveyDesign, x: Float64Array, options: MeanOptions = {}): EstimateResult {
  checkDomain(design, options.domain);
  return meanOrTotalByDomainsPerUnit(design, x, options.domain, 1, options, 'mean')[0]!;
}

/** `svytotal`'s per-PSU kernel (see `accumulationOf`): the same numbers as `totalPerRow`, without an array per row. */
export function totalPerUnit(design: SurveyDesign, x: Float64Array, options: MeanOptions = {}): EstimateResult {
  checkDomain(design, options.domain);
  return meanOrTotalByDomainsPerUnit(design, x, options.domain, 1, options, 'total')[0]!;
}

/**
 * Means or totals of every domain of a `by` at once (R's `svyby(~x, ~by, design, svymean)`, each
 * domain as `subset(design, by == level)`), for designs whose variance needs only PSU totals
 * (`perUnitApplies`). One pass gathers each domain's rows used and each PSU's Σw and Σwx, from
 * which the PSU totals of the influence values follow: (Σwx − x̄ Σw)/Σw for a mean, Σwx for a total.
 * The degrees of freedom are `domainDfs`, the design effect's spread `weightedVariances`: the same
 * rows, sums (in row order) and formulas as the per-row kernels.
 * `domains[i]` is row i's domain (−1 = none), or with `nDomains` 1 a 0/1 mask (undefined = all rows).
 */
export function meanOrTotalByDomainsPerUnit(
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
  const weights = design.weights;
  const isMask = domains instanceof Uint8Array;
  const sw = new Float64Array(nDomains * units);
  const swx = new Float64Array(nDomains * units);
  const inEstimate = new Uint8Array(nDomains * units);
  const touched: number[][] = Array.from({ length: nDomains }, () => []);
  const n = new Int32Array(nDomains);
  const blocked = new Uint8Array(nDomains);
  const sumWeights = new Float64Array(nDomains);
  const sumWx = new Float64Array(nDomains);
  for (let i = 0; i < x.length; i++) {
    const d = domains === undefined ? 0 : isMask ? (domains[i] ? 0 : -1) : domains[i]!;
    if (d < 0) continue;
    const w = weights[i]!;
    const xi = x[i]!;
    if (Number.isNaN(xi)) {
      if (!options.naRm && w !== 0) blocked[d] = 1;
      continue;
    }
    if (w === 0) continue;
    const u = d * units + cluster[i]!;
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
  const df = domainDfs(design, domains, nDomains);
  const s2 = weightedVariances(x, weights, domains, nDomains, { sw: sumWeights, swx: sumWx, n });
  return Array.from({ length: nDomains }, (_, d) => {
    const count = n[d]!;
    if (blocked[d] || (count === 0 && kind === 'mean')) return naResult(count, df[d]!);
    const mean = sumWx[d]! / sumWeights[d]!;
    const unitList = Int32Array.from(touched[d]!);
    let variance = 0;
    if (count > 0) {
      const totals = new Float64Array(units);
      for (const c of unitList) {
        const u = d * units + c;
        totals[c] = kind === 'total' ? swx[u]! : (swx[u]! - mean * sw[u]!) / sumWeights[d]!;
      }
      variance = designVarianceOfUnitTotals(design, 1, totals, unitList)[0]!;
    }
    return estimateResult(kind, kind === 'mean' ? mean : sumWx[d]!, variance, s2[d]!, sumWeights[d]!, count, df[d]!, options);
  });
}
