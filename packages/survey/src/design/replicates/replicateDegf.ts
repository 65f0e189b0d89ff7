import type { SurveyDesign } from '../types.js';
import type { ReplicateWeights } from './types.js';

/** R's `qr()` tolerance in `degf.svyrep.design`. */
const RANK_TOLERANCE = 1e-5;

/**
 * Degrees of freedom of a replicate design, R's `degf(design)` for `svyrep.design` (survey 4.1): the rank of
 * the replicate analysis weights (an n × R matrix, `weights(design, "analysis")`), as R's `qr(…, tol = 1e-5)`
 * finds it, minus one. With `rows`, of the design restricted to those rows — what R recomputes when a
 * replicate design is subset (`design[rows, ]`, as `svyby` and `subset` do).
 *
 * R's QR (LINPACK `dqrdc2`) takes the columns in order and sets aside a column whose norm, after the
 * columns kept before it are projected out, has fallen below 1e-5 times its own norm; the rank is the
 * number kept. The same test is made here on the columns' inner products (WᵀW, R × R), built per PSU
 * when the weights are factors per PSU (no n × R matrix) and row by row when they are columns.
 */
export function replicateDegf(replicates: ReplicateWeights, weights: Float64Array, rows?: Uint8Array): number {
  return replicateDegfByDomains(replicates, weights, rows, 1)[0]!;
}

/**
 * {@link replicateDegf} of every domain at once: `domains[i]` is row i's domain (−1 = none), or with
 * `nDomains` 1 a 0/1 mask (undefined = every row). One pass over the rows.
 */
export function replicateDegfByDomains(
  replicates: ReplicateWeights,
  weights: Float64Array,
  domains: Int32Array | Uint8Array | undefined,
  nDomains: number,
): Int32Array {
  const R = replicates.count;
  const grams = Array.from({ length: nDomains }, () => new Float64Array(R * R));
  const storage = replicates.storage;
  const n = weights.length;
  const isMask = domains instanceof Uint8Array;
  if (storage.kind === 'units') {
    const unitMass = new Float64Array(nDomains * storage.nUnits);
    for (let i = 0; i < n; i++) {
      const d = domains === undefined ? 0 : isMask ? (domains[i] ? 0 : -1) : domains[i]!;
      if (d >= 0) unitMass[d * storage.nUnits + storage.unit[i]!] += replicates.combinedWeights ? 1 : weights[i]! * weights[i]!;
    }
    for (let d = 0; d < nDomains; d++) addUnitGram(replicates, unitMass.subarray(d * storage.nUnits, (d + 1) * storage.nUnits), grams[d]!);
  } else {
    addRowGrams(replicates, storage.columns, weights, domains, nDomains, grams);
  }
  return Int32Array.from(grams, (gram) => {
    for (let a = 0; a < R; a++) for (let b = 0; b < a; b++) gram[a * R + b] = gram[b * R + a]!;
    return rankOfGram(gram, R) - 1;
  });
}

/** Rows per block: a block of every replicate column stays in cache while its inner products are formed. */
const BLOCK = 2048;

/** WᵀW per domain from replicate columns, block by block over the rows (upper triangles). */
function addRowGrams(
  replicates: ReplicateWeights,
  columns: readonly Float64Array[],
  weights: Float64Array,
  domains: Int32Array | Uint8Array | undefined,
  nDomains: number,
  grams: Float64Array[],
): void {
  const R = replicates.count;
  const n = weights.length;
  const isMask = domains instanceof Uint8Array;
  const domain = new Int32Array(n);
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    domain[i] = domains === undefined ? 0 : isMask ? (domains[i] ? 0 : -1) : domains[i]!;
    mass[i] = replicates.combinedWeights ? 1 : weights[i]! * weights[i]!;
  }
  const scaled = new Float64Array(BLOCK);
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    for (let a = 0; a < R; a++) {
      const ca = columns[a]!;
      for (let i = start; i < end; i++) scaled[i - start] = mass[i]! * ca[i]!;
      for (let b = a; b < R; b++) {
        const cb = columns[b]!;
        if (nDomains === 1) {
          let s = 0;
          for (let i = start; i < end; i++) if (domain[i] === 0) s += scaled[i - start]! * cb[i]!;
          grams[0]![a * R + b] += s;
        } else {
          for (let i = start; i < end; i++) {
            const d = domain[i]!;
            if (d >= 0) grams[d]![a * R + b] += scaled[i - start]! * cb[i]!;
          }
        }
      }
    }
  }
}

/** W = diag(m) P F with P the row → PSU indicator: WᵀW = Fᵀ diag(Σ_{i∈u} m_i²) F (upper triangle). */
function addUnitGram(replicates: ReplicateWeights, unitMass: Float64Array, gram: Float64Array): void {
  const storage = replicates.storage;
  if (storage.kind !== 'units') return;
  const R = replicates.count;
  const f = storage.factors;
  for (let u = 0; u < storage.nUnits; u++) {
    const s = unitMass[u]!;
    if (s === 0) continue;
    const base = u * R;
    for (let a = 0; a < R; a++) {
      const fa = s * f[base + a]!;
      if (fa === 0) continue;
      for (let b = a; b < R; b++) gram[a * R + b] += fa * f[base + b]!;
    }
  }
}

/**
 * The rank `dqrdc2` finds, from the Gram matrix G of the columns: in column order, column j's squared norm
 * after projecting out the columns kept so far is G_jj − Σ_k L_jk² (a Cholesky step); it is kept when that
 * norm is at least the tolerance times the column's own norm.
 */
export function rankOfGram(gram: Float64Array, R: number): number {
  const L = new Float64Array(R * R); // L[i * R + t]: column i's coordinate on the t-th kept column
  let kept = 0;
  for (let j = 0; j < R; j++) {
    const own = gram[j * R + j]!;
    let residual = own;
    for (let t = 0; t < kept; t++) residual -= L[j * R + t]! * L[j * R + t]!;
    const threshold = (own === 0 ? 1 : own) * RANK_TOLERANCE * RANK_TOLERANCE;
    if (!(residual >= threshold)) continue;
    const diagonal = Math.sqrt(residual);
    for (let i = j + 1; i < R; i++) {
      let s = gram[i * R + j]!;
      for (let q = 0; q < kept; q++) s -= L[i * R + q]! * L[j * R + q]!;
      L[i * R + kept] = s / diagonal;
    }
    kept++;
  }
  return kept;
}

const domainDegfCache = new WeakMap<SurveyDesign, WeakMap<Uint8Array, number>>();

/**
 * `degf(design[domain, ])` of a replicate design, remembered per domain mask (estimators of one analysis
 * ask for the same domain several times); the design's own `df` without a domain.
 */
export function replicateDomainDegf(design: SurveyDesign, domain: Uint8Array | undefined): number {
  if (domain === undefined) return design.df;
  let cache = domainDegfCache.get(design);
  if (cache === undefined) {
    cache = new WeakMap();
    domainDegfCache.set(design, cache);
  }
  let df = cache.get(domain);
  if (df === undefined) {
    df = replicateDegf(design.replicates!, design.weights, domain);
    cache.set(domain, df);
  }
  return df;
}
