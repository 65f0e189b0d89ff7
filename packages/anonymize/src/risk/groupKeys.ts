/** Records grouped by identical key (missing equal to missing): the equivalence classes. */
export interface KeyGroups {
  /** `groupOf[i]`: the group of element i, 0 … count − 1 in order of first appearance. */
  groupOf: Int32Array;
  count: number;
  /** The first element of each group, to read the group's codes. */
  firstRow: Int32Array;
  /** Elements in each group. */
  size: Float64Array;
}

/** Largest lookup table (entries) used before a Map takes over. */
const DIRECT_LIMIT = 1 << 24;

/**
 * Groups `length` elements (records, or finer classes) by their codes in `codes` — one Int32Array per
 * key, −1 for a missing cell, which is a category of its own here. `cards[j]`, when given, bounds key
 * j's codes (0 ≤ code < cards[j]); otherwise it is read from the codes.
 *
 * Runs in O(length · keys): each key refines the grouping so far, the pair (group so far, code) getting
 * a dense id in order of first appearance through a direct lookup table while the pair space is small,
 * and a Map otherwise. Ids therefore depend only on the order of the input, never on hashing, which keeps
 * every result built on them deterministic. This is the one grouper of the package: risk (`freqCalc`,
 * l-diversity) and the search's class tables both use it.
 */
export function groupKeys(codes: readonly Int32Array[], length: number = codes[0]?.length ?? 0, cards?: readonly number[]): KeyGroups {
  let groupOf = new Int32Array(length);
  let count = length > 0 ? 1 : 0;
  codes.forEach((column, j) => {
    // Slots per group: one per code plus one for missing (slot 0).
    let width = cards === undefined ? 1 : cards[j]! + 1;
    if (cards === undefined) for (let i = 0; i < length; i++) if (column[i]! + 2 > width) width = column[i]! + 2;
    const next = new Int32Array(length);
    let nextCount = 0;
    if (count * width <= DIRECT_LIMIT) {
      const table = new Int32Array(count * width).fill(-1);
      for (let i = 0; i < length; i++) {
        const slot = groupOf[i]! * width + column[i]! + 1;
        let g = table[slot]!;
        if (g < 0) {
          g = nextCount++;
          table[slot] = g;
        }
        next[i] = g;
      }
    } else {
      const table = new Map<number, number>();
      for (let i = 0; i < length; i++) {
        const slot = groupOf[i]! * width + column[i]! + 1;
        let g = table.get(slot);
        if (g === undefined) {
          g = nextCount++;
          table.set(slot, g);
        }
        next[i] = g;
      }
    }
    groupOf = next;
    count = nextCount;
  });
  const firstRow = new Int32Array(count).fill(-1);
  const size = new Float64Array(count);
  for (let i = 0; i < length; i++) {
    const g = groupOf[i]!;
    if (firstRow[g]! < 0) firstRow[g] = i;
    size[g]!++;
  }
  return { groupOf, count, firstRow, size };
}
