import { isMissingCell, type DictionaryColumn } from '@leakrisk/survey';
import type { MissingMatches } from '../config/types.js';
import { groupKeys, type KeyGroups } from './groupKeys.js';

/** Code of a missing key cell in {@link keyCodes}. */
export const MISSING_CODE = -1;

/**
 * A key (quasi-identifier) column as integer codes: non-missing values numbered in order of first
 * appearance, missing cells (empty, `NA`, `missing` codes) −1 ({@link MISSING_CODE}). The column
 * comes as its distinct texts (`distinctTexts`), so each value is judged once.
 */
export function keyCodes(column: DictionaryColumn, missing?: ReadonlySet<string>): Int32Array {
  let next = 0;
  const perLevel = Int32Array.from(column.levels, (cell) => (isMissingCell(cell, missing) ? MISSING_CODE : next++));
  const { codes } = column;
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = perLevel[codes[i]!]!;
  return out;
}

export interface FrequencyOptions {
  /** Sampling weights, one per row (sdcMicro `w`); without them every weight is 1, so Fk = fk. */
  weights?: ArrayLike<number>;
  /** `any` (default): a missing key matches every value, as sdcMicro; `self`: missing is a category. */
  missingMatches?: MissingMatches;
  /** sdcMicro's `alpha` (0 … 1): how much a wildcard match counts (default 1). */
  alpha?: number;
}

export interface KeyFrequencies {
  /** Sample frequency of each row's key combination. */
  fk: Float64Array;
  /** Estimated population frequency: the sum of the weights behind fk. */
  Fk: Float64Array;
  /** The exact-key groups (missing = missing), e.g. for l-diversity. */
  groups: KeyGroups;
}

/**
 * Sample and population frequencies of key combinations; matches sdcMicro `freqCalc(x, keyVars, w, alpha)`.
 *
 *   fk = #{records with the same key},  Fk = Σ w over those records.
 *
 * With `missingMatches: "any"` a missing key value stands for any category (sdcMicro's semantics,
 * read from `R/freqCalc.r`): for a record whose key has missing values,
 *   fk = its own group + α · Σ(groups with missing values that agree wherever both are present)
 *        + Σ(complete groups that agree on its present values);
 * a complete record adds α · (groups with missing values that agree on their present values);
 * a record missing every key gets fk = n, Fk = Σ w. With more than one key, sdcMicro does NOT add
 * the all-missing records to complete records (its `addAllNAtoKeys` is off) — reproduced here;
 * with a single key it does. Groups with missing values are matched pattern by pattern
 * (which keys are present), so the cost is O(patterns² · groups), not O(groups²).
 */
export function freqCalc(codes: readonly Int32Array[], options: FrequencyOptions = {}): KeyFrequencies {
  const n = codes[0]?.length ?? 0;
  const alpha = options.alpha ?? 1;
  const weights = options.weights;
  const groups = groupKeys(codes, n);
  const m = groups.count;
  const gf = new Float64Array(m);
  const gF = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const g = groups.groupOf[i]!;
    gf[g]!++;
    gF[g]! += weights === undefined ? 1 : weights[i]!;
  }

  const nkeys = codes.length;
  const full = nkeys >= 31 ? -1 : (1 << nkeys) - 1;
  const pattern = new Int32Array(m);
  let anyMissing = false;
  for (let g = 0; g < m; g++) {
    const row = groups.firstRow[g]!;
    let mask = 0;
    for (let j = 0; j < nkeys; j++) if (codes[j]![row]! !== MISSING_CODE) mask |= 1 << j;
    pattern[g] = mask;
    if (mask !== full) anyMissing = true;
  }

  let fkOfGroup: Float64Array = gf;
  let FkOfGroup: Float64Array = gF;
  if (anyMissing && (options.missingMatches ?? 'any') === 'any') {
    if (nkeys >= 31) throw new Error('freqCalc: at most 30 key variables are supported with missingMatches "any"');
    [fkOfGroup, FkOfGroup] = wildcardFrequencies(codes, groups, pattern, gf, gF, full, alpha, n);
  }

  const fk = new Float64Array(n);
  const Fk = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = groups.groupOf[i]!;
    fk[i] = fkOfGroup[g]!;
    Fk[i] = FkOfGroup[g]!;
  }
  return { fk, Fk, groups };
}

function wildcardFrequencies(
  codes: readonly Int32Array[],
  groups: KeyGroups,
  pattern: Int32Array,
  gf: Float64Array,
  gF: Float64Array,
  full: number,
  alpha: number,
  n: number,
): [Float64Array, Float64Array] {
  const m = groups.count;
  const nkeys = codes.length;
  const fk = Float64Array.from(gf);
  const Fk = Float64Array.from(gF);
  let totalF = 0;
  for (let g = 0; g < m; g++) totalF += gF[g]!;

  const byPattern = new Map<number, number[]>();
  for (let g = 0; g < m; g++) {
    const list = byPattern.get(pattern[g]!);
    if (list === undefined) byPattern.set(pattern[g]!, [g]);
    else list.push(g);
  }
  const complete = byPattern.get(full) ?? [];
  const incomplete = [...byPattern.entries()].filter(([p]) => p !== full);

  if (nkeys === 1) {
    // sdcMicro's one-key branch: complete categories absorb every missing record; missing ones match all.
    let naf = 0;
    let naF = 0;
    for (const [, list] of incomplete)
      for (const g of list) {
        naf += gf[g]!;
        naF += gF[g]!;
      }
    for (const g of complete) {
      fk[g]! += naf * alpha;
      Fk[g]! += naF * alpha;
    }
    for (const [, list] of incomplete)
      for (const g of list) {
        fk[g] = n;
        Fk[g] = totalF;
      }
    return [fk, Fk];
  }

  const project = projector(codes, groups);
  // Complete groups ↔ groups with missing values (not the all-missing pattern; see freqCalc's doc).
  for (const [mask, list] of incomplete) {
    if (mask === 0) continue;
    const sums = new Map<number | string, [number, number]>();
    for (const c of complete) {
      const key = project(c, mask);
      const s = sums.get(key);
      if (s === undefined) sums.set(key, [gf[c]!, gF[c]!]);
      else {
        s[0] += gf[c]!;
        s[1] += gF[c]!;
      }
    }
    const back = new Map<number | string, [number, number]>();
    for (const g of list) {
      const key = project(g, mask);
      const s = sums.get(key);
      if (s !== undefined) {
        fk[g]! += s[0];
        Fk[g]! += s[1];
      }
      const b = back.get(key);
      if (b === undefined) back.set(key, [gf[g]! * alpha, gF[g]! * alpha]);
      else {
        b[0] += gf[g]! * alpha;
        b[1] += gF[g]! * alpha;
      }
    }
    for (const c of complete) {
      const b = back.get(project(c, mask));
      if (b !== undefined) {
        fk[c]! += b[0];
        Fk[c]! += b[1];
      }
    }
  }
  // Groups with missing values ↔ each other: compatible when equal on the keys both have.
  for (const [maskP, listP] of incomplete) {
    for (const [maskQ, listQ] of incomplete) {
      if (maskP === maskQ) continue; // same pattern: compatible only with itself, already counted
      const shared = maskP & maskQ;
      const sums = new Map<number | string, [number, number]>();
      for (const h of listQ) {
        const key = project(h, shared);
        const s = sums.get(key);
        if (s === undefined) sums.set(key, [gf[h]!, gF[h]!]);
        else {
          s[0] += gf[h]!;
          s[1] += gF[h]!;
        }
      }
      for (const g of listP) {
        const s = sums.get(project(g, shared));
        if (s !== undefined) {
          fk[g]! += s[0] * alpha;
          Fk[g]! += s[1] * alpha;
        }
      }
    }
  }
  const allMissing = byPattern.get(0) ?? [];
  for (const g of allMissing) {
    fk[g] = n;
    Fk[g] = totalF;
  }
  return [fk, Fk];
}

/** The codes of a group restricted to the keys in `mask`, as one number (or a string when too large). */
function projector(codes: readonly Int32Array[], groups: KeyGroups): (group: number, mask: number) => number | string {
  const radix = codes.map((column) => {
    let max = 0;
    for (let i = 0; i < column.length; i++) if (column[i]! > max) max = column[i]!;
    return max + 2;
  });
  let product = 1;
  for (const r of radix) product *= r;
  const numeric = product < Number.MAX_SAFE_INTEGER;
  return (group, mask) => {
    const row = groups.firstRow[group]!;
    if (numeric) {
      let key = 0;
      for (let j = 0; j < codes.length; j++) key = key * radix[j]! + ((mask >> j) & 1 ? codes[j]![row]! + 1 : 0);
      return key;
    }
    let key = '';
    for (let j = 0; j < codes.length; j++) key += (mask >> j) & 1 ? `${codes[j]![row]!},` : '_,';
    return key;
  };
}
