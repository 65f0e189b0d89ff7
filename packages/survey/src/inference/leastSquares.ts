/**
 * Least squares by Householder QR on columns (each column a Float64Array of the same length),
 * in the spirit of LINPACK's `dqrdc2` that R's `lm`/`glm` use: columns are taken in order and a
 * column whose remaining norm, after removing the columns before it, falls below `tolerance`
 * times its original norm is *aliased* (a linear combination of earlier columns).
 */
export interface QrFit {
  /** Indices of the aliased columns (empty for a full-rank matrix). */
  aliased: number[];
  /** The rank×rank upper-triangular R over the non-aliased columns, row-major. */
  r: Float64Array;
  /** Householder vectors, one per non-aliased column (rows k.. hold the vector of step k). */
  householder: Float64Array[];
  /** Rank: the number of non-aliased columns. */
  p: number;
  n: number;
}

/**
 * QR decomposition of the n×p matrix given by columns. The columns are copied once (unless
 * `overwrite`); each then holds its Householder vector in rows k.. (LINPACK style).
 */
export function qrDecompose(columns: readonly Float64Array[], tolerance: number, overwrite = false): QrFit {
  const p = columns.length;
  const n = p > 0 ? columns[0]!.length : 0;
  // With `overwrite`, the caller hands over its columns (a temporary) to save a copy.
  const work = overwrite ? columns.slice() : columns.map((c) => Float64Array.from(c));
  const originalNorm = work.map((c) => norm(c, 0));
  const r = new Float64Array(p * p);
  const householder: Float64Array[] = [];
  const aliased: number[] = [];
  let k = 0;
  for (let j = 0; j < p; j++) {
    const col = work[j]!;
    const remaining = k < n ? norm(col, k) : 0;
    if (originalNorm[j] === 0 || remaining <= tolerance * originalNorm[j]!) {
      aliased.push(j);
      continue;
    }
    // Reflector v with H = I - 2 v v' / (v'v), mapping col[k..] onto alpha * e_k.
    const alpha = col[k]! >= 0 ? -remaining : remaining;
    col[k] = col[k]! - alpha;
    const vv = norm2(col, k);
    for (let jj = j + 1; jj < p; jj++) applyReflector(col, vv, k, work[jj]!);
    r[k * p + j] = alpha;
    for (let jj = j + 1; jj < p; jj++) r[k * p + jj] = work[jj]![k]!;
    householder.push(col);
    k++;
  }
  return { aliased, r: compactR(r, p, aliased), householder, p: p - aliased.length, n };
}

/** R restricted to the non-aliased columns (rank × rank). */
function compactR(r: Float64Array, p: number, aliased: number[]): Float64Array {
  if (aliased.length === 0) return r;
  const keep: number[] = [];
  for (let j = 0; j < p; j++) if (!aliased.includes(j)) keep.push(j);
  const q = keep.length;
  const out = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) out[i * q + j] = r[i * p + keep[j]!]!;
  return out;
}

/** Solves the least-squares problem min ||y - X b|| for a full-rank fit. */
export function qrSolve(fit: QrFit, y: Float64Array): Float64Array {
  const { p } = fit;
  const qty = Float64Array.from(y);
  fit.householder.forEach((v, k) => {
    applyReflector(v, norm2(v, k), k, qty);
  });
  const beta = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i]!;
    for (let j = i + 1; j < p; j++) s -= fit.r[i * p + j]! * beta[j]!;
    beta[i] = s / fit.r[i * p + i]!;
  }
  return beta;
}

/** `(R'R)^{-1} = (X'X)^{-1}` from a full-rank fit, row-major p×p (R's `chol2inv(qr$qr)`). */
export function qrUnscaledCovariance(fit: QrFit): Float64Array {
  return chol2inv(fit.r, fit.p);
}

/** `(RᵀR)⁻¹` from an upper-triangular p×p R (row-major), as R's `chol2inv`: R⁻¹ column by column, then R⁻¹R⁻ᵀ. */
export function chol2inv(r: Float64Array, p: number): Float64Array {
  const rinv = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    rinv[j * p + j] = 1 / r[j * p + j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += r[i * p + m]! * rinv[m * p + j]!;
      rinv[i * p + j] = -s / r[i * p + i]!;
    }
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let m = j; m < p; m++) s += rinv[i * p + m]! * rinv[j * p + m]!;
      out[i * p + j] = s;
      out[j * p + i] = s;
    }
  }
  return out;
}

/** Residuals of y after least-squares projection on the fitted columns (R's `qr.resid`). */
export function qrResiduals(fit: QrFit, y: Float64Array): Float64Array {
  const qty = Float64Array.from(y);
  const rank = fit.householder.length;
  for (let k = 0; k < rank; k++) applyReflector(fit.householder[k]!, norm2(fit.householder[k]!, k), k, qty);
  for (let k = 0; k < rank; k++) qty[k] = 0;
  for (let k = rank - 1; k >= 0; k--) applyReflector(fit.householder[k]!, norm2(fit.householder[k]!, k), k, qty);
  return qty;
}

function applyReflector(v: Float64Array, vv: number, k: number, target: Float64Array): void {
  if (vv === 0) return;
  let dot = 0;
  const n = target.length;
  for (let i = k; i < n; i++) dot += v[i]! * target[i]!;
  const scale = (2 * dot) / vv;
  if (scale === 0) return;
  for (let i = k; i < n; i++) target[i] = target[i]! - scale * v[i]!;
}

function norm(x: Float64Array, from: number): number {
  // Scaled to avoid overflow for large weighted values.
  let maxAbs = 0;
  for (let i = from; i < x.length; i++) maxAbs = Math.max(maxAbs, Math.abs(x[i]!));
  if (maxAbs === 0) return 0;
  let s = 0;
  for (let i = from; i < x.length; i++) {
    const t = x[i]! / maxAbs;
    s += t * t;
  }
  return maxAbs * Math.sqrt(s);
}

function norm2(x: Float64Array, from: number): number {
  let s = 0;
  for (let i = from; i < x.length; i++) s += x[i]! * x[i]!;
  return s;
}

/**
 * The aliased columns of a matrix given by its cross-product `G = XᵀX` (p×p, row-major), by the rule of
 * {@link qrDecompose}: taking the columns in order, a column whose norm after projecting out the
 * columns before it is below `tolerance` times its own norm is a linear combination of them. Cholesky
 * of the equilibrated G gives those norms (its pivots are the squared relative residual norms), in one
 * pass over the data for G instead of a QR of the whole matrix. Reads the upper triangle of G only.
 */
export function aliasedFromCrossProduct(g: Float64Array, p: number, tolerance: number): number[] {
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) scale[j] = Math.sqrt(g[j * p + j]!);
  const r = new Float64Array(p * p);
  const kept: number[] = [];
  const aliased: number[] = [];
  for (let j = 0; j < p; j++) {
    if (!(scale[j]! > 0)) {
      aliased.push(j);
      continue;
    }
    let pivot = 1;
    for (const k of kept) pivot -= r[k * p + j]! * r[k * p + j]!;
    if (!(pivot > tolerance * tolerance)) {
      aliased.push(j);
      continue;
    }
    const rjj = Math.sqrt(pivot);
    r[j * p + j] = rjj;
    for (let i = j + 1; i < p; i++) {
      if (!(scale[i]! > 0)) continue;
      let v = g[j * p + i]! / (scale[j]! * scale[i]!);
      for (const k of kept) v -= r[k * p + j]! * r[k * p + i]!;
      r[j * p + i] = v / rjj;
    }
    kept.push(j);
  }
  return aliased;
}
