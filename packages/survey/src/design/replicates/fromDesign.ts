import { LeakriskError } from '../../errors.js';
import type { SurveyDesign } from '../types.js';
import { bootstrapFactors, subbootstrapFactors } from './bootstrap.js';
import { brrFactors } from './brr.js';
import { jackknifeFactors, type UnitFactors } from './jackknife.js';
import type { ReplicateWeights } from './types.js';

/** How to make replicate weights from a design's strata and PSUs. */
export interface DesignReplicateOptions {
  type: 'JK1' | 'JKn' | 'BRR' | 'Fay' | 'bootstrap' | 'subbootstrap';
  /** Fay's ρ (type `Fay`, 0 < ρ < 1). */
  rho?: number;
  /** R's `mse` (default false). */
  mse?: boolean;
  /** Bootstrap types: the number of replicates (default 50) and the seed of the draws. */
  replicates?: number;
  seed?: number;
}

/**
 * Replicate weights made from a design, R's `as.svrepdesign(design, type, fay.rho, mse)`: factors per
 * first-stage unit (PSU) of the full-sample weights (R's `combined.weights = FALSE`), from
 * {@link jackknifeFactors} (`JK1`, `JKn`), {@link brrFactors} (`BRR`, `Fay`) or, with a seed,
 * {@link bootstrapFactors} / {@link subbootstrapFactors}. Only the first stage counts, as in R: an fpc of
 * later stages is dropped (and BRR/Fay drop the first-stage fpc too), which R warns about and so do we
 * (`warnings`). The design's weights are the full-sample weights (R's `pweights = 1/prob`).
 *
 * @example replicatesFromDesign(buildDesign(table, { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true }), { type: 'JKn' }).count // number of PSUs
 */
export function replicatesFromDesign(design: SurveyDesign, options: DesignReplicateOptions): ReplicateWeights {
  const warnings: string[] = [];
  const stage = design.stages[0]!;
  if (design.calibration.length > 0) {
    throw new LeakriskError(
      'replicate weights are made from the design before calibration',
      { file: design.file, column: 'design.replicates' },
      'make the replicate weights first and calibrate the replicate design (the plan does this in that order)',
    );
  }
  if (design.stages.slice(1).some((s) => s.population.some(Number.isFinite))) {
    warnings.push('finite population corrections after the first stage were dropped (only the first-stage PSUs are replicated, as in R)');
  }
  let made: UnitFactors;
  let rho: number | undefined;
  switch (options.type) {
    case 'JK1':
    case 'JKn':
      made = jackknifeFactors(design, options.type);
      break;
    case 'BRR':
    case 'Fay': {
      rho = options.type === 'BRR' ? 0 : (options.rho ?? Number.NaN);
      if (options.type === 'Fay' && !(rho > 0 && rho < 1)) {
        throw new LeakriskError(
          `Fay's rho must be between 0 and 1 (got ${options.rho ?? 'none'})`,
          { file: design.file, column: 'design.replicates.rho' },
          'give "rho", e.g. "rho": 0.5 (rho 0 is plain BRR)',
        );
      }
      if (stage.population.some(Number.isFinite)) warnings.push(`the finite population correction was dropped: ${options.type} does not use it (as in R)`);
      made = brrFactors(design, rho);
      break;
    }
    case 'bootstrap':
    case 'subbootstrap': {
      if (options.seed === undefined) {
        throw new LeakriskError(
          `${options.type} replicate weights are random draws, so they need a seed`,
          { file: design.file, column: 'design.replicates' },
          'give a seed (anonymize derives one from its key), or give replicate weights as columns',
        );
      }
      const bootstrapOptions = { seed: options.seed, ...(options.replicates !== undefined ? { replicates: options.replicates } : {}) };
      made = options.type === 'bootstrap' ? bootstrapFactors(design, bootstrapOptions) : subbootstrapFactors(design, bootstrapOptions);
      break;
    }
  }
  return {
    type: options.type,
    count: made.count,
    scale: made.scale,
    rscales: made.rscales,
    mse: options.mse ?? false,
    rho,
    combinedWeights: false,
    storage: { kind: 'units', unit: stage.cluster, nUnits: stage.nClusters, factors: made.factors },
    source: { kind: 'design' },
    warnings,
  };
}
