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
  return rankOfGram(replicateGram(replicates, weights, rows), replicates.count) - 1;
}

/** WᵀW of the analysis weights W over `rows` (all rows when undefined): R × R, row-major. */
function replicateGram(replicates: ReplicateWeights, weights: Float64Array, rows: Uint8Array | undefined): Float64Array {
  const R = replicates.count;
  const gram = new Float64Array(R * R);
  const storage = replicates.storage;
  const n = weights.length;
  const combined = replicates.combinedWeights;
  if (storage.kind === 'units') {
    // W = diag(m) P F with P the row → PSU indicator: WᵀW = Fᵀ diag(Σ_{i∈u} m_i²) F.
    const mass = new Float64Array(storage.nUnits);
    for (let i = 0; i < n; i++) {
      if (rows !== undefined && !rows[i]) continue;
      const m = combined ? 1 : weights[i]!;
      mass[storage.unit[i]!] = mass[storage.unit[i]!]! + m * m;
    }
    const f = storage.factors;
    for (let u = 0; u < storage.nUnits; u++) {
      const s = mass[u]!;
      if (s === 0) continue;
      const base = u * R;
      for (let a = 0; a < R; a++) {
        const fa = s * f[base + a]!;
        if (fa === 0) continue;
        for (let b = a; b < R; b++) gram[a * R + b] = gram[a * R + b]! + fa * f[base + b]!;
      }
    }
  } else {
    const columns = storage.columns;
    const scaled = new Float64Array(n);
    for (let a = 0; a < R; a++) {
      const ca = columns[a]!;
      for (let i = 0; i < n; i++) {
        const m = rows !== undefined && !rows[i] ? 0 : combined ? 1 : weights[i]!;
        scaled[i] = m * m * ca[i]!;
      }
      for (let b = a; b < R; b++) {
        const cb = columns[b]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += scaled[i]! * cb[i]!;
        gram[a * R + b] = s;
      }
    }
  }
  for (let a = 0; a < R; a++) for (let b = 0; b < a; b++) gram[a * R + b] = gram[b * R + a]!;
  return gram;
}

/**
 * The rank `dqrdc2` finds, from the Gram matrix G of the columns: in column order, column j's squared norm
 * after projecting out the columns kept so far is G_jj − Σ_k L_jk² (a Cholesky step); it is kept when that
 * norm is at least the tolerance times the column's own norm.
 */
export function rankOfGram(gram: Float64Array, R: number): number {
  const L = new Float64Array(R * R); // rows of kept columns only
  const kept: number[] = [];
  for (let j = 0; j < R; j++) {
    const own = gram[j * R + j]!;
    let residual = own;
    for (let t = 0; t < kept.length; t++) residual -= L[j * R + t]! * L[j * R + t]!;
    const threshold = (own === 0 ? 1 : own) * RANK_TOLERANCE * RANK_TOLERANCE;
    if (!(residual >= threshold)) continue;
    const diagonal = Math.sqrt(residual);
    const t = kept.length;
    kept.push(j);
    // L[i][t] for the later columns i: (G_ij − Σ_{s<t} L_is L_js) / L_jj
    for (let i = j + 1; i < R; i++) {
      let s = gram[i * R + j]!;
      for (let q = 0; q < t; q++) s -= L[i * R + q]! * L[j * R + q]!;
      L[i * R + t] = s / diagonal;
    }
  }
  return kept.length;
}
