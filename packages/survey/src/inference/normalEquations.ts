import type { GlmFamily } from './glmFamily.js';
import { chol2inv } from './leastSquares.js';
import type { ModelRows } from './modelMatrix.js';

// The normal equations of one weighted least-squares step of IRLS, `XᵀWX β = XᵀWz`: accumulated in one
// pass over the rows and solved by Cholesky of the equilibrated matrix while it is well conditioned.

/**
 * Largest 1-norm condition number of the column-equilibrated `XᵀWX` for which the normal equations
 * are used; the relative error of their solution is then below about 1e-10, far inside the 1e-6 at
 * which results must equal R's. Worse-conditioned fits (near-collinear terms) go through QR.
 */
const MAX_CONDITION = 1e6;

/**
 * One pass over the rows: `A = XᵀWX` and `b = XᵀWz` with R's working weights `W = w²`,
 * `w = √(prior μ'(η)² / V(μ))`, and working response `z = η + (y − μ)/μ'(η)`. Rows with zero prior
 * weight or `μ'(η) = 0` are left out (weight 0), as in R.
 */
export function accumulateNormalEquations(
  x: ModelRows,
  y: Float64Array,
  prior: Float64Array,
  family: GlmFamily,
  eta: Float64Array,
  mu: Float64Array,
  working: Float64Array,
  a: Float64Array,
  b: Float64Array,
  row: Float64Array,
): void {
  a.fill(0);
  b.fill(0);
  for (let k = 0; k < y.length; k++) {
    working[k] = 0;
    if (!(prior[k]! > 0)) continue;
    const me = family.muEta(eta[k]!);
    if (me === 0) continue;
    const wj = Math.sqrt((prior[k]! * me * me) / family.variance(mu[k]!));
    const weight = wj * wj;
    working[k] = weight;
    x.fill(k, row);
    addToNormalEquations(a, b, row, weight, weight * (eta[k]! + (y[k]! - mu[k]!) / me));
  }
  symmetrize(a, x.p);
}

/** The gaussian first step: working weights from the prior weights (`√prior²`, as R), response y. */
export function accumulateGaussian(x: ModelRows, y: Float64Array, prior: Float64Array, a: Float64Array, b: Float64Array, row: Float64Array): void {
  a.fill(0);
  b.fill(0);
  for (let k = 0; k < y.length; k++) {
    if (!(prior[k]! > 0)) continue;
    const wj = Math.sqrt(prior[k]!);
    const weight = wj * wj;
    x.fill(k, row);
    addToNormalEquations(a, b, row, weight, weight * y[k]!);
  }
  symmetrize(a, x.p);
}

/** A += weight · row rowᵀ (upper triangle), b += row · weightedResponse. */
function addToNormalEquations(a: Float64Array, b: Float64Array, row: Float64Array, weight: number, weightedResponse: number): void {
  const p = row.length;
  for (let i = 0; i < p; i++) {
    const wxi = weight * row[i]!;
    b[i] = b[i]! + row[i]! * weightedResponse;
    const base = i * p;
    for (let j = i; j < p; j++) a[base + j] = a[base + j]! + wxi * row[j]!;
  }
}

function symmetrize(a: Float64Array, p: number): void {
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) a[i * p + j] = a[j * p + i]!;
}

/**
 * Solves `A β = b` for a symmetric positive definite p×p `A` (row-major) by Cholesky of the
 * equilibrated `D⁻¹AD⁻¹` (D = √diag A), and returns `A⁻¹` too. Undefined when a column is zero,
 * the matrix is not numerically positive definite, or its condition number exceeds `maxCondition`
 * (MAX_CONDITION unless told).
 */
export function solveEquilibrated(
  a: Float64Array,
  b: Float64Array,
  p: number,
  maxCondition = MAX_CONDITION,
): { beta: Float64Array; inverse: Float64Array } | undefined {
  const d = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const diagonal = a[i * p + i]!;
    if (!(diagonal > 0) || !Number.isFinite(diagonal)) return undefined;
    d[i] = Math.sqrt(diagonal);
  }
  const s = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) s[i * p + j] = a[i * p + j]! / (d[i]! * d[j]!);
  // Upper-triangular R with RᵀR = S.
  const r = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let pivot = s[j * p + j]!;
    for (let k = 0; k < j; k++) pivot -= r[k * p + j]! * r[k * p + j]!;
    if (!(pivot > 0)) return undefined;
    const rjj = Math.sqrt(pivot);
    r[j * p + j] = rjj;
    for (let i = j + 1; i < p; i++) {
      let v = s[j * p + i]!;
      for (let k = 0; k < j; k++) v -= r[k * p + j]! * r[k * p + i]!;
      r[j * p + i] = v / rjj;
    }
  }
  const sinv = chol2inv(r, p);
  if (oneNorm(s, p) * oneNorm(sinv, p) > maxCondition) return undefined;
  // β = D⁻¹ S⁻¹ D⁻¹ b, A⁻¹ = D⁻¹ S⁻¹ D⁻¹ (β from the triangular solves, not the explicit inverse).
  const c = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let v = b[i]! / d[i]!;
    for (let k = 0; k < i; k++) v -= r[k * p + i]! * c[k]!;
    c[i] = v / r[i * p + i]!;
  }
  const gamma = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let v = c[i]!;
    for (let k = i + 1; k < p; k++) v -= r[i * p + k]! * gamma[k]!;
    gamma[i] = v / r[i * p + i]!;
  }
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i++) beta[i] = gamma[i]! / d[i]!;
  const inverse = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) inverse[i * p + j] = sinv[i * p + j]! / (d[i]! * d[j]!);
  return { beta, inverse };
}

function oneNorm(matrix: Float64Array, p: number): number {
  let best = 0;
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (let i = 0; i < p; i++) sum += Math.abs(matrix[i * p + j]!);
    best = Math.max(best, sum);
  }
  return best;
}
