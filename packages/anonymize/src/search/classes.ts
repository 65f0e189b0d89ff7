import { groupKeys } from '../risk/groupKeys.js';

/**
 * A table of classes: `codes[j][c]` is the code of quasi-identifier j in class c (-1 missing),
 * `count[c]` the number of records, and `hist[a]` (length `size * sensitiveCards[a]`) the counts
 * of each non-missing value of sensitive column a within the class.
 */
export interface ClassTable {
  size: number;
  codes: Int32Array[];
  cards: number[];
  count: Float64Array;
  hist: Float64Array[];
  sensitiveCards: number[];
}

/**
 * Builds the class table of records: rows with equal codes in every quasi-identifier form one
 * class. `sensitive[a]` holds per-row codes of sensitive column a (-1 missing) below `sensitiveCards[a]`.
 * Returns the table and each row's class.
 */
export function classesOfRows(
  codes: readonly Int32Array[],
  cards: readonly number[],
  sensitive: readonly Int32Array[],
  sensitiveCards: readonly number[],
  nrow: number,
): { table: ClassTable; classOf: Int32Array } {
  const { groupOf, count: size, firstRow: first, size: count } = groupKeys(codes, nrow, cards);
  const hist = sensitive.map((s, a) => {
    const card = sensitiveCards[a]!;
    const h = new Float64Array(size * card);
    for (let i = 0; i < nrow; i++) {
      const v = s[i]!;
      if (v >= 0) h[groupOf[i]! * card + v]!++;
    }
    return h;
  });
  const classCodes = codes.map((column) => {
    const out = new Int32Array(size);
    for (let c = 0; c < size; c++) out[c] = column[first[c]!]!;
    return out;
  });
  return {
    table: { size, codes: classCodes, cards: [...cards], count, hist, sensitiveCards: [...sensitiveCards] },
    classOf: groupOf,
  };
}

/**
 * Merges the classes of `table` whose codes (after recoding, in `codes`) are equal: counts and
 * sensitive histograms add up. Returns the merged table and the merged class of each input class.
 */
export function mergeClasses(table: ClassTable, codes: readonly Int32Array[], cards: readonly number[]): { table: ClassTable; mergedOf: Int32Array } {
  const { groupOf, count: size, firstRow: first } = groupKeys(codes, table.size, cards);
  const count = new Float64Array(size);
  for (let c = 0; c < table.size; c++) count[groupOf[c]!]! += table.count[c]!;
  const hist = table.hist.map((h, a) => {
    const card = table.sensitiveCards[a]!;
    const out = new Float64Array(size * card);
    for (let c = 0; c < table.size; c++) {
      const to = groupOf[c]! * card;
      const from = c * card;
      for (let v = 0; v < card; v++) out[to + v]! += h[from + v]!;
    }
    return out;
  });
  const merged = codes.map((column) => {
    const out = new Int32Array(size);
    for (let g = 0; g < size; g++) out[g] = column[first[g]!]!;
    return out;
  });
  return { table: { size, codes: merged, cards: [...cards], count, hist, sensitiveCards: [...table.sensitiveCards] }, mergedOf: groupOf };
}
