/**
 * How single-PSU ("lonely") strata enter a variance, as R's `options(survey.lonely.psu = …)`:
 * - `fail`: an error naming the stratum (R's default);
 * - `remove` / `certainty`: the stratum contributes nothing to the variance (identical in
 *   survey ≥ 4 for Taylor-linearised designs);
 * - `adjust`: the lonely PSU is centred at the average PSU total of all strata instead of its
 *   stratum mean (conservative);
 * - `average`: the lonely strata are dropped and the variance is scaled up by
 *   (number of strata) / (number of strata with more than one PSU).
 */
import type { ReplicateSpec, ReplicateWeights } from './replicates/types.js';

export type LonelyPsuRule = 'fail' | 'remove' | 'certainty' | 'adjust' | 'average';

export const LONELY_PSU_RULES: readonly LonelyPsuRule[] = ['fail', 'remove', 'certainty', 'adjust', 'average'];

/**
 * The plan's `design` (see the contract): column names of the sample, as R's
 * `svydesign(ids = ~psu + ssu, strata = ~stratum, weights = ~weight, fpc = ~fpc1 + fpc2, nest = TRUE)`.
 */
export interface DesignSpec {
  /** Cluster columns, outermost (PSU) first; `[]` or omitted = every row is its own PSU (`ids = ~1`). */
  ids?: string[];
  /** Stratum column (first stage); omitted = one stratum. */
  strata?: string;
  /** Sampling-weight column. Not together with `probs`. */
  weights?: string;
  /** Selection-probability column(s), one per stage (multiplied); weight = 1 / product. Not with `weights`. */
  probs?: string | string[];
  /**
   * Finite population corrections, one column per stage: population counts (every value ≥ 1), or
   * sampling fractions (every value ≤ 1), as `svydesign` reads them. A stage without an fpc is sampled
   * with replacement. Without weights or probs, the weights are derived from the fpc, as in R.
   */
  fpc?: string[];
  /** Cluster ids are only unique within strata (R's `nest = TRUE`). Default false, as in R: then a PSU id found in two strata is an error. */
  nest?: boolean;
  /** Lonely-PSU rule; default `fail`, as R. */
  lonelyPsu?: LonelyPsuRule;
  /**
   * R's `options(survey.adjust.domain.lonely = TRUE)`: also apply `adjust`/`average` to strata that
   * have a single PSU *inside a domain* (but more in the sample). Default false, as in R.
   */
  adjustDomainLonely?: boolean;
  /**
   * Replicate weights (R's `as.svrepdesign` without `columns`, `svrepdesign` with them): variances from
   * the replicates instead of Taylor linearisation. See `ReplicateSpec`.
   */
  replicates?: ReplicateSpec;
}

/**
 * One sampling stage. Stage 0 holds the PSUs within the design strata; stage s > 0 holds the
 * stage-s units within each stage-(s−1) unit, which acts as their stratum (as R's `svydesign`
 * forces sub-clusters to be nested in clusters).
 */
export interface DesignStage {
  /** Dense id (0 … nClusters−1) of each row's sampling unit at this stage; unique across the design. */
  cluster: Int32Array;
  nClusters: number;
  /** Stratum (dense id) of each sampling unit at this stage; for s > 0, the parent unit's id. */
  clusterStratum: Int32Array;
  nStrata: number;
  /** Units sampled in each stratum at this stage (R's `fpc$sampsize`). */
  sampled: Int32Array;
  /** Units in the population of each stratum (R's `fpc$popsize`); Infinity = with replacement. */
  population: Float64Array;
  /** Label of each sampling unit (as in the data; for later stages `parent/unit`), for messages. */
  clusterLabels: string[];
}

/**
 * A calibration adjustment of influence values, applied before the design variance — what R's
 * `svyrecvar` does with a design's `postStrata` (post-stratification, raking, GREG residuals).
 * The calibration module supplies these; {@link designVariance} applies them in order.
 */
export interface CalibrationStep {
  /**
   * Returns the residualised influence values: `z[k][i]` is row i's weighted influence value for
   * statistic k (zero outside a domain). Must not modify its input.
   */
  residualize(z: readonly Float64Array[], design: SurveyDesign): Float64Array[];
  /** A short description for the results (e.g. `rake`, `poststratify`). */
  readonly method?: string;
}

/**
 * A survey design over n rows (R's `survey.design2`). Immutable: functions that change weights
 * return a new design ({@link withWeights}).
 */
export interface SurveyDesign {
  /** The data file, for messages. */
  readonly file: string;
  readonly nrow: number;
  /** Analysis weight of each row (1 / probability, possibly calibrated). All > 0 from `buildDesign`. */
  readonly weights: Float64Array;
  /** Design (sampling) weight before any calibration. */
  readonly samplingWeights: Float64Array;
  /** First-stage stratum (dense id) of each row. */
  readonly strata: Int32Array;
  /** Stratum labels by dense id (`['1']` when the design has no strata). */
  readonly strataLabels: string[];
  readonly hasStrata: boolean;
  /** Sampling stages, PSUs first. Always at least one. */
  readonly stages: readonly DesignStage[];
  /** PSUs sampled per stratum (= stages[0].sampled). */
  readonly psusPerStratum: Int32Array;
  readonly nPsu: number;
  readonly nStrata: number;
  /** Degrees of freedom, PSUs − strata (R's `degf(design)`). */
  readonly df: number;
  /** Whether any stage has a finite population correction (R's `!is.null(fpc$popsize)`). */
  readonly hasFpc: boolean;
  readonly lonelyPsu: LonelyPsuRule;
  readonly adjustDomainLonely: boolean;
  /** Calibration steps applied to influence values before the variance, in order. */
  readonly calibration: readonly CalibrationStep[];
  /** The spec the design was built from. */
  readonly spec: DesignSpec;
  /**
   * A replicate-weight design's replicates (R's `svyrep.design`): its estimators recompute each estimate
   * with every replicate's weights, and `df` is R's `degf` (rank of the replicate weights − 1).
   */
  readonly replicates?: ReplicateWeights;
  /**
   * The kernel its estimators must use (`accumulationOf`); absent, the faster one that applies.
   * Set by `withAccumulation`, so that tests run both.
   */
  readonly accumulation?: 'perRow' | 'perUnit';
}
