/**
 * Individual re-identification risk of each record; matches sdcMicro
 * `indivRisk(freqCalc(...), method = "approx", qual = 1, survey = weighted)` (Benedetti–Franconi,
 * as in μ-Argus), with pk = fk / Fk:
 *
 *   fk = 1:  r = pk / (1 − pk) · ln(1 / pk)
 *   fk = 2:  r = pk / (1 − pk) − (pk / (1 − pk))² · ln(1 / pk)
 *   fk > 2:  r = pk / (fk − (1 − pk))                       (the approximation)
 *   fk = Fk: r = 1 / fk                                      (overrides the above; includes pk = 1)
 *   other fk (fractional, only with α < 1): r = 0, as sdcMicro.
 *
 * Without weights (`weighted: false`, sdcMicro's `survey = FALSE`, what `measure_risk` uses when
 * no weight variable is given) the risk is 1 / fk.
 *
 * @example individualRisk([2], [360], { weighted: true })[0] // ≈ 0.00542452
 */
export function individualRisk(fk: ArrayLike<number>, Fk: ArrayLike<number>, options: { weighted: boolean }): Float64Array {
  const n = fk.length;
  const risk = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = fk[i]!;
    const F = Fk[i]!;
    if (!options.weighted) {
      risk[i] = 1 / f;
      continue;
    }
    if (f === F) {
      risk[i] = 1 / f;
      continue;
    }
    const pk = f / F;
    if (f > 2) risk[i] = pk / (f - (1 - pk));
    else if (f === 2) {
      const ratio = pk / (1 - pk);
      risk[i] = ratio - ratio * ratio * Math.log(1 / pk);
    } else if (f === 1) risk[i] = (pk / (1 - pk)) * Math.log(1 / pk);
    else risk[i] = 0;
  }
  return risk;
}
