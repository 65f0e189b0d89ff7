import { isMissingCell } from '@leakrisk/survey';

/**
 * Global disclosure risk; matches sdcMicro `measure_risk()`:
 *   expectedReidentifications = Σ r_i   (`global_risk_ER`),
 *   globalRisk = Σ r_i / n              (`global_risk`, the mean individual risk).
 */
export function globalRisk(risk: ArrayLike<number>): { globalRisk: number; expectedReidentifications: number } {
  let sum = 0;
  for (let i = 0; i < risk.length; i++) sum += risk[i]!;
  return { globalRisk: risk.length > 0 ? sum / risk.length : 0, expectedReidentifications: sum };
}

/**
 * Records violating k-anonymity: the number with fk < k, for each k asked (sdcMicro's print of
 * `freqCalc` gives k = 2 and 3 as `n1` and `n1 + n2`). Keys of the result are the k values.
 */
export function kViolations(fk: ArrayLike<number>, ks: readonly number[]): Record<string, number> {
  const unique = [...new Set(ks)].sort((a, b) => a - b);
  const out: Record<string, number> = {};
  for (const k of unique) {
    let count = 0;
    for (let i = 0; i < fk.length; i++) if (fk[i]! < k) count++;
    out[String(k)] = count;
  }
  return out;
}

export interface HouseholdRisk {
  /** Per record: the risk of its household, 1 − Π(1 − r) over the household's members; NaN without a household id. */
  risk: Float64Array;
  /** Σ of the per-record household risk (sdcMicro `hier_risk_ER`): a household of 3 counts 3 times. */
  expectedReidentifications: number;
  /** `expectedReidentifications / n` (sdcMicro `hier_risk`). */
  globalRisk: number;
}

/**
 * Hierarchical (household) risk; matches sdcMicro `measure_risk(..., hid = )` with `fast_hier = TRUE`:
 * a household is re-identified when any member is, so every member gets 1 − Π_{j ∈ household}(1 − r_j).
 * Records with a missing household id get NaN and are left out of the sum (R's `na.rm = TRUE`)
 * but still count in n.
 */
export function householdRisk(
  risk: ArrayLike<number>,
  household: readonly string[],
  isMissing: (cell: string) => boolean = (cell) => isMissingCell(cell),
): HouseholdRisk {
  const n = risk.length;
  const safe = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const h = household[i]!;
    if (isMissing(h)) continue;
    safe.set(h, (safe.get(h) ?? 1) * (1 - risk[i]!));
  }
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const h = household[i]!;
    if (isMissing(h)) {
      out[i] = NaN;
      continue;
    }
    out[i] = 1 - safe.get(h)!;
    sum += out[i]!;
  }
  return { risk: out, expectedReidentifications: sum, globalRisk: n > 0 ? sum / n : 0 };
}
