/**
 * Pairwise-complete covariance and correlation matrices, as R's `cov(x, use = "pairwise")` and
 * `cor(x, use = "pairwise")`: entry (i, j) uses only the rows where both items are present, with the
 * means (and, for the correlation, the standard deviations) of those rows. The diagonal of the
 * covariance is each item's variance over its own answered rows (n − 1 divisor).
 */
export interface PairwiseMatrices {
  /** p × p covariances, row-major. */
  cov: Float64Array;
  /** p × p correlations, row-major (diagonal 1). */
  cor: Float64Array;
  /** p × p counts of rows with both items present. */
  count: Float64Array;
  p: number;
}

export function pairwiseMatrices(items: ReadonlyArray<ArrayLike<number>>): PairwiseMatrices {
  const p = items.length;
  const n = p > 0 ? items[0]!.length : 0;
  const cov = new Float64Array(p * p);
  const cor = new Float64Array(p * p);
  const count = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    const x = items[a]!;
    for (let b = a; b < p; b++) {
      const y = items[b]!;
      // two passes: pair means first, then centred sums (numerically stable, like R's C code)
      let k = 0;
      let sx = 0;
      let sy = 0;
      for (let i = 0; i < n; i++) {
        const xi = x[i]!;
        const yi = y[i]!;
        if (xi !== xi || yi !== yi) continue;
        k++;
        sx += xi;
        sy += yi;
      }
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      if (k > 0) {
        const mx = sx / k;
        const my = sy / k;
        for (let i = 0; i < n; i++) {
          const xi = x[i]!;
          const yi = y[i]!;
          if (xi !== xi || yi !== yi) continue;
          const dx = xi - mx;
          const dy = yi - my;
          sxy += dx * dy;
          sxx += dx * dx;
          syy += dy * dy;
        }
      }
      const c = k > 1 ? sxy / (k - 1) : NaN;
      const r = a === b ? (k > 1 && sxx > 0 ? 1 : NaN) : k > 1 ? sxy / Math.sqrt(sxx * syy) : NaN;
      cov[a * p + b] = cov[b * p + a] = c;
      cor[a * p + b] = cor[b * p + a] = r;
      count[a * p + b] = count[b * p + a] = k;
    }
  }
  return { cov, cor, count, p };
}

/** Number of rows with at least one of the items present. */
export function rowsWithAnyItem(items: ReadonlyArray<ArrayLike<number>>): number {
  const n = items.length > 0 ? items[0]!.length : 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (const x of items) {
      const v = x[i]!;
      if (v === v) {
        count++;
        break;
      }
    }
  }
  return count;
}
