import type { GlmFamily } from './glmFamily.js';
import { chol2inv, qrDecompose, qrSolve, qrUnscaledCovariance, type QrFit } from './leastSquares.js';
import type { ModelRows } from './modelMatrix.js';

/** The fitted IRLS quantities `svyglm` needs (R's `glm.fit` result). */
export interface IrlsFit {
  beta: Float64Array;
  /** `(XᵀWX)⁻¹` of the last iteration, p×p row-major (R's `summary.glm()$cov.unscaled`). */
  ainv: Float64Array;
  /**
   * Used row k's working residual `(y − μ)/μ'(η)` at the final fit times its working weight `w²` of
   * the last iteration (R's `residuals * weights`, 0 for rows left out of the fit); `row` is row k of
   * the model matrix.
   */
  residualTimesWeight(k: number, row: Float64Array): number;
  iterations: number;
  converged: boolean;
  /**
   * The change of the coefficients in the last iteration (undefined when the fit took one step from
   * R's starting values): tiny once IRLS has converged to a finite maximum, about 1 on the
   * linear-predictor scale for an estimate that grows without bound.
   */
  lastStep?: Float64Array;
}

export interface IrlsInput {
  /** The model matrix over the used rows. */
  x: ModelRows;
  y: Float64Array;
  prior: Float64Array;
  family: GlmFamily;
  /** R's `glm.control(epsilon)`. */
  epsilon: number;
  maxit: number;
  /**
   * R's `glm.fit(start = …)`: IRLS starts from these coefficients instead of the family's starting values
   * (as `svyglm` refits each replicate from the full-sample fit).
   */
  start?: Float64Array;
}

/**
 * Largest 1-norm condition number of the column-equilibrated `XᵀWX` for which the normal equations
 * are used; the relative error of their solution is then below about 1e-10, far inside the 1e-6 at
 * which results must equal R's. Worse-conditioned fits (near-collinear terms) go through QR.
 */
const MAX_CONDITION = 1e6;

/**
 * R's `glm.fit`: iteratively reweighted least squares from the family's starting values, until
 * `|dev − dev_old| / (|dev| + 0.1) < epsilon` (at most `maxit` iterations; R halves the step while
 * the deviance is not finite). A gaussian identity fit is exact after its first step, which R's second
 * iteration only confirms, so it stops there.
 *
 * Each step solves the weighted least-squares problem through the normal equations `XᵀWX β = XᵀWz`
 * (one pass over the rows, Cholesky of the equilibrated p×p matrix) while that system is well
 * conditioned; otherwise — and whenever a column may be aliased — the whole fit is redone by
 * Householder QR with R's tolerance `min(1e-7, epsilon / 1000)` (`irlsQr`), which also decides
 * aliasing as LINPACK's `dqrdc2` does. Both give R's coefficients to rounding.
 */
export function irls(input: IrlsInput, onAliased: (aliased: number[]) => never): IrlsFit {
  return irlsNormal(input) ?? irlsQr(input, onAliased);
}

/** IRLS through the normal equations; undefined when a step's system is singular or ill-conditioned. */
export function irlsNormal(input: IrlsInput): IrlsFit | undefined {
  const { x, y, prior, family, epsilon, maxit } = input;
  const m = y.length;
  const p = x.p;
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  const row = new Float64Array(p);
  if (family.name === 'gaussian') {
    // Identity link, unit variance: η starts at y, so the first step's working response is y and its
    // weights the prior weights; that step is the exact fit (R's second iteration only confirms it).
    accumulateGaussian(x, y, prior, a, b, row);
    const solved = solveEquilibrated(a, b, p);
    if (solved === undefined) return undefined;
    const { beta } = solved;
    return {
      beta,
      ainv: solved.inverse,
      residualTimesWeight(k, xrow) {
        const w = Math.sqrt(prior[k]!);
        if (!(w > 0)) return 0;
        let eta = 0;
        for (let j = 0; j < p; j++) eta += xrow[j]! * beta[j]!;
        return (y[k]! - eta) * (w * w);
      },
      iterations: 1,
      converged: true,
    };
  }
  const eta = new Float64Array(m);
  const mu = new Float64Array(m);
  let devold = startFit(input, eta, mu, row);
  const working = new Float64Array(m);
  let beta: Float64Array = new Float64Array(p);
  let ainv: Float64Array = new Float64Array(p * p);
  let coefold: Float64Array | undefined = input.start === undefined ? undefined : Float64Array.from(input.start);
  let lastStep: Float64Array | undefined;
  let converged = false;
  let iterations = 0;
  for (let iter = 1; iter <= maxit; iter++) {
    iterations = iter;
    accumulateNormalEquations(x, y, prior, family, eta, mu, working, a, b, row);
    const solved = solveEquilibrated(a, b, p);
    if (solved === undefined) return undefined;
    beta = solved.beta;
    ainv = solved.inverse;
    let dev = updateFitByRows(x, beta, family, eta, mu, y, prior, row);
    for (let halvings = 0; !Number.isFinite(dev) && coefold !== undefined && halvings < maxit; halvings++) {
      for (let j = 0; j < p; j++) beta[j] = (beta[j]! + coefold[j]!) / 2;
      dev = updateFitByRows(x, beta, family, eta, mu, y, prior, row);
    }
    lastStep = stepFrom(coefold, beta);
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devold = dev;
    coefold = Float64Array.from(beta);
  }
  return residualsFit(beta, ainv, workingResiduals(family, y, mu, eta), working, iterations, converged, lastStep);
}

/**
 * One IRLS (Fisher scoring) step of `family` from the coefficients `beta`, as `glm.fit` takes it:
 * the weighted least-squares solution at the working weights and response of `beta`. Used to see
 * whether a converged fit keeps moving (separation); the system is solved however badly conditioned
 * (by QR when the normal equations fail). Undefined when even that cannot solve it.
 */
export function irlsStep(input: IrlsInput, beta: Float64Array): Float64Array | undefined {
  const { x, y, prior, family } = input;
  const m = y.length;
  const p = x.p;
  const eta = new Float64Array(m);
  const mu = new Float64Array(m);
  const row = new Float64Array(p);
  updateFitByRows(x, beta, family, eta, mu, y, prior, row);
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  const working = new Float64Array(m);
  accumulateNormalEquations(x, y, prior, family, eta, mu, working, a, b, row);
  const solved = solveEquilibrated(a, b, p, Number.POSITIVE_INFINITY);
  if (solved !== undefined) return solved.beta;
  // √W X and √W z by columns, for QR.
  const columns = x.columns();
  const zw = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const w = Math.sqrt(working[k]!);
    const me = family.muEta(eta[k]!);
    zw[k] = w > 0 ? (eta[k]! + (y[k]! - mu[k]!) / me) * w : 0;
    for (let c = 0; c < p; c++) columns[c]![k] = columns[c]![k]! * w;
  }
  const fit = qrDecompose(columns, 1e-11, true);
  return fit.aliased.length > 0 ? undefined : qrSolve(fit, zw);
}

function residualsFit(
  beta: Float64Array,
  ainv: Float64Array,
  residuals: Float64Array,
  weights: Float64Array,
  iterations: number,
  converged: boolean,
  lastStep: Float64Array | undefined,
): IrlsFit {
  return { beta, ainv, residualTimesWeight: (k) => residuals[k]! * weights[k]!, iterations, converged, ...(lastStep !== undefined ? { lastStep } : {}) };
}

function stepFrom(previous: Float64Array | undefined, beta: Float64Array): Float64Array | undefined {
  if (previous === undefined) return undefined;
  const step = new Float64Array(beta.length);
  for (let j = 0; j < beta.length; j++) step[j] = beta[j]! - previous[j]!;
  return step;
}

/** IRLS by Householder QR of `√W X` at each step (LINPACK-style, with R's aliasing rule). */
export function irlsQr(input: IrlsInput, onAliased: (aliased: number[]) => never): IrlsFit {
  const { y, prior, family, epsilon, maxit } = input;
  const x = input.x.columns();
  const m = y.length;
  const p = x.length;
  const eta = new Float64Array(m);
  const mu = new Float64Array(m);
  let devold = startFit(input, eta, mu, new Float64Array(p));
  let beta: Float64Array = new Float64Array(p);
  let coefold: Float64Array | undefined = input.start === undefined ? undefined : Float64Array.from(input.start);
  let lastStep: Float64Array | undefined;
  let fit: QrFit | undefined;
  const working = new Float64Array(m);
  let converged = false;
  let iterations = 0;
  const tolerance = Math.min(1e-7, epsilon / 1000);
  // Work buffers reused across iterations (large allocations trigger garbage collections).
  const good = new Int32Array(m);
  const wBuffer = new Float64Array(m);
  const zwBuffer = new Float64Array(m);
  const xwBuffers = x.map(() => new Float64Array(m));
  const row = new Float64Array(p);
  let ainv: Float64Array = new Float64Array(p * p);
  for (let iter = 1; iter <= maxit; iter++) {
    iterations = iter;
    // Rows with zero prior weight (outside a domain) or zero mu.eta do not enter the fit.
    let g = 0;
    for (let k = 0; k < m; k++) if (prior[k]! > 0 && family.muEta(eta[k]!) !== 0) good[g++] = k;
    const w = wBuffer.subarray(0, g);
    const zw = zwBuffer.subarray(0, g);
    working.fill(0);
    for (let j = 0; j < g; j++) {
      const k = good[j]!;
      const me = family.muEta(eta[k]!);
      const wj = Math.sqrt((prior[k]! * me * me) / family.variance(mu[k]!));
      w[j] = wj;
      zw[j] = (eta[k]! + (y[k]! - mu[k]!) / me) * wj;
      working[k] = wj * wj;
    }
    const xw = xwBuffers.map((buffer, a) => gatherScaled(x[a]!, good, w, g, buffer.subarray(0, g), g === m));
    fit = qrDecompose(xw, tolerance, true);
    if (fit.aliased.length > 0) onAliased(fit.aliased);
    ainv = qrUnscaledCovariance(fit);
    beta = qrSolve(fit, zw);
    let dev = updateFitByRows(input.x, beta, family, eta, mu, y, prior, row);
    for (let halvings = 0; !Number.isFinite(dev) && coefold !== undefined && halvings < maxit; halvings++) {
      for (let a = 0; a < p; a++) beta[a] = (beta[a]! + coefold[a]!) / 2;
      dev = updateFitByRows(input.x, beta, family, eta, mu, y, prior, row);
    }
    lastStep = stepFrom(coefold, beta);
    if (family.name === 'gaussian' || Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devold = dev;
    coefold = Float64Array.from(beta);
  }
  return residualsFit(beta, ainv, workingResiduals(family, y, mu, eta), working, iterations, converged, lastStep);
}

// The loops below are separate small functions on purpose: V8 optimises a loop that runs once inside
// a larger function only by on-stack replacement, which deoptimises again when the code after the
// loop first runs; a function called for every column or iteration is optimised once and stays so.

/** η and μ at the start (R's `mustart`, or `x %*% start` when a start is given); returns the deviance there. */
function startFit(input: IrlsInput, eta: Float64Array, mu: Float64Array, row: Float64Array): number {
  const { x, y, prior, family, start } = input;
  if (start !== undefined) return updateFitByRows(x, start, family, eta, mu, y, prior, row);
  startValues(family, y, prior, eta, mu);
  return deviance(family, y, mu, prior);
}

function startValues(family: GlmFamily, y: Float64Array, prior: Float64Array, eta: Float64Array, mu: Float64Array): void {
  for (let k = 0; k < y.length; k++) {
    eta[k] = family.linkfun(family.mustart(y[k]!, prior[k]!));
    mu[k] = family.linkinv(eta[k]!);
  }
}

function deviance(family: GlmFamily, y: Float64Array, mu: Float64Array, prior: Float64Array): number {
  let d = 0;
  for (let k = 0; k < y.length; k++) d += family.devResid(y[k]!, mu[k]!, prior[k]!);
  return d;
}

function gatherScaled(column: Float64Array, good: Int32Array, w: Float64Array, g: number, out: Float64Array, all: boolean): Float64Array {
  if (all) for (let j = 0; j < g; j++) out[j] = column[j]! * w[j]!;
  else for (let j = 0; j < g; j++) out[j] = column[good[j]!]! * w[j]!;
  return out;
}

/** `(y − μ)/μ'(η)`, written over η (which the caller no longer needs): one array less to allocate. */
function workingResiduals(family: GlmFamily, y: Float64Array, mu: Float64Array, eta: Float64Array): Float64Array {
  for (let k = 0; k < y.length; k++) eta[k] = (y[k]! - mu[k]!) / family.muEta(eta[k]!);
  return eta;
}

/**
 * One pass over the rows: `A = XᵀWX` and `b = XᵀWz` with R's working weights `W = w²`,
 * `w = √(prior μ'(η)² / V(μ))`, and working response `z = η + (y − μ)/μ'(η)`. Rows with zero prior
 * weight or `μ'(η) = 0` are left out (weight 0), as in R.
 */
function accumulateNormalEquations(
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
function accumulateGaussian(x: ModelRows, y: Float64Array, prior: Float64Array, a: Float64Array, b: Float64Array, row: Float64Array): void {
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

/** η = Xβ row by row, μ = linkinv(η); returns the deviance. */
function updateFitByRows(
  x: ModelRows,
  beta: Float64Array,
  family: GlmFamily,
  eta: Float64Array,
  mu: Float64Array,
  y: Float64Array,
  prior: Float64Array,
  row: Float64Array,
): number {
  for (let k = 0; k < eta.length; k++) {
    x.fill(k, row);
    let v = 0;
    for (let j = 0; j < row.length; j++) v += row[j]! * beta[j]!;
    eta[k] = v;
    mu[k] = family.linkinv(v);
  }
  return deviance(family, y, mu, prior);
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
