/**
 * Equivalence classes of records over quasi-identifier codes, computed on typed arrays.
 *
 * Codes are small non-negative integers per column, -1 for a missing cell. Rows (or classes) are
 * grouped column by column: the pair (group so far, code of the next column) gets a dense id in
 * order of first appearance, through a direct lookup table when the pair space is small and a Map
 * otherwise. Ids therefore depend only on the order of the input, never on hashing, which keeps
 * every downstream result deterministic.
 */
export interface Grouping {
  /** Class id of each input element (row or finer class). */
  groupOf: Int32Array;
  /** Number of classes. */
  size: number;
  /** Index of the first input element of each class. */
  first: Int32Array;
}

const DIRECT_LIMIT = 1 << 24;

/**
 * Groups `length` elements by their codes in `columns` (each an Int32Array of codes, -1 missing;
 * `cards[j]` bounds column j's codes: 0 ≤ code < cards[j]). Missing is a value of its own here.
 */
export function groupByCodes(columns: readonly Int32Array[], cards: readonly number[], length: number): Grouping {
  let ids = new Int32Array(length);
  let size = length > 0 ? 1 : 0;
  for (let j = 0; j < columns.length; j++) {
    const codes = columns[j]!;
    const base = cards[j]! + 1;
    const next = new Int32Array(length);
    let nextSize = 0;
    if (size * base <= DIRECT_LIMIT) {
      const table = new Int32Array(size * base).fill(-1);
      for (let i = 0; i < length; i++) {
        const slot = ids[i]! * base + codes[i]! + 1;
        let id = table[slot]!;
        if (id < 0) {
          id = nextSize++;
          table[slot] = id;
        }
        next[i] = id;
      }
    } else {
      const table = new Map<number, number>();
      for (let i = 0; i < length; i++) {
        const slot = ids[i]! * base + codes[i]! + 1;
        let id = table.get(slot);
        if (id === undefined) {
          id = nextSize++;
          table.set(slot, id);
        }
        next[i] = id;
      }
    }
    ids = next;
    size = nextSize;
  }
  const first = new Int32Array(size).fill(-1);
  for (let i = 0; i < length; i++) if (first[ids[i]!]! < 0) first[ids[i]!] = i;
  return { groupOf: ids, size, first };
}

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
  const grouping = groupByCodes(codes, cards, nrow);
  const { groupOf, size, first } = grouping;
  const count = new Float64Array(size);
  for (let i = 0; i < nrow; i++) count[groupOf[i]!]!++;
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
  const grouping = groupByCodes(codes, cards, table.size);
  const { groupOf, size, first } = grouping;
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
