/**
 * Benjamini–Hochberg adjusted p-values, matching R's `p.adjust(p, method = "BH")`.
 *
 * With the `n` non-missing p-values sorted decreasingly, `p(i)` having rank `i` among them,
 * `adjusted(i) = min(1, min_{j >= i} n / j * p(j))`. Missing values (`null`, `undefined`, NaN)
 * are skipped: they stay missing (`null`) and do not count in `n`, as R does with `NA`.
 *
 * @param pValues the p-values of all tests, in any order
 * @returns the adjusted p-values in the same order (`null` where the input was missing)
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: ReadonlyArray<number | null | undefined>): (number | null)[] {
  const present: number[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i];
    if (p !== null && p !== undefined && !Number.isNaN(p)) present.push(i);
  }
  const n = present.length;
  const out: (number | null)[] = pValues.map(() => null);
  const order = present.slice().sort((a, b) => (pValues[b] as number) - (pValues[a] as number));
  let running = Number.POSITIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const index = order[k]!;
    const rank = n - k;
    running = Math.min(running, (n / rank) * (pValues[index] as number));
    out[index] = Math.min(1, running);
  }
  return out;
}
