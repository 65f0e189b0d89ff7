import type { DesignRelease } from './designRelease.js';
import type { GroupRecovery } from './groupRecovery.js';
import type { DesignAudit } from './types.js';

/**
 * The audit's `design` section (see {@link DesignAudit}) from the design step: what was released in
 * place of the design columns, the constancy test's numbers, and in words what they mean.
 */
export function designAudit(release: DesignRelease, type: 'JKn' | 'bootstrap', weights: string): DesignAudit {
  const count = release.replicates.count;
  return {
    type,
    replicates: count,
    columns: [...release.names],
    weights,
    seedFromKey: type === 'bootstrap',
    dropped: [...release.dropped],
    analysisDesign: release.spec,
    recovery: release.recovery,
    determinedQuasiIdentifiers: release.determinations.map((d) => d.key),
    warnings: [...release.replicates.warnings, ...release.recovery.flatMap((r) => recoveryWarning(r, count))],
  };
}

/** The constancy test in words: what an intruder can read from the replicate columns about one dropped grouping. */
function recoveryWarning(recovery: GroupRecovery, replicates: number): string[] {
  const { column, kind, groups, constantReplicates, separatedGroups, recoveredGroups } = recovery;
  const what = kind === 'psu' ? 'PSUs' : 'strata';
  if (constantReplicates === 0 && separatedGroups === 0) return [];
  const told =
    kind === 'psu'
      ? `the replicate weights single out ${recoveredGroups} of ${groups} PSUs ("${column}") as sets of rows`
      : `the replicate weights tell ${separatedGroups} of ${groups} strata ("${column}") apart as sets of rows`;
  return [
    `${told}; ${constantReplicates} of ${replicates} replicate columns are constant within every one of the ${what} and differ between them. ` +
      `Replicate weights made per PSU (JKn, BRR and bootstrap alike) have this by construction: their codes are not released, and no ` +
      'quasi-identifier is given back through them (checked), but respondents who share a PSU can be seen to share it.',
  ];
}
