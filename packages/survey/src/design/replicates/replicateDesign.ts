import { LeakriskError } from '../../errors.js';
import type { Table } from '../../table/table.js';
import { buildDesign, type BuildDesignOptions } from '../design.js';
import type { DesignSpec, SurveyDesign } from '../types.js';
import { replicatesFromColumns } from './fromColumns.js';
import { replicatesFromDesign } from './fromDesign.js';
import { replicateDegf } from './replicateDegf.js';
import { checkReplicateSpec } from './checkReplicateSpec.js';
import type { ReplicateWeights } from './types.js';

/**
 * Builds a design with replicate weights from the plan's design (R's `svrepdesign` or
 * `as.svrepdesign(svydesign(…))`); a design without `replicates` is `buildDesign`'s.
 * - With `replicates.columns` the design names only `weights` (the full-sample weights; without them every
 *   row weighs 1, as R assumes with a warning): the replicate weights are those columns
 *   ({@link replicatesFromColumns}).
 * - Without, the design is built from its strata and PSUs and the replicates are made from them
 *   ({@link replicatesFromDesign}: JK1, JKn, BRR, Fay); scale, rscales and combinedWeights are then R's.
 * The design's `df` is R's `degf` of the replicate design ({@link replicateDegf}).
 */
export function buildReplicateDesign(table: Table, spec: DesignSpec, options: BuildDesignOptions = {}): SurveyDesign {
  if (spec.replicates === undefined) return buildDesign(table, spec, options);
  const replicates = checkReplicateSpec(spec.replicates, spec, (field, problem, fix) => {
    throw new LeakriskError(problem, { file: table.file, column: field }, fix);
  });
  const { replicates: _replicates, ...base } = spec;
  void _replicates;
  let design: SurveyDesign;
  let weights: ReplicateWeights;
  if (replicates.columns !== undefined) {
    design = buildDesign(table, spec.weights === undefined ? {} : { weights: spec.weights }, options);
    weights = replicatesFromColumns(table, replicates, design.weights, (column) => missingCodesOf(options, column));
    if (spec.weights === undefined)
      weights = { ...weights, warnings: ['no "weights" given: every row has full-sample weight 1, as R assumes', ...weights.warnings] };
  } else {
    design = buildDesign(table, base, options);
    weights = replicatesFromDesign(design, {
      type: replicates.type as 'JK1' | 'JKn' | 'BRR' | 'Fay',
      ...(replicates.rho !== undefined ? { rho: replicates.rho } : {}),
      ...(replicates.mse !== undefined ? { mse: replicates.mse } : {}),
    });
  }
  return { ...design, replicates: weights, df: replicateDegf(weights, design.weights), spec: { ...spec } };
}

function missingCodesOf(options: BuildDesignOptions, column: string): ReadonlySet<string> | undefined {
  const m = options.missingCodes;
  if (m === undefined) return undefined;
  if (m instanceof Map) return m.get(column);
  return (m as Readonly<Record<string, ReadonlySet<string>>>)[column];
}
