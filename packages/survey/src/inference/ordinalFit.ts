import { solveEquilibrated } from './normalEquations.js';
import type { LatentDistribution, LatentValues } from './ordinalLinks.js';

/**
 * A proportional-odds model over the rows used: `P(Y ≤ j | x) = F(ζ_j − xβ)`, j = 1 … K−1.
 * Parameters θ = (β_1 … β_p, ζ_1 … ζ_{K−1}), the order of R's `coef(svyolr_fit)`.
 */
export interface OrdinalModel {
  /** The predictors without an intercept, row-major: row k holds `x[k·p … k·p + p − 1]`. */
  x: Float64Array;
  /** Number of predictors (columns of `x`). */
  p: number;
  /** Each row's answer, 0 … K−1 in level order. */
  y: Int32Array;
  /** K, the number of answer levels (at least 3). */
  levels: number;
  distribution: LatentDistribution;
}

export interface OrdinalFit {
  /** θ = (β, ζ). */
  theta: Float64Array;
  /** −∂²ℓ/∂θ∂θᵀ at θ (the observed information, row-major, p + K − 1 square). */
  information: Float64Array;
  /** Its inverse. */
  inverse: Float64Array;
  /** Σ w log P(y | x) at θ. */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** The change of θ in the last Newton iteration (for the separation check). */
  lastStep: Float64Array;
}

/** Newton iterations at most. */
const MAXIT = 100;

/**
 * Maximum-likelihood fit of the proportional-odds model with row weights `weights` (rows with weight 0
 * take no part), R's `svyolr` / `MASS::polr` point estimates — which maximise `Σ w_i log P(y_i | x_i)`.
 * R gets there with optim's BFGS on (β, ζ_1, log(ζ_2 − ζ_1), …) and stops early; here Newton's method
 * with the analytic gradient and Hessian in (β, ζ), step-halving while the log-likelihood does not rise,
 * from `start` or from β = 0 and ζ_j = F⁻¹(weighted share of answers ≤ j) (the maximum when β = 0). It
 * stops when the Newton decrement gᵀH⁻¹g, per unit of weight, is below 1e-20: the estimates then sit at
 * the maximum to rounding. One pass over the rows per iteration, O(n·p²).
 *
 * This is the step a replicate-weight variance repeats per replicate (with `start` = the full-sample θ),
 * as R's `svyolr.svyrep.design` refits `polr` for each column of replicate weights.
 */
export function fitProportionalOdds(model: OrdinalModel, weights: Float64Array, start?: Float64Array): OrdinalFit {
  const d = model.p + model.levels - 1;
  let theta = start !== undefined ? Float64Array.from(start) : startValues(model, weights);
  let totalWeight = 0;
  for (let k = 0; k < weights.length; k++) totalWeight += weights[k]!;
  const scratch = new Derivatives(d);
  let logLikelihood = logLikelihoodAt(model, weights, theta);
  let converged = false;
  let iterations = 0;
  const lastStep = new Float64Array(d);
  for (let iter = 1; iter <= MAXIT; iter++) {
    iterations = iter;
    derivativesAt(model, weights, theta, scratch);
    const solved = solveEquilibrated(scratch.information, scratch.gradient, d, Number.POSITIVE_INFINITY);
    if (solved === undefined) break;
    const step = solved.beta;
    let decrement = 0;
    for (let j = 0; j < d; j++) decrement += step[j]! * scratch.gradient[j]!;
    const near = decrement / totalWeight < 1e-8;
    let scale = 1;
    let next = shifted(theta, step, scale);
    let value = logLikelihoodAt(model, weights, next);
    // Close to the maximum the log-likelihood changes by less than its rounding: take the full step.
    for (let halvings = 0; !(near && Number.isFinite(value)) && !(value >= logLikelihood) && halvings < 50; halvings++) {
      scale /= 2;
      next = shifted(theta, step, scale);
      value = logLikelihoodAt(model, weights, next);
    }
    if (!Number.isFinite(value)) break;
    for (let j = 0; j < d; j++) lastStep[j] = next[j]! - theta[j]!;
    theta = next;
    logLikelihood = value;
    if (decrement / totalWeight < 1e-20) {
      converged = true;
      break;
    }
  }
  derivativesAt(model, weights, theta, scratch);
  const solved = solveEquilibrated(scratch.information, scratch.gradient, d, Number.POSITIVE_INFINITY);
  return {
    theta,
    information: Float64Array.from(scratch.information),
    inverse: solved?.inverse ?? new Float64Array(d * d).fill(Number.NaN),
    logLikelihood,
    iterations,
    converged: converged && solved !== undefined,
    lastStep,
  };
}

/** One full Newton step from θ (no step-halving); undefined when the information is singular. */
export function ordinalNewtonStep(model: OrdinalModel, weights: Float64Array, theta: Float64Array): Float64Array | undefined {
  const d = model.p + model.levels - 1;
  const scratch = new Derivatives(d);
  derivativesAt(model, weights, theta, scratch);
  const solved = solveEquilibrated(scratch.information, scratch.gradient, d, Number.POSITIVE_INFINITY);
  return solved === undefined ? undefined : shifted(theta, solved.beta, 1);
}

/**
 * Each row's influence on θ, `H⁻¹ u_i` with `u_i` = w_i ∂ log P(y_i | x_i)/∂θ (the row's weighted score)
 * and `H` the information at the fit — as R's `svyolr` forms `inffun <- gmini(…) %*% solve(H)` (up to
 * its sign, which no variance sees). Returned as p + K − 1 columns over the data's `n` rows, model row k
 * at data row `rows[k]` and 0 elsewhere; the design-based covariance of θ is the design variance of
 * their totals (`svyrecvar`).
 */
export function ordinalInfluence(model: OrdinalModel, weights: Float64Array, fit: OrdinalFit, rows: Int32Array, n: number): Float64Array[] {
  const { x, p, y, distribution } = model;
  const q = model.levels - 1;
  const d = p + q;
  const inverse = fit.inverse;
  const theta = fit.theta;
  const out = Array.from({ length: d }, () => new Float64Array(n));
  for (let k = 0; k < y.length; k++) {
    const w = weights[k]!;
    if (!(w > 0)) continue;
    const row = evaluateRow(x, p, theta, y[k]!, q, distribution, k);
    // u = slope · (x, 0) + (w f(a)/P) e_a − (w f(b)/P) e_b
    const slope = (-w * (row.fa - row.fb)) / row.probability;
    const atUpper = row.upperCut >= 0 ? p + row.upperCut : -1;
    const atLower = row.lowerCut >= 0 ? p + row.lowerCut : -1;
    const scoreUpper = (w * row.fa) / row.probability;
    const scoreLower = (-w * row.fb) / row.probability;
    const i = rows[k]!;
    for (let a = 0; a < d; a++) {
      const base = a * d;
      let s = 0;
      for (let j = 0; j < p; j++) s += inverse[base + j]! * x[k * p + j]!;
      s *= slope;
      if (atUpper >= 0) s += inverse[base + atUpper]! * scoreUpper;
      if (atLower >= 0) s += inverse[base + atLower]! * scoreLower;
      out[a]![i] = s;
    }
  }
  return out;
}

/**
 * Each row's probability of the answer it gave, at θ: what separation drives to 1. Rows of weight 0
 * get NaN.
 */
export function fittedAnswerProbabilities(model: OrdinalModel, weights: Float64Array, theta: Float64Array): Float64Array {
  const q = model.levels - 1;
  const out = new Float64Array(model.y.length);
  for (let k = 0; k < out.length; k++) {
    out[k] = weights[k]! > 0 ? evaluateRow(model.x, model.p, theta, model.y[k]!, q, model.distribution, k).probability : Number.NaN;
  }
  return out;
}

function shifted(theta: Float64Array, step: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(theta.length);
  for (let j = 0; j < theta.length; j++) out[j] = theta[j]! + scale * step[j]!;
  return out;
}

function startValues(model: OrdinalModel, weights: Float64Array): Float64Array {
  const q = model.levels - 1;
  const theta = new Float64Array(model.p + q);
  const byLevel = new Float64Array(model.levels);
  let total = 0;
  for (let k = 0; k < model.y.length; k++) {
    byLevel[model.y[k]!] = byLevel[model.y[k]!]! + weights[k]!;
    total += weights[k]!;
  }
  let cumulative = 0;
  for (let j = 0; j < q; j++) {
    cumulative += byLevel[j]!;
    theta[model.p + j] = model.distribution.quantile(cumulative / total);
  }
  return theta;
}

/** The likelihood pieces of one row: its answer's probability, and F's density and slope at both cuts. */
interface RowTerms {
  probability: number;
  fa: number;
  fb: number;
  slopeA: number;
  slopeB: number;
  /** Index (0-based among the ζ) of the cut above the answer (a = ζ_y − η), −1 for the top answer. */
  upperCut: number;
  /** Index of the cut below (b = ζ_{y−1} − η), −1 for the bottom answer. */
  lowerCut: number;
}

const rowTerms: RowTerms = { probability: 0, fa: 0, fb: 0, slopeA: 0, slopeB: 0, upperCut: -1, lowerCut: -1 };
const atA: LatentValues = { lower: 0, upper: 0, density: 0, slope: 0 };
const atB: LatentValues = { lower: 0, upper: 0, density: 0, slope: 0 };

/**
 * Fills (and returns) the shared {@link rowTerms} for row k. P = F(a) − F(b), taken as
 * (1 − F(b)) − (1 − F(a)) when both cuts lie in the upper tail, so that no digits cancel.
 */
function evaluateRow(x: Float64Array, p: number, theta: Float64Array, answer: number, q: number, f: LatentDistribution, k: number): RowTerms {
  let eta = 0;
  for (let j = 0; j < p; j++) eta += x[k * p + j]! * theta[j]!;
  const upperCut = answer < q ? answer : -1;
  const lowerCut = answer > 0 ? answer - 1 : -1;
  if (upperCut >= 0) f.evaluate(theta[p + upperCut]! - eta, atA);
  if (lowerCut >= 0) f.evaluate(theta[p + lowerCut]! - eta, atB);
  let probability: number;
  if (upperCut < 0) probability = atB.upper;
  else if (lowerCut < 0) probability = atA.lower;
  else probability = atB.lower > 0.5 ? atB.upper - atA.upper : atA.lower - atB.lower;
  rowTerms.probability = probability;
  rowTerms.fa = upperCut >= 0 ? atA.density : 0;
  rowTerms.slopeA = upperCut >= 0 ? atA.slope : 0;
  rowTerms.fb = lowerCut >= 0 ? atB.density : 0;
  rowTerms.slopeB = lowerCut >= 0 ? atB.slope : 0;
  rowTerms.upperCut = upperCut;
  rowTerms.lowerCut = lowerCut;
  return rowTerms;
}

function logLikelihoodAt(model: OrdinalModel, weights: Float64Array, theta: Float64Array): number {
  const { x, p, y, distribution } = model;
  const q = model.levels - 1;
  // ζ must increase, or some answer has no probability.
  for (let j = 1; j < q; j++) if (!(theta[p + j]! > theta[p + j - 1]!)) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let k = 0; k < y.length; k++) {
    const w = weights[k]!;
    if (!(w > 0)) continue;
    const probability = evaluateRow(x, p, theta, y[k]!, q, distribution, k).probability;
    if (!(probability > 0)) return Number.NEGATIVE_INFINITY;
    sum += w * Math.log(probability);
  }
  return sum;
}

/** Gradient of ℓ and the information −∂²ℓ, accumulated in one pass. */
class Derivatives {
  readonly gradient: Float64Array;
  readonly information: Float64Array;
  constructor(readonly d: number) {
    this.gradient = new Float64Array(d);
    this.information = new Float64Array(d * d);
  }
}

/**
 * With a = ζ_y − η, b = ζ_{y−1} − η, P = F(a) − F(b), u = ∂a/∂θ = (−x, e_y), v = ∂b/∂θ = (−x, e_{y−1}):
 * ∂ log P = (f(a) u − f(b) v)/P and ∂² log P = (f′(a) uuᵀ − f′(b) vvᵀ)/P − (∂ log P)(∂ log P)ᵀ.
 */
function derivativesAt(model: OrdinalModel, weights: Float64Array, theta: Float64Array, out: Derivatives): void {
  const { x, p, y, distribution } = model;
  const q = model.levels - 1;
  const d = p + q;
  const g = out.gradient;
  const h = out.information;
  g.fill(0);
  h.fill(0);
  for (let k = 0; k < y.length; k++) {
    const w = weights[k]!;
    if (!(w > 0)) continue;
    const r = evaluateRow(x, p, theta, y[k]!, q, distribution, k);
    const P = r.probability;
    const diff = (r.fa - r.fb) / P;
    const cxx = w * (diff * diff - (r.slopeA - r.slopeB) / P);
    const base = k * p;
    for (let i = 0; i < p; i++) {
      const xi = x[base + i]!;
      g[i] = g[i]! - w * diff * xi;
      const cxi = cxx * xi;
      const rowStart = i * d;
      for (let j = i; j < p; j++) h[rowStart + j] = h[rowStart + j]! + cxi * x[base + j]!;
    }
    if (r.upperCut >= 0) {
      const c = p + r.upperCut;
      const fa = r.fa / P;
      g[c] = g[c]! + w * fa;
      h[c * d + c] = h[c * d + c]! + w * (fa * fa - r.slopeA / P);
      const cross = w * (r.slopeA / P - diff * fa);
      for (let i = 0; i < p; i++) h[i * d + c] = h[i * d + c]! + cross * x[base + i]!;
    }
    if (r.lowerCut >= 0) {
      const c = p + r.lowerCut;
      const fb = r.fb / P;
      g[c] = g[c]! - w * fb;
      h[c * d + c] = h[c * d + c]! + w * (fb * fb + r.slopeB / P);
      const cross = w * (-r.slopeB / P + diff * fb);
      for (let i = 0; i < p; i++) h[i * d + c] = h[i * d + c]! + cross * x[base + i]!;
      if (r.upperCut >= 0) {
        const a = p + r.upperCut;
        h[c * d + a] = h[c * d + a]! - w * (r.fa / P) * fb;
      }
    }
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) h[i * d + j] = h[j * d + i]!;
}
