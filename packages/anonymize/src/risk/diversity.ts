/**
 * The diversity of the sensitive values in one set of records (an equivalence class, or a record's
 * matching set), in the three senses of Machanavajjhala et al. (2007), as sdcMicro's `ldiversity()`
 * (src/Measure_Risk.h) and ARX compute them.
 */
export interface Diversity {
  /** Number of different values. */
  distinct: number;
  /** H = −Σ p ln p over the same values: entropy l-diversity holds when H ≥ ln l. */
  logEntropy: number;
  /** exp(H), the "entropy l" reported beside `distinct`. */
  entropy: number;
  /** Largest l with r1 < c · (r_l + … + r_m), r sorted decreasing (1 with one value, 0 with none); 0 when no `c` was given. */
  recursive: number;
}

/** An l-diversity requirement: any combination of the three variants. */
export interface LRequirement {
  distinct?: number;
  entropy?: number;
  recursive?: { c: number; l: number };
}

/** Tolerance for entropy l: H ≥ ln l is checked as H ≥ ln l − 1e-12 (rounding of equal shares). */
const ENTROPY_TOLERANCE = 1e-12;

/**
 * The {@link Diversity} of the value counts `counts[offset … offset + card)` (value v occurs
 * `counts[offset + v]` times):
 *   distinct  = #{v : r_v > 0};
 *   entropy   = exp(H), H = −Σ_v (r_v / n) ln(r_v / n), summed in value order;
 *   recursive = max l with r_1 < c · Σ_{i ≥ l} r_i over the counts sorted decreasing (only with `c`).
 * `missing` records with no value count as one more value for distinct and entropy when some value is
 * present (sdcMicro's `ldiversity`; an all-missing set has distinct 0 and entropy 1) and are left out of
 * the recursive measure; leave it 0 to count present values only (what the anonymizer enforces).
 */
export function diversityOf(counts: ArrayLike<number>, offset: number, card: number, options: { missing?: number; c?: number } = {}): Diversity {
  let distinct = 0;
  let total = 0;
  for (let v = 0; v < card; v++) {
    const x = counts[offset + v]!;
    if (x > 0) {
      distinct++;
      total += x;
    }
  }
  const missing = distinct > 0 ? (options.missing ?? 0) : 0;
  total += missing;
  let h = 0;
  for (let v = 0; v < card; v++) {
    const x = counts[offset + v]!;
    if (x > 0) h -= (x / total) * Math.log(x / total);
  }
  if (missing > 0) h -= (missing / total) * Math.log(missing / total);
  let recursive = 0;
  if (options.c !== undefined && distinct > 0) {
    const c = options.c;
    const r: number[] = [];
    for (let v = 0; v < card; v++) if (counts[offset + v]! > 0) r.push(counts[offset + v]!);
    r.sort((a, b) => b - a);
    recursive = 1;
    let tail = 0;
    for (let i = 1; i < r.length; i++) tail += r[i]!;
    // tail = r_l + … + r_m for l = 2; raise l while r1 < c · tail
    for (let l = 2; l <= r.length && r[0]! < c * tail; l++) {
      recursive = l;
      tail -= r[l - 1]!;
    }
  }
  return { distinct: missing > 0 ? distinct + 1 : distinct, logEntropy: h, entropy: Math.exp(h), recursive };
}

/** Whether a set of this diversity meets the requirement (every variant it names). */
export function meetsLDiversity(diversity: Diversity, requirement: LRequirement): boolean {
  if (requirement.distinct !== undefined && diversity.distinct < requirement.distinct) return false;
  if (requirement.entropy !== undefined && diversity.logEntropy < Math.log(requirement.entropy) - ENTROPY_TOLERANCE) return false;
  if (requirement.recursive !== undefined && diversity.recursive < requirement.recursive.l) return false;
  return true;
}

/**
 * Whether the value counts `counts[offset … offset + card)` are l-diverse (present values only, as the
 * anonymizer enforces it); see {@link diversityOf} and {@link meetsLDiversity}.
 */
export function isDiverse(counts: ArrayLike<number>, offset: number, card: number, requirement: LRequirement): boolean {
  return meetsLDiversity(diversityOf(counts, offset, card, requirement.recursive ? { c: requirement.recursive.c } : {}), requirement);
}
