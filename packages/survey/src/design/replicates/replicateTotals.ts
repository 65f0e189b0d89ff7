import type { ReplicateWeights } from './types.js';

/**
 * Totals of p row values under every replicate's analysis weights: `out[r * p + k] = Σ_i w_ri · z_k[i]`,
 * the fast form of a linear statistic on a replicate design (R recomputes each replicate's estimate with
 * its weights, `colSums(w_r * x)`). Rows outside an estimate carry z = 0.
 *
 * Factors per PSU: the row values are summed per PSU once, with the full-sample weights (Σ_{i∈u} m_i z_i),
 * and each replicate's total is Σ_u f_ur · U_u — no n × R weights. Columns: one pass per replicate.
 */
export function replicateTotals(replicates: ReplicateWeights, weights: Float64Array, z: readonly Float64Array[]): Float64Array {
  const storage = replicates.storage;
  if (storage.kind === 'units') return replicateTotalsFromUnits(replicates, unitTotals(replicates, weights, z), z.length);
  const R = replicates.count;
  const p = z.length;
  const n = weights.length;
  const out = new Float64Array(R * p);
  const weighted = replicates.combinedWeights ? z : z.map((zk) => Float64Array.from(zk, (v, i) => v * weights[i]!));
  for (let r = 0; r < R; r++) {
    const w = storage.columns[r]!;
    for (let k = 0; k < p; k++) {
      const zk = weighted[k]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * zk[i]!;
      out[r * p + k] = s;
    }
  }
  return out;
}

/**
 * Per-PSU totals of p row values with the full-sample weights (`U[u * p + k] = Σ_{i∈u} m_i z_k[i]`,
 * m_i the full-sample weight, or 1 for combined weights), the one pass over the rows a linear statistic
 * needs on a design whose replicate factors are per PSU.
 */
function unitTotals(replicates: ReplicateWeights, weights: Float64Array, z: readonly Float64Array[]): Float64Array {
  const storage = replicates.storage;
  if (storage.kind !== 'units') throw new Error('unitTotals: the replicate weights are not per PSU');
  const p = z.length;
  const out = new Float64Array(storage.nUnits * p);
  const unit = storage.unit;
  const combined = replicates.combinedWeights;
  for (let k = 0; k < p; k++) {
    const zk = z[k]!;
    for (let i = 0; i < zk.length; i++) {
      const v = zk[i]!;
      if (v === 0) continue;
      const u = unit[i]! * p + k;
      out[u] = out[u]! + (combined ? v : weights[i]! * v);
    }
  }
  return out;
}

/** Replicate totals from per-PSU totals ({@link unitTotals}): `out[r * p + k] = Σ_u f_ur U[u * p + k]`. */
function replicateTotalsFromUnits(replicates: ReplicateWeights, totals: Float64Array, p: number): Float64Array {
  const storage = replicates.storage;
  if (storage.kind !== 'units') throw new Error('replicateTotalsFromUnits: the replicate weights are not per PSU');
  const R = replicates.count;
  const out = new Float64Array(R * p);
  const f = storage.factors;
  for (let u = 0; u < storage.nUnits; u++) {
    for (let k = 0; k < p; k++) {
      const t = totals[u * p + k]!;
      if (t === 0) continue;
      for (let r = 0; r < R; r++) out[r * p + k] = out[r * p + k]! + f[u * R + r]! * t;
    }
  }
  return out;
}

/**
 * Replicate r's analysis weights into `out` (R's `weights(design, "analysis")[, r]`): for estimators that
 * refit per replicate (GLMs, ordinal models, quantiles, calibration). One column at a time, never all R.
 */
export function replicateWeightsOf(
  replicates: ReplicateWeights,
  weights: Float64Array,
  r: number,
  out: Float64Array = new Float64Array(weights.length),
): Float64Array {
  const storage = replicates.storage;
  const n = weights.length;
  const combined = replicates.combinedWeights;
  if (storage.kind === 'units') {
    const R = replicates.count;
    const f = storage.factors;
    const unit = storage.unit;
    for (let i = 0; i < n; i++) out[i] = (combined ? 1 : weights[i]!) * f[unit[i]! * R + r]!;
  } else {
    const column = storage.columns[r]!;
    for (let i = 0; i < n; i++) out[i] = combined ? column[i]! : weights[i]! * column[i]!;
  }
  return out;
}
