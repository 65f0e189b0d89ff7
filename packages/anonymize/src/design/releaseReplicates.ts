import { buildDesign, replicatesFromDesign, type DesignSpec, type ReplicateWeights, type SurveyDesign, type Table } from '@leakrisk/survey';
import type { ReleaseDesignConfig } from '../config/types.js';
import { replicateSeed } from './replicateSeed.js';

/** The replicate weights a release carries in place of its design columns. */
export interface ReleasedReplicates {
  /** The raw file's design (R's `svydesign`), as the config's `design` block names it. */
  design: SurveyDesign;
  /** The replicate weights made from it (R's `as.svrepdesign`), as factors per PSU. */
  replicates: ReplicateWeights;
  /** The replicate columns' names (`prefix` + 1, 2, …) and values: replicate r's analysis weight of each row. */
  names: string[];
  columns: Float64Array[];
  /** The design a plan on the released file names: the full-sample weights and the replicate columns. */
  spec: DesignSpec;
  /** The design columns left out of the release (strata, PSUs and later stages, fpc), in the block's order. */
  dropped: string[];
}

/**
 * Replicate weights for a public-use file (the config's `design` block): the design is built from the
 * raw file as `svydesign(ids, strata, weights, fpc, nest)`, and its replicate weights made as
 * `as.svrepdesign(type = "JKn")` (one replicate per PSU; no random numbers) or
 * `as.svrepdesign(type = "bootstrap", replicates = count)` (R's `bootweights` scheme, drawn from
 * {@link replicateSeed} of the key). Each is written as a column of analysis weights (the full-sample
 * weight times the PSU's factor, R's `combined.weights = TRUE`), and the released design names them
 * with R's scale and rscales, so that `svrepdesign` on the released file gives exactly the variances of
 * the replicate design on the raw one.
 */
export function releaseReplicates(
  table: Table,
  config: ReleaseDesignConfig,
  key: Uint8Array | undefined,
  missingCodes: ReadonlyMap<string, ReadonlySet<string>>,
): ReleasedReplicates {
  const raw: DesignSpec = {
    ids: config.ids,
    ...(config.strata === undefined ? {} : { strata: config.strata }),
    weights: config.weights,
    ...(config.fpc === undefined ? {} : { fpc: config.fpc }),
    nest: config.nest,
    ...(config.lonelyPsu === undefined ? {} : { lonelyPsu: config.lonelyPsu }),
  };
  const design = buildDesign(table, raw, { missingCodes });
  const { type, count, prefix } = config.replicates;
  const replicates = replicatesFromDesign(
    design,
    type === 'JKn' ? { type } : { type, seed: replicateSeed(key!), ...(count === undefined ? {} : { replicates: count }) },
  );
  if (replicates.storage.kind !== 'units') throw new Error('replicates made from a design are stored per PSU');
  const { unit, factors } = replicates.storage;
  const R = replicates.count;
  const weights = design.weights;
  const n = design.nrow;
  const columns = Array.from({ length: R }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const at = unit[i]! * R;
    const w = weights[i]!;
    for (let r = 0; r < R; r++) columns[r]![i] = w * factors[at + r]!;
  }
  const rscales = [...replicates.rscales];
  const spec: DesignSpec = {
    weights: config.weights,
    replicates: {
      type,
      columns: `^${prefix}[0-9]+$`,
      scale: replicates.scale,
      rscales: rscales.every((s) => s === rscales[0]) ? rscales[0]! : rscales,
      combinedWeights: true,
      mse: replicates.mse,
    },
  };
  return {
    design,
    replicates,
    names: Array.from({ length: R }, (_, r) => `${prefix}${r + 1}`),
    columns,
    spec,
    dropped: [...config.ids, ...(config.strata === undefined ? [] : [config.strata]), ...(config.fpc ?? [])],
  };
}
