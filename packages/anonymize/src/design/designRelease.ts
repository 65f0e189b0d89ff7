import { dictionaryColumn, type Table } from '@leakrisk/survey';
import { RecoverableCheck, type FactorColumnWithMissing } from '../audit/recoverable.js';
import type { ReleaseDesignConfig } from '../config/types.js';
import type { Determination } from '../pipeline/givenBack.js';
import { ConstantReplicates, groupRecovery, type GroupRecovery } from './groupRecovery.js';
import { releaseReplicates, type ReleasedReplicates } from './releaseReplicates.js';
import { forEachReplicateFactor, ReplicatePatterns } from './replicatePatterns.js';

/** The design step of `anonymize`: the replicate columns, what they give away, and what the search must respect. */
export interface DesignRelease extends ReleasedReplicates {
  recovery: GroupRecovery[];
  /**
   * Quasi-identifiers the replicate weights determine, as a kept column determines one: pinned in the
   * search and checked, after the release, not to be given back (`refuseGivenBackKeys`).
   */
  determinations: Determination[];
}

/**
 * Makes the replicate weights of the config's `design` block ({@link releaseReplicates}) and judges them
 * as the anonymizer judges weights and design columns, on the factors as the release shows them
 * (replicate weight over full-sample weight):
 * - the constancy test ({@link groupRecovery}) for the dropped strata and PSUs;
 * - whether the pattern of factors (one per PSU, for replicates made per PSU) determines a
 *   quasi-identifier (`RecoverableCheck`, the test kept columns pass), so that a stratum holding
 *   province and area cannot hand back through the replicates what the search generalises.
 */
export function designRelease(
  table: Table,
  config: ReleaseDesignConfig,
  key: Uint8Array | undefined,
  missingCodes: ReadonlyMap<string, ReadonlySet<string>>,
  quasiIdentifiers: readonly FactorColumnWithMissing[],
): DesignRelease {
  const released = releaseReplicates(table, config, key, missingCodes);
  const { design } = released;
  const n = design.nrow;
  // The dropped groupings the constancy test looks at: the strata, and the PSUs.
  const stage = design.stages[0]!;
  const groupings = [
    ...(config.strata === undefined ? [] : [{ column: config.strata, kind: 'strata' as const, group: design.strata, groups: design.nStrata }]),
    ...(config.ids.length === 0 ? [] : [{ column: config.ids[0]!, kind: 'psu' as const, group: stage.cluster, groups: stage.nClusters }]),
  ];
  const constant = groupings.map((g) => new ConstantReplicates(g.group, g.groups));
  const hashes = new ReplicatePatterns(n);
  forEachReplicateFactor(design.weights, released.columns, (factor) => {
    hashes.add(factor);
    for (const counter of constant) counter.add(factor);
  });
  const patterns = hashes.codes();
  const recovery: GroupRecovery[] = groupings.map((g, k) => groupRecovery(g.column, g.kind, g.group, g.groups, constant[k]!.count, patterns));

  const label = replicateLabel(released.names);
  const determinations: Determination[] = [];
  if (quasiIdentifiers.length > 0) {
    const check = new RecoverableCheck(label, quasiIdentifiers);
    for (let i = 0; i < n && !check.done; i++) check.add(i, patterns.codes[i]!, false);
    const patternColumn = dictionaryColumn(
      patterns.codes,
      Array.from({ length: patterns.count }, (_, p) => `pattern ${p + 1}`),
    );
    for (const { key: q, keyValueOf } of check.determined()) {
      determinations.push({ kept: label, key: quasiIdentifiers[q]!.column, keyValueOf, keptCodes: patternColumn.codes, replicates: true });
    }
  }
  return { ...released, recovery, determinations };
}

/** How messages and the audit name the replicate columns together: `replicate weights repw1 … repw80`. */
function replicateLabel(names: readonly string[]): string {
  return names.length === 1 ? `replicate weights ${names[0]}` : `replicate weights ${names[0]} … ${names[names.length - 1]}`;
}
