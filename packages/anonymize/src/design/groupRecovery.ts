/** What the replicate columns tell about one dropped grouping of the rows (the strata, or the PSUs). */
export interface GroupRecovery {
  /** The dropped design column, and whether its groups are strata or PSUs. */
  column: string;
  kind: 'strata' | 'psu';
  groups: number;
  /** Replicate columns whose factor is the same on every row of each group and differs between groups: each alone tells the groups apart. */
  constantReplicates: number;
  /** Groups told apart from every other by the replicate factors: no row outside the group shares the pattern of a row inside it. */
  separatedGroups: number;
  /** Of those, groups whose rows all share one pattern, which no other row has: the group itself, recovered as an unlabelled set of rows. */
  recoveredGroups: number;
}

/**
 * Counts the replicates that are constant within every group of a dropped grouping (`group[i]`, dense
 * ids 0 … groups − 1) and differ between groups: each such replicate alone tells the groups apart. Fed
 * one replicate's factors at a time (`forEachReplicateFactor`).
 */
export class ConstantReplicates {
  count = 0;
  private readonly first: Int32Array;
  private readonly seen: Uint8Array;

  constructor(
    private readonly group: Int32Array,
    groups: number,
  ) {
    this.first = new Int32Array(groups);
    this.seen = new Uint8Array(groups);
  }

  add(factor: Int32Array): void {
    const { group, first, seen } = this;
    seen.fill(0);
    let varies = false;
    for (let i = 0; i < group.length; i++) {
      const g = group[i]!;
      if (seen[g] === 0) {
        seen[g] = 1;
        first[g] = factor[i]!;
        if (factor[i] !== factor[0]) varies = true;
      } else if (first[g] !== factor[i]) return;
    }
    if (varies) this.count++;
  }
}

/**
 * The constancy test of a public-use release for one dropped grouping of the rows (the strata, or the
 * PSUs): how many replicate columns are constant within its groups and differ between them
 * (`constantReplicates`, from {@link ConstantReplicates}), and which groups the replicate factors together
 * single out, from each row's pattern of factors (`ReplicatePatterns`).
 *
 * Replicate weights made per PSU (jackknife, BRR, bootstrap — R's `as.svrepdesign`) are constant
 * within each PSU by construction, so they recover every PSU of a stratum with two or more as a set
 * of rows; this test says so in numbers rather than assuming it.
 */
export function groupRecovery(
  column: string,
  kind: 'strata' | 'psu',
  group: Int32Array,
  groups: number,
  constantReplicates: number,
  patterns: { codes: Int32Array; count: number },
): GroupRecovery {
  const n = group.length;
  // Per pattern: its one group, or −2 once rows of two groups share it; per group: its one pattern, or −2.
  const groupOfPattern = new Int32Array(patterns.count).fill(-1);
  const patternOfGroup = new Int32Array(groups).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = patterns.codes[i]!;
    const g = group[i]!;
    if (groupOfPattern[p] === -1) groupOfPattern[p] = g;
    else if (groupOfPattern[p] !== g) groupOfPattern[p] = -2;
    if (patternOfGroup[g] === -1) patternOfGroup[g] = p;
    else if (patternOfGroup[g] !== p) patternOfGroup[g] = -2;
  }
  const separated = new Uint8Array(groups).fill(1);
  for (let i = 0; i < n; i++) if (groupOfPattern[patterns.codes[i]!] === -2) separated[group[i]!] = 0;
  let separatedGroups = 0;
  let recoveredGroups = 0;
  for (let g = 0; g < groups; g++) {
    if (separated[g] === 0) continue;
    separatedGroups++;
    if (patternOfGroup[g]! >= 0) recoveredGroups++;
  }
  return { column, kind, groups, constantReplicates, separatedGroups, recoveredGroups };
}
