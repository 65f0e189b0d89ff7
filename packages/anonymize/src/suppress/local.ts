import { mergeClasses, type ClassTable } from '../search/classes.js';
import { isDiverse } from '../risk/diversity.js';
import { checkClasses, type PrivacyRequirement } from '../search/requirement.js';

export interface LocalSuppressionResult {
  /** The requirement holds after suppression. */
  met: boolean;
  /** Per input class, a bitmask of the quasi-identifiers suppressed in it (bit j = key j). */
  suppressedMask: Int32Array;
  /** Records with at least one cell suppressed here. */
  suppressedRecords: number;
  /** Cells suppressed per quasi-identifier (records). */
  suppressedCells: number[];
  /** Rounds of suppression that were needed. */
  rounds: number;
  /** The classes after suppression (merged) and the merged class of each input class. */
  final: ClassTable;
  finalOf: Int32Array;
}

/**
 * Local suppression of single cells, in the manner of sdcMicro's `localSuppression` with an
 * importance order. While some record violates the requirement (fk < k, or its matching set is not
 * l-diverse), each violating record gets one more key set to missing: the least important key
 * whose suppression alone makes the record safe, or, when no single key does, the least important
 * key still present; then fk and l-diversity are recomputed. (Plain sdcMicro always takes the least
 * important key; looking one step ahead avoids suppressing a key that cannot help, such as a
 * district generalised to its province while the province is itself a key.)
 *
 * With `missingMatches: any` a suppressed cell matches every value, so matching sets only grow as
 * cells are suppressed and a record made safe stays safe; a record whose keys are all suppressed
 * matches the whole file. With `self` a suppressed cell matches only missing cells and a fully
 * suppressed record is exempt (see `checkClasses`).
 *
 * Works on classes, not rows: records with equal codes are treated alike, so the cost does not
 * depend on the number of records. `order` lists key indices from least to most important.
 * Stops early (met = false) when more than `budgetRecords` records would carry a suppression.
 */
export function suppressLocally(
  table: ClassTable,
  order: readonly number[],
  requirement: PrivacyRequirement,
  budgetRecords = Number.POSITIVE_INFINITY,
): LocalSuppressionResult {
  const m = table.codes.length;
  const current = table.codes.map((c) => Int32Array.from(c));
  const suppressedMask = new Int32Array(table.size);
  let rounds = 0;
  const stats = () => {
    const cells = new Array<number>(m).fill(0);
    let records = 0;
    for (let c = 0; c < table.size; c++) {
      const mask = suppressedMask[c]!;
      if (mask === 0) continue;
      records += table.count[c]!;
      for (let j = 0; j < m; j++) if (mask & (1 << j)) cells[j]! += table.count[c]!;
    }
    return { cells, records };
  };
  for (;;) {
    const { table: merged, mergedOf } = mergeClasses(table, current, table.cards);
    const check = checkClasses(merged, requirement);
    if (check.violatingRecords === 0) {
      const { cells, records } = stats();
      return { met: true, suppressedMask, suppressedRecords: records, suppressedCells: cells, rounds, final: merged, finalOf: mergedOf };
    }
    const choice = chooseKeys(merged, check.violates, order, requirement);
    let changed = false;
    let records = 0;
    for (let c = 0; c < table.size; c++) {
      const j = choice[mergedOf[c]!]!;
      if (j >= 0 && current[j]![c]! >= 0) {
        current[j]![c] = -1;
        suppressedMask[c]! |= 1 << j;
        changed = true;
      }
      if (suppressedMask[c] !== 0) records += table.count[c]!;
    }
    rounds++;
    if (!changed || records > budgetRecords) {
      const { cells, records: suppressedRecords } = stats();
      return { met: false, suppressedMask, suppressedRecords, suppressedCells: cells, rounds, final: merged, finalOf: mergedOf };
    }
  }
}

/**
 * For each violating class, the key to suppress next (-1 for classes that are fine or have no key
 * left): the first key in `order` whose suppression alone makes the class safe, else the first key
 * still present. Candidates are evaluated as extra classes with no records, so their fk and
 * matching-set values come from the same computation as the real classes'.
 */
function chooseKeys(merged: ClassTable, violates: Uint8Array, order: readonly number[], requirement: PrivacyRequirement): Int32Array {
  const choice = new Int32Array(merged.size).fill(-1);
  const owners: number[] = [];
  const dropped: number[] = [];
  for (let g = 0; g < merged.size; g++) {
    if (!violates[g]) continue;
    for (const j of order) {
      if (merged.codes[j]![g]! < 0) continue;
      if (choice[g] < 0) choice[g] = j;
      owners.push(g);
      dropped.push(j);
    }
  }
  if (owners.length === 0) return choice;
  const size = merged.size + owners.length;
  const codes = merged.codes.map((column, j) => {
    const out = new Int32Array(size);
    out.set(column);
    for (let i = 0; i < owners.length; i++) out[merged.size + i] = dropped[i] === j ? -1 : column[owners[i]!]!;
    return out;
  });
  const count = new Float64Array(size);
  count.set(merged.count);
  const hist = merged.hist.map((h, a) => {
    const out = new Float64Array(size * merged.sensitiveCards[a]!);
    out.set(h);
    return out;
  });
  const augmented: ClassTable = { size, codes, cards: merged.cards, count, hist, sensitiveCards: merged.sensitiveCards };
  let fk: Float64Array;
  let matched: Float64Array[];
  if (requirement.missingMatches === 'self') {
    // Self matching: a candidate joins the existing class with the same codes, if any.
    const index = new Map<string, number>();
    const keyOf = (c: number) => codes.map((col) => col[c]!).join(',');
    for (let g = 0; g < merged.size; g++) index.set(keyOf(g), g);
    fk = new Float64Array(size);
    matched = hist.map((h) => new Float64Array(h.length));
    for (let i = 0; i < owners.length; i++) {
      const c = merged.size + i;
      const g = owners[i]!;
      const other = index.get(keyOf(c));
      fk[c] = merged.count[g]! + (other === undefined ? 0 : merged.count[other]!);
      merged.hist.forEach((h, a) => {
        const card = merged.sensitiveCards[a]!;
        for (let v = 0; v < card; v++) matched[a]![c * card + v] = h[g * card + v]! + (other === undefined ? 0 : h[other * card + v]!);
      });
    }
  } else {
    const check = checkClasses(augmented, requirement);
    fk = check.fk;
    matched = check.matchedHist;
  }
  const settled = new Uint8Array(merged.size);
  for (let i = 0; i < owners.length; i++) {
    const g = owners[i]!;
    if (settled[g]) continue;
    const c = merged.size + i;
    let safe: boolean;
    if (requirement.missingMatches === 'self' && codes.every((col) => col[c]! < 0)) safe = true;
    else {
      safe = fk[c]! >= requirement.k;
      const l = requirement.l;
      for (let a = 0; safe && l && a < matched.length; a++) {
        const card = merged.sensitiveCards[a]!;
        if (!isDiverse(matched[a]!, c * card, card, l)) safe = false;
      }
    }
    if (safe) {
      choice[g] = dropped[i]!;
      settled[g] = 1;
    }
  }
  return choice;
}
