/**
 * Kinds of replicate weights, R's `svrepdesign(type = …)` and `as.svrepdesign(type = …)`:
 * - made from a design (`as.svrepdesign`): `JK1` (unstratified jackknife), `JKn` (stratified jackknife),
 *   `BRR` (balanced repeated replication, R's Hadamard construction) and `Fay` (BRR with Fay's `rho`);
 * - given as columns (`svrepdesign`): those four and `bootstrap`, `subbootstrap` (Rao–Wu n − 1
 *   bootstrap, R's `subbootweights`), `ACS` and `successive-difference` (American Community Survey and
 *   successive-difference replication, scale 4/R) and `other` (with `scale` and `rscales`).
 */
export type ReplicateType = 'JK1' | 'JKn' | 'BRR' | 'Fay' | 'bootstrap' | 'subbootstrap' | 'ACS' | 'successive-difference' | 'other';

export const REPLICATE_TYPES: readonly ReplicateType[] = ['JK1', 'JKn', 'BRR', 'Fay', 'bootstrap', 'subbootstrap', 'ACS', 'successive-difference', 'other'];

/** The types R's `as.svrepdesign` makes from strata and PSUs without random numbers. */
export const DESIGN_REPLICATE_TYPES: readonly ReplicateType[] = ['JK1', 'JKn', 'BRR', 'Fay'];

/**
 * The plan's `design.replicates` (see the contract's "Analysis plan additions"). Without `columns`,
 * the replicate weights are made from the design's strata and PSUs (`as.svrepdesign`); with them, they
 * are read from those columns (`svrepdesign`), and the design names only `weights`.
 */
export interface ReplicateSpec {
  type: ReplicateType;
  /** The replicate-weight columns: a regular expression matched against the column names (R's `grep`), or a list. */
  columns?: string | string[];
  /** Fay's ρ (type `Fay`): a replicate weights the half-samples by 2 − ρ and ρ. */
  rho?: number;
  /** The overall multiplier of the variance; defaults as R's `svrepdesign` (given columns only). */
  scale?: number;
  /** One multiplier per replicate (or one for all); defaults as R's `svrepdesign` (given columns only). */
  rscales?: number | number[];
  /** The columns are full weights (true, the default) or factors to multiply the `weights` by (false). */
  combinedWeights?: boolean;
  /** Centre the replicates at the full-sample estimate instead of their mean (R's `mse`); default false. */
  mse?: boolean;
}

/**
 * Where a replicate design keeps its factors or weights:
 * - `units`: one factor per first-stage unit (PSU) and replicate, `factors[u * count + r]`, and each row's
 *   unit (`unit[i]`) — the jackknife, BRR, Fay and bootstrap made from a design. A replicate's weight of
 *   row i is `factors[unit[i] * count + r]` times the row's full-sample weight. Nothing as long as the
 *   data times the replicates is ever made: sums per PSU are formed once and combined per replicate.
 * - `rows`: one column per replicate, as given in the data (or made row by row by calibration).
 */
type ReplicateStorage =
  | { readonly kind: 'units'; readonly unit: Int32Array; readonly nUnits: number; readonly factors: Float64Array }
  | { readonly kind: 'rows'; readonly columns: readonly Float64Array[] };

/**
 * The replicate weights of a design (R's `svyrep.design` without the data). Replicate r's analysis weight
 * of row i (R's `weights(design, "analysis")[i, r]`) is the stored value when `combinedWeights`, else the
 * stored factor times the full-sample weight (the design's `weights`). The variance of an estimate θ̂ is
 * R's `svrVar`: `scale · Σ_r rscales_r (θ̂_r − θ̄)²` ({@link replicateVariance}).
 */
export interface ReplicateWeights {
  readonly type: ReplicateType;
  /** Number of replicates (R). */
  readonly count: number;
  readonly scale: number;
  readonly rscales: Float64Array;
  /** θ̄ is the full-sample estimate (true) or the mean of the replicates with rscales > 0 (false). */
  readonly mse: boolean;
  /** Fay's ρ (0 for BRR); undefined for other types. */
  readonly rho: number | undefined;
  /** Stored values are the analysis weights (true) or factors of the full-sample weights (false). */
  readonly combinedWeights: boolean;
  readonly storage: ReplicateStorage;
  /** Made from the design's strata and PSUs, or read from columns (their names, in order). */
  readonly source: { readonly kind: 'design' } | { readonly kind: 'columns'; readonly names: readonly string[] };
  /** What R would have warned about while making them (a guessed scale, a dropped fpc…). */
  readonly warnings: readonly string[];
}
