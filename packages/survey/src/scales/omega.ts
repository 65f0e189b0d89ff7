import { EigenvalueDecomposition, Matrix, inverse } from 'ml-matrix';
import { LeakriskError } from '../errors.js';
import type { ScaleItemData } from './alpha.js';
import { pairwiseMatrices, rowsWithAnyItem } from './pairwise.js';

export interface OmegaResult {
  /** McDonald's omega total for one factor (psych `omega(nfactors = 1)$omega.tot`). */
  omegaTotal: number;
  /** Loadings on the single factor, in item order (signs as psych reports them before flipping). */
  loadings: number[];
  /** Respondents who answered at least one item. */
  n: number;
  /** Fixed-point iterations of the minres fit, and whether it met the tolerance. */
  iterations: number;
  converged: boolean;
}

/** psych's bounds on the uniquenesses in `fa(fm = "minres")` (L-BFGS-B lower = .005, upper = 1). */
const MIN_UNIQUENESS = 0.005;
const MAX_UNIQUENESS = 1;

/**
 * One-factor minimum-residual loadings of a correlation matrix, as `psych::fa(r, 1, fm = "minres")`.
 *
 * Minres chooses uniquenesses ψ that minimise Σᵢ<ⱼ (rᵢⱼ − λᵢλⱼ)², where λ = √e₁·v₁ is the leading
 * eigenpair of R with its diagonal replaced by 1 − ψ. At the optimum λᵢ² = 1 − ψᵢ (psych's gradient
 * is diag(λλ' + Ψ − R)), so we iterate that fixed point (iterated principal axes, ψ kept within
 * psych's bounds [0.005, 1]) from psych's start ψ = 1 − smc until ψ changes by less than 1e-13.
 * R stops its optimiser earlier, so results agree to about 1e-5.
 */
export function minresOneFactor(R: Float64Array, p: number, maxIterations = 100_000): { loadings: number[]; iterations: number; converged: boolean } {
  const rows: number[][] = [];
  for (let a = 0; a < p; a++) rows.push(Array.from(R.subarray(a * p, a * p + p)));
  let psi = startingUniquenesses(rows, p);
  let loadings = leadingLoadings(rows, psi);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let change = 0;
    const next = loadings.map((l, i) => {
      const value = Math.min(MAX_UNIQUENESS, Math.max(MIN_UNIQUENESS, 1 - l * l));
      change = Math.max(change, Math.abs(value - psi[i]!));
      return value;
    });
    psi = next;
    loadings = leadingLoadings(rows, psi);
    if (change < 1e-13) {
      converged = true;
      break;
    }
  }
  // psych flips a single factor so that its loadings sum to a positive number
  const total = loadings.reduce((s, x) => s + x, 0);
  if (total < 0) loadings = loadings.map((x) => -x);
  return { loadings, iterations, converged };
}

/** ψ = 1 − smc, smc = 1 − 1/diag(R⁻¹) (psych `smc`; all 1 when R is singular). */
function startingUniquenesses(rows: number[][], p: number): number[] {
  try {
    const inv = inverse(new Matrix(rows));
    const psi: number[] = [];
    for (let i = 0; i < p; i++) {
      const smc = 1 - 1 / inv.get(i, i);
      psi.push(Math.min(MAX_UNIQUENESS, Math.max(MIN_UNIQUENESS, 1 - smc)));
    }
    if (psi.every((x) => Number.isFinite(x))) return psi;
  } catch {
    // singular: fall back below
  }
  return rows.map(() => 0.5);
}

/** √e₁·v₁ of R with diagonal 1 − ψ (psych `FAout.wls`). */
function leadingLoadings(rows: number[][], psi: number[]): number[] {
  const reduced = rows.map((row, i) => row.map((x, j) => (i === j ? x - psi[i]! : x)));
  const eigen = new EigenvalueDecomposition(new Matrix(reduced), { assumeSymmetric: true });
  const values = eigen.realEigenvalues;
  let top = 0;
  for (let j = 1; j < values.length; j++) if (values[j]! > values[top]!) top = j;
  const scale = Math.sqrt(Math.max(values[top]!, 0));
  const vectors = eigen.eigenvectorMatrix;
  return rows.map((_, i) => vectors.get(i, top) * scale);
}

/**
 * McDonald's omega total for a one-factor scale, as `psych::omega(x, nfactors = 1)$omega.tot`.
 *
 * R is the pairwise-complete correlation matrix with reverse-keyed items' rows and columns negated;
 * λ the one-factor minres loadings ({@link minresOneFactor}); psych then flips every item whose
 * loading is negative (`flip = TRUE`). With Vₜ = Σ of the flipped R:
 *   ωₜ = (Vₜ − Σᵢ (1 − λᵢ²)) / Vₜ
 */
export function omegaTotal(items: ReadonlyArray<ScaleItemData>, options: { reverse?: ReadonlyArray<string> } = {}): OmegaResult {
  const reverse = new Set(options.reverse ?? []);
  const p = items.length;
  if (p < 3) {
    throw new LeakriskError(`omega needs at least three items (got ${p}: ${items.map((i) => i.name).join(', ')})`, {}, 'list three or more items of the scale');
  }
  const { cor } = pairwiseMatrices(items.map((item) => item.values));
  if (cor.some((x) => Number.isNaN(x))) {
    throw new LeakriskError(
      'omega needs every item to vary and every pair of items to be answered together by at least two respondents',
      {},
      'remove items without variance or that are never answered together',
    );
  }
  const sign = items.map((item) => (reverse.has(item.name) ? -1 : 1));
  const R = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) R[a * p + b] = sign[a]! * sign[b]! * cor[a * p + b]!;
  const fit = minresOneFactor(R, p);
  const flip = fit.loadings.map((l) => (l < 0 ? -1 : 1));
  let total = 0;
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) total += flip[a]! * flip[b]! * R[a * p + b]!;
  const uniqueness = fit.loadings.reduce((s, l) => s + (1 - l * l), 0);
  return {
    omegaTotal: (total - uniqueness) / total,
    loadings: fit.loadings,
    n: rowsWithAnyItem(items.map((item) => item.values)),
    iterations: fit.iterations,
    converged: fit.converged,
  };
}
