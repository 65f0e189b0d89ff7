import type { DesignSpec } from '@leakrisk/survey';
import type { GroupRecovery } from './groupRecovery.js';
import type { StandardErrorComparison } from './compareStandardErrors.js';

/**
 * The audit's `design` section: how a public-use release carries its design without its design codes.
 * Holds no data value, no seed and no key.
 */
export interface DesignAudit {
  /** `JKn` (R's `as.svrepdesign(type = "JKn")`) or `bootstrap` (R's `bootweights`, seeded from the key). */
  type: 'JKn' | 'bootstrap';
  replicates: number;
  /** The replicate columns added to the release (analysis weights, R's `combined.weights = TRUE`). */
  columns: string[];
  /** The full-sample weights released beside them. */
  weights: string;
  /** True for the bootstrap: its seed is HMAC-SHA-256 of the key (never written). */
  seedFromKey: boolean;
  /** The design columns left out of the release. */
  dropped: string[];
  /** The `design` of a plan on the released file (`leakrisk analyze`), with R's scale and rscales. */
  analysisDesign: DesignSpec;
  /** With `--plan`: the plan for the released file that `anonymize` wrote (its base name). */
  plan?: string;
  /** The constancy test, for the dropped strata and PSUs (`groupRecovery`). */
  recovery: GroupRecovery[];
  /**
   * Quasi-identifiers that the replicate weights determine (each pattern of replicate factors goes with
   * one of their values, as when the strata hold province and area); the release is refused when one
   * is released coarser than that, so listed here only when released as it is.
   */
  determinedQuasiIdentifiers: string[];
  /** What the test found and what R said while making the replicates, in words. */
  warnings: string[];
  /** With `--plan`: each estimate's SE under the original design and under the released replicate weights. */
  standardErrors?: StandardErrorComparison;
}
