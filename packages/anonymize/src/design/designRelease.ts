import { dictionaryColumn, type Table } from '@leakrisk/survey';
import { RecoverableCheck, type FactorColumnWithMissing } from '../audit/recoverable.js';
import type { ReleaseDesignConfig } from '../config/types.js';
import type { Determination } from '../pipeline/givenBack.js';
import { groupRecovery, type GroupRecovery } from './groupRecovery.js';
import { releaseReplicates, type ReleasedReplicates } from './releaseReplicates.js';
import { replicateFactors, replicatePatterns } from './replicatePatterns.js';

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
  const factors = replicateFactors(design.weights, released.columns);
  const patterns = replicatePatterns(factors, n);
  const recovery: GroupRecovery[] = [];
  if (config.strata !== undefined) recovery.push(groupRecovery(config.strata, 'strata', design.strata, design.nStrata, factors, patterns));
  if (config.ids.length > 0) {
    const stage = design.stages[0]!;
    recovery.push(groupRecovery(config.ids[0]!, 'psu', stage.cluster, stage.nClusters, factors, patterns));
  }

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
