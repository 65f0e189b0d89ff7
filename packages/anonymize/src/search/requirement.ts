import { diversityOf, isDiverse, type LRequirement } from '../risk/diversity.js';
import type { ClassTable } from './classes.js';

/** What every released record must satisfy (after generalisation and suppression). */
export interface PrivacyRequirement {
  /** k-anonymity: fk ≥ k for every record. */
  k: number;
  /** l-diversity of every sensitive column within each record's matching set; any combination. */
  l?: LRequirement;
  /** `any`: a missing key value matches every value (sdcMicro); `self`: missing matches only missing (ARX). */
  missingMatches: 'any' | 'self';
}

export interface ClassCheck {
  /** fk of each class: the number of records that match it. */
  fk: Float64Array;
  /** 1 when the class violates k-anonymity or l-diversity. */
  violates: Uint8Array;
  /** Records in violating classes. */
  violatingRecords: number;
  /** Per sensitive column, the value counts of each class's matching set (`size × card`). */
  matchedHist: Float64Array[];
}

/**
 * fk and l-diversity of every class.
 *
 * Matching follows sdcMicro's `freqCalc` when `missingMatches` is `any`: record j counts towards
 * record i's fk when, for every key, the two values are equal or at least one of them is missing.
 * So fk_i = Σ_j Π_keys [x_ik = x_jk ∨ x_ik missing ∨ x_jk missing], except that (as in sdcMicro,
 * with more than one key) a record missing every key is not counted for records with a present
 * key; it itself matches all n records. The sensitive values of the same
 * matching set are the ones an intruder cannot tell apart, and l-diversity is checked on them. With
 * `self`, missing is a value like any other (ARX) and the matching set is the class itself; a class
 * whose keys are all missing releases no key information and is exempt (ARX treats fully suppressed
 * records as outliers that need not be k-anonymous).
 *
 * l-diversity of one sensitive column with non-missing value counts r1 ≥ r2 ≥ … ≥ rm in the set:
 * distinct: m ≥ l;  entropy: −Σ (ri/n) ln(ri/n) ≥ ln l;  recursive (c,l): r1 < c · (r_l + … + r_m).
 * Missing sensitive values are not counted (they disclose nothing).
 *
 * Cost: classes are grouped by their pattern of missing keys; for each pair of patterns (P, Q) the
 * classes of Q are indexed by their values on the keys missing in neither, so the work is
 * O(patterns² · classes), independent of the number of records.
 */
export function checkClasses(table: ClassTable, requirement: PrivacyRequirement): ClassCheck {
  const { size, codes, count, hist, sensitiveCards } = table;
  const m = codes.length;
  const fk = new Float64Array(size);
  const matchedHist = hist.map((h) => new Float64Array(h.length));
  const allMissing = m === 0 ? 0 : m >= 31 ? -1 : (1 << m) - 1;
  const pattern = new Int32Array(size);
  for (let j = 0; j < m; j++) {
    const column = codes[j]!;
    for (let c = 0; c < size; c++) if (column[c]! < 0) pattern[c]! |= 1 << j;
  }
  if (requirement.missingMatches === 'self' || size === 0) {
    fk.set(count);
    for (let a = 0; a < hist.length; a++) matchedHist[a]!.set(hist[a]!);
  } else {
    matchAny(table, pattern, allMissing, fk, matchedHist);
  }
  const violates = new Uint8Array(size);
  let violatingRecords = 0;
  const l = requirement.l;
  for (let c = 0; c < size; c++) {
    if (count[c] === 0) continue;
    if (requirement.missingMatches === 'self' && m > 0 && pattern[c] === allMissing) continue;
    let bad = fk[c]! < requirement.k;
    if (!bad && l) {
      for (let a = 0; a < hist.length && !bad; a++) {
        const card = sensitiveCards[a]!;
        if (!isDiverse(matchedHist[a]!, c * card, card, l)) bad = true;
      }
    }
    if (bad) {
      violates[c] = 1;
      violatingRecords += count[c]!;
    }
  }
  return { fk, violates, violatingRecords, matchedHist };
}

function matchAny(table: ClassTable, pattern: Int32Array, allMissing: number, fk: Float64Array, matchedHist: Float64Array[]): void {
  const { size, codes, cards, count, hist, sensitiveCards } = table;
  const m = codes.length;
  const byPattern = new Map<number, number[]>();
  for (let c = 0; c < size; c++) {
    const p = pattern[c]!;
    let list = byPattern.get(p);
    if (!list) byPattern.set(p, (list = []));
    list.push(c);
  }
  const patterns = [...byPattern.keys()].sort((a, b) => a - b);
  // Mixed-radix keys are exact while the product of cardinalities stays below 2^53.
  const radix: number[] = [];
  let product = 1;
  for (let j = 0; j < m; j++) {
    radix.push(product);
    product *= cards[j]! + 1;
  }
  const numeric = product < 2 ** 53;
  const keyOf = (c: number, mask: number): number | string => {
    if (numeric) {
      let key = 0;
      for (let j = 0; j < m; j++) if (mask & (1 << j)) key += codes[j]![c]! * radix[j]!;
      return key;
    }
    let key = '';
    for (let j = 0; j < m; j++) if (mask & (1 << j)) key += `${codes[j]![c]!},`;
    return key;
  };
  const cardsTotal = sensitiveCards.reduce((s, x) => s + x, 0);
  const cache = new Map<string, { index: Map<number | string, number>; count: number[]; hist: Float64Array[] }>();
  for (const q of patterns) {
    const inQ = byPattern.get(q)!;
    for (const p of patterns) {
      // sdcMicro's freqCalc does not count records missing every key towards records with a
      // present key when there is more than one key; follow it, so that the enforced fk is the fk
      // that `leakrisk risk` reports (and never larger).
      if (m > 1 && q === allMissing && p !== allMissing) continue;
      const mask = allMissing & ~(p | q);
      const cacheKey = `${q}:${mask}`;
      let agg = cache.get(cacheKey);
      if (!agg) {
        const index = new Map<number | string, number>();
        const aggCount: number[] = [];
        const owners: number[] = [];
        for (const d of inQ) {
          const key = keyOf(d, mask);
          let slot = index.get(key);
          if (slot === undefined) {
            slot = aggCount.length;
            index.set(key, slot);
            aggCount.push(0);
            owners.push(d);
          }
          aggCount[slot]! += count[d]!;
        }
        const aggHist =
          cardsTotal === 0
            ? []
            : hist.map((h, a) => {
                const card = sensitiveCards[a]!;
                const out = new Float64Array(aggCount.length * card);
                for (const d of inQ) {
                  const slot = index.get(keyOf(d, mask))!;
                  for (let v = 0; v < card; v++) out[slot * card + v]! += h[d * card + v]!;
                }
                return out;
              });
        agg = { index, count: aggCount, hist: aggHist };
        cache.set(cacheKey, agg);
      }
      for (const c of byPattern.get(p)!) {
        const slot = agg.index.get(keyOf(c, mask));
        if (slot === undefined) continue;
        fk[c]! += agg.count[slot]!;
        for (let a = 0; a < agg.hist.length; a++) {
          const card = sensitiveCards[a]!;
          const from = agg.hist[a]!;
          const to = matchedHist[a]!;
          for (let v = 0; v < card; v++) to[c * card + v]! += from[slot * card + v]!;
        }
      }
    }
  }
}

/** What a release achieves (the audit's `privacy.achieved`), from its class table. */
export interface AchievedPrivacy {
  /** Smallest fk over the records that must meet k (0 when there are none). */
  minFk: number;
  /** Records in classes that violate the requirement. */
  violatingRecords: number;
  /** Per sensitive column, the smallest distinct count and exp(entropy) of a matching set. */
  l: { column: string; distinct: number; entropy: number }[];
}

/**
 * The k and l a class table achieves under `requirement` (see {@link checkClasses}): the smallest fk
 * and, per sensitive column (named in `sensitive`, in the table's order), the smallest number of
 * distinct values and smallest exp(entropy) of a matching set (present values only, `diversityOf`),
 * skipping the classes exempt under `self` (every key missing).
 */
export function achievedPrivacy(table: ClassTable, requirement: PrivacyRequirement, sensitive: readonly string[]): AchievedPrivacy {
  const check = checkClasses(table, requirement);
  const m = table.codes.length;
  const exempt = (c: number) => requirement.missingMatches === 'self' && m > 0 && table.codes.every((column) => column[c]! < 0);
  let minFk = Number.POSITIVE_INFINITY;
  for (let c = 0; c < table.size; c++) if (!exempt(c) && check.fk[c]! < minFk) minFk = check.fk[c]!;
  const l = sensitive.map((column, a) => {
    const card = table.sensitiveCards[a]!;
    const counts = check.matchedHist[a]!;
    let distinct = Number.POSITIVE_INFINITY;
    let entropy = Number.POSITIVE_INFINITY;
    for (let c = 0; c < table.size; c++) {
      if (exempt(c)) continue;
      const d = diversityOf(counts, c * card, card);
      distinct = Math.min(distinct, d.distinct);
      entropy = Math.min(entropy, d.entropy);
    }
    return { column, distinct: Number.isFinite(distinct) ? distinct : 0, entropy: Number.isFinite(entropy) ? entropy : 0 };
  });
  return { minFk: Number.isFinite(minFk) ? minFk : 0, violatingRecords: check.violatingRecords, l };
}
