import { replicateVariance } from '../design/replicates/replicateVariance.js';
import { replicateWeightsOf } from '../design/replicates/replicateTotals.js';
import type { SurveyDesign } from '../design/types.js';
import { irls, solveEquilibrated, type IrlsInput } from './irls.js';
import type { ModelRows } from './modelMatrix.js';

/**
 * The covariance of GLM coefficients on a replicate-weight design, R's `svyglm.svyrep.design`: each
 * replicate refits the model (`glm.fit`) with its analysis weights on the rows used, normalised to sum to
 * 1, starting from the full-sample coefficients β̂ (`start = beta0`, R's convergence rule), and the
 * covariance is R's `svrVar` of the replicate coefficients (centred at β̂ with `mse`). A replicate whose
 * fit is singular gives NaN coefficients and is left out, as R leaves out its NA.
 *
 * A gaussian fit is the weighted least-squares solution, which IRLS reaches in its first step from any
 * start; on a design whose replicate factors are per PSU it is found from per-PSU sums of XᵀWX and XᵀWy
 * (formed once) combined per replicate, without a pass over the rows per replicate.
 *
 * @param full the full-sample IRLS input (model matrix, response and prior weights over the rows used)
 * @param rows the design row of each used row
 * @param beta the full-sample coefficients
 */
export function glmReplicateCovariance(design: SurveyDesign, full: IrlsInput, rows: Int32Array, beta: Float64Array): Float64Array {
  const replicates = design.replicates!;
  const p = full.x.p;
  const R = replicates.count;
  const thetas = new Float64Array(R * p);
  const gaussianUnits = full.family.name === 'gaussian' && replicates.storage.kind === 'units' ? gaussianUnitSums(design, full.x, full.y, rows) : undefined;
  const column = new Float64Array(design.nrow);
  const prior = new Float64Array(rows.length);
  for (let r = 0; r < R; r++) {
    let solved: Float64Array | undefined;
    if (gaussianUnits !== undefined)
      solved = gaussianReplicate(gaussianUnits, replicates.storage.kind === 'units' ? replicates.storage.factors : undefined, r, R, p);
    if (solved === undefined) {
      replicateWeightsOf(replicates, design.weights, r, column);
      let total = 0;
      for (let k = 0; k < rows.length; k++) total += column[rows[k]!]!;
      for (let k = 0; k < rows.length; k++) prior[k] = column[rows[k]!]! / total;
      solved = refit({ ...full, prior, start: beta });
    }
    thetas.set(solved, r * p);
  }
  return replicateVariance(thetas, p, replicates, beta).covariance;
}

/** `glm.fit` from the start; NaN coefficients when the replicate's fit is singular (R's NA). */
function refit(input: IrlsInput): Float64Array {
  try {
    return irls(input, () => {
      throw new SingularReplicate();
    }).beta;
  } catch (error) {
    if (error instanceof SingularReplicate) return new Float64Array(input.x.p).fill(Number.NaN);
    throw error;
  }
}

class SingularReplicate extends Error {}

/** Per-PSU XᵀWX (upper triangle) and XᵀWy with the full-sample weights: `a[u * p * p …]`, `b[u * p …]`. */
interface GaussianUnitSums {
  a: Float64Array;
  b: Float64Array;
  nUnits: number;
}

function gaussianUnitSums(design: SurveyDesign, x: ModelRows, y: Float64Array, rows: Int32Array): GaussianUnitSums {
  const replicates = design.replicates!;
  const storage = replicates.storage;
  if (storage.kind !== 'units') throw new Error('gaussianUnitSums: the replicate factors are not per PSU');
  const p = x.p;
  const a = new Float64Array(storage.nUnits * p * p);
  const b = new Float64Array(storage.nUnits * p);
  const row = new Float64Array(p);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const w = replicates.combinedWeights ? 1 : design.weights[i]!;
    if (w === 0) continue;
    const u = storage.unit[i]!;
    x.fill(k, row);
    const ab = u * p * p;
    const bb = u * p;
    const wy = w * y[k]!;
    for (let s = 0; s < p; s++) {
      const ws = w * row[s]!;
      b[bb + s] += row[s]! * wy;
      for (let t = s; t < p; t++) a[ab + s * p + t] += ws * row[t]!;
    }
  }
  return { a, b, nUnits: storage.nUnits };
}

/** Replicate r's weighted least-squares solution from the per-PSU sums; undefined when ill-conditioned (then IRLS by QR). */
function gaussianReplicate(sums: GaussianUnitSums, factors: Float64Array | undefined, r: number, R: number, p: number): Float64Array | undefined {
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let u = 0; u < sums.nUnits; u++) {
    const f = factors![u * R + r]!;
    if (f === 0) continue;
    for (let s = 0; s < p; s++) {
      b[s] += f * sums.b[u * p + s]!;
      for (let t = s; t < p; t++) a[s * p + t] += f * sums.a[u * p * p + s * p + t]!;
    }
  }
  for (let s = 0; s < p; s++) for (let t = 0; t < s; t++) a[s * p + t] = a[t * p + s]!;
  return solveEquilibrated(a, b, p)?.beta;
}
