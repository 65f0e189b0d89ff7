/**
 * R's `svyvar` of one variable over the used rows, as the design-effect denominators use it:
 * n/(n − 1) · Σ wᵢ (xᵢ − x̄_w)² / Σ wᵢ, with n the rows of non-zero weight.
 */
export function weightedVariance(x: Float64Array, weights: Float64Array, used: Uint8Array): number {
  return weightedVariances(x, weights, used, 1)[0]!;
}

/**
 * {@link weightedVariance} of every domain at once, in two passes over the rows (one when the caller
 * has the domains' sums already): `domains[i]` is row i's domain (−1 = none), or with `nDomains` 1 a
 * 0/1 mask (undefined = every row). Rows of zero weight or with x missing (NaN) are not used. Sums run
 * in row order, so each domain's value is the one-domain value to the bit.
 */
export function weightedVariances(
  x: Float64Array,
  weights: Float64Array,
  domains: Int32Array | Uint8Array | undefined,
  nDomains: number,
  sums?: DomainSums,
): Float64Array {
  const isMask = domains instanceof Uint8Array;
  const { sw, swx, n } = sums ?? domainSums(x, weights, domains, nDomains);
  const mean = Float64Array.from(swx, (total, d) => total / sw[d]!);
  const ss = new Float64Array(nDomains);
  for (let i = 0; i < x.length; i++) {
    const d = domains === undefined ? 0 : isMask ? (domains[i] ? 0 : -1) : domains[i]!;
    const w = weights[i]!;
    const xi = x[i]!;
    if (d < 0 || w === 0 || Number.isNaN(xi)) continue;
    const deviation = xi - mean[d]!;
    ss[d] = ss[d]! + w * deviation * deviation;
  }
  return Float64Array.from(ss, (s, d) => (n[d]! < 2 ? Number.NaN : ((s / sw[d]!) * n[d]!) / (n[d]! - 1)));
}

/** Each domain's Σw, Σwx and rows over the rows used (non-zero weight, x present), summed in row order. */
export interface DomainSums {
  sw: Float64Array;
  swx: Float64Array;
  n: Int32Array;
}

function domainSums(x: Float64Array, weights: Float64Array, domains: Int32Array | Uint8Array | undefined, nDomains: number): DomainSums {
  const isMask = domains instanceof Uint8Array;
  const sw = new Float64Array(nDomains);
  const swx = new Float64Array(nDomains);
  const n = new Int32Array(nDomains);
  for (let i = 0; i < x.length; i++) {
    const d = domains === undefined ? 0 : isMask ? (domains[i] ? 0 : -1) : domains[i]!;
    const w = weights[i]!;
    const xi = x[i]!;
    if (d < 0 || w === 0 || Number.isNaN(xi)) continue;
    sw[d] = sw[d]! + w;
    swx[d] = swx[d]! + w * xi;
    n[d]!++;
  }
  return { sw, swx, n };
}
