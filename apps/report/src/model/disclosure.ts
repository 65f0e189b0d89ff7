import { protectTable } from '@leakrisk/anonymize';

/**
 * Disclosure control for published estimates. Primary suppression: an estimate whose unweighted base
 * is below `minBase` is not shown. Secondary (complementary) suppression: when the groups of one
 * grouping variable partition the population and the whole-population estimate is published, a
 * single suppressed group could be recovered from the others (the overall estimate is their
 * weighted combination, and the weighting margins are published), so the next-smallest group is
 * suppressed as well.
 */
export interface ProtectedCell {
  /** Unweighted base; `null` when the results do not give one. */
  n: number | null;
  suppressed: boolean;
  reason: 'base' | 'unknown-base' | 'secondary' | null;
}

/** Primary suppression of one estimate. `wholePopulation` rows without `n` take the sample size. */
export function primarySuppression(n: number | null | undefined, minBase: number, wholePopulation: boolean, sampleSize: number | null): ProtectedCell {
  const base = n ?? (wholePopulation ? sampleSize : null);
  if (base === null || base === undefined) return { n: null, suppressed: true, reason: 'unknown-base' };
  return base < minBase ? { n: base, suppressed: true, reason: 'base' } : { n: base, suppressed: false, reason: null };
}

/**
 * Primary and secondary suppression of the groups of one partition (the rows of one `by` variable),
 * through the anonymize package's table protection (`protectTable`: a one-way table with its total).
 * With the margin published, no suppressed group may be the only one: the next-smallest group is
 * suppressed too. A group whose base is unknown counts as sensitive. Returns new cells.
 */
export function protectGroups<T extends ProtectedCell & { key: string }>(cells: T[], minBase: number, marginPublished: boolean): T[] {
  if (!marginPublished || cells.length < 2) return cells.map((cell) => ({ ...cell }));
  const table = protectTable(
    {
      rows: ['estimate'],
      cols: cells.map((cell) => cell.key),
      counts: [cells.map((cell) => (cell.n === null ? 1 : cell.suppressed ? Math.min(cell.n, minBase - 1) : cell.n))],
    },
    { threshold: minBase, zerosSensitive: true },
  );
  return cells.map((cell, index) => {
    const reason = table.reason[0]![index];
    if (reason === 'secondary' && !cell.suppressed) return { ...cell, suppressed: true, reason: 'secondary' as const };
    return { ...cell };
  });
}
