import { LeakriskError } from '../errors.js';
import type { ScaleItemData } from './alpha.js';

export interface DesignAlphaResult {
  /** Design-weighted Cronbach's alpha. */
  alpha: number;
  /** Respondents with every item answered and a non-zero weight. */
  n: number;
}

/**
 * Design-weighted Cronbach's alpha, as `survey::svycralpha(~i1 + … + iK, design, na.rm = TRUE)`.
 *
 * Over the rows with every item present (complete cases, as `na.rm = TRUE` does) and weight wᵢ,
 * with n of them having wᵢ ≠ 0, the weighted variance of a variable y is
 *   v(y) = n/(n−1) · Σ wᵢ (yᵢ − ȳ_w)² / Σ wᵢ          (survey::svyvar)
 * and alpha = K/(K−1) · (1 − Σₖ v(xₖ) / v(Σₖ xₖ)). Reverse-keyed items enter the total as max+min−x;
 * the constant does not change a variance, so they enter with a negative sign.
 *
 * @param weights the design's (possibly calibrated) weights, one per row
 */
export function designAlpha(
  items: ReadonlyArray<ScaleItemData>,
  weights: ArrayLike<number>,
  options: { reverse?: ReadonlyArray<string> } = {},
): DesignAlphaResult {
  const K = items.length;
  if (K < 2) {
    throw new LeakriskError('a weighted alpha needs at least two items', {}, 'list at least two items');
  }
  const reverse = new Set(options.reverse ?? []);
  const sign = items.map((item) => (reverse.has(item.name) ? -1 : 1));
  const nrow = weights.length;
  const complete = new Uint8Array(nrow);
  let n = 0;
  let sumW = 0;
  const sums = new Float64Array(K + 1);
  for (let i = 0; i < nrow; i++) {
    let ok = true;
    for (let k = 0; k < K; k++) {
      const x = items[k]!.values[i]!;
      if (x !== x) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    complete[i] = 1;
    const w = weights[i]!;
    if (w !== 0) n++;
    sumW += w;
    let total = 0;
    for (let k = 0; k < K; k++) {
      const x = sign[k]! * items[k]!.values[i]!;
      sums[k]! += w * x;
      total += x;
    }
    sums[K]! += w * total;
  }
  if (n < 2 || sumW <= 0) {
    throw new LeakriskError(
      `a weighted alpha needs at least two respondents with every item answered (found ${n})`,
      {},
      'check the items and the missing codes',
    );
  }
  const means = sums.map((s) => s / sumW);
  const squares = new Float64Array(K + 1);
  for (let i = 0; i < nrow; i++) {
    if (complete[i] === 0) continue;
    const w = weights[i]!;
    let total = 0;
    for (let k = 0; k < K; k++) {
      const x = sign[k]! * items[k]!.values[i]!;
      const d = x - means[k]!;
      squares[k]! += w * d * d;
      total += x;
    }
    const d = total - means[K]!;
    squares[K]! += w * d * d;
  }
  // the common factor n/(n−1)/Σw cancels in the ratio of variances
  let itemVariance = 0;
  for (let k = 0; k < K; k++) itemVariance += squares[k]!;
  return { alpha: (K / (K - 1)) * (1 - itemVariance / squares[K]!), n };
}
