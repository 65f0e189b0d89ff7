import { LeakriskError } from '../../errors.js';
import { Random } from '../../synth/random.js';
import type { SurveyDesign } from '../types.js';
import type { UnitFactors } from './jackknife.js';

export interface BootstrapOptions {
  /** Number of replicates (R's `replicates`, default 50). */
  replicates?: number;
  /**
   * Seed of the generator. The same design and seed give the same factors on every machine; the draws
   * are our own (xoshiro128**, see `synth/random.ts`), not R's `sample()`, so they differ from R's for
   * the same seed, while following R's scheme draw for draw.
   */
  seed: number;
}

/**
 * Bootstrap replicate factors made from a design's strata and PSUs, R's `bootweights` (survey 4.1,
 * `as.svrepdesign(type = "bootstrap")`) with a seeded generator of our own. In each stratum of n_h PSUs,
 * in a random order of the PSUs, each replicate draws n_h of them with replacement (with a first-stage
 * fpc N_h: n_h without replacement from the PSUs repeated to length N_h), and a PSU's factor is the number
 * of times it was drawn. scale = n̄/((n̄ − 1)(R − 1)) with n̄ the harmonic mean of PSUs per stratum,
 * rscales 1 — R's Canty–Davison rescaling of the variance.
 */
export function bootstrapFactors(design: SurveyDesign, options: BootstrapOptions): UnitFactors {
  const count = replicatesOf(design, options);
  const strata = unitsByStratum(design);
  let inverseSum = 0;
  for (const units of strata) inverseSum += 1 / units.length;
  const harmonic = strata.length / inverseSum;
  if (!(harmonic > 1)) {
    throw new LeakriskError(
      'every stratum has a single PSU, so a bootstrap cannot vary',
      { file: design.file, column: design.spec.strata },
      'bootstrap needs strata with at least two PSUs (merge strata, or use the rows as PSUs)',
    );
  }
  const stage = design.stages[0]!;
  const nUnits = stage.nClusters;
  const factors = new Float64Array(nUnits * count);
  const random = new Random(options.seed);
  strata.forEach((units) => {
    const h = stage.clusterStratum[units[0]!]!;
    const N = stage.population[h]!;
    const order = shuffled(units, random);
    const n = order.length;
    for (let r = 0; r < count; r++) {
      // with an fpc: n of the N places of the PSUs repeated to length N, without replacement
      const draws = Number.isFinite(N) ? distinctIntegers(N, n, random).map((k) => k % n) : Array.from({ length: n }, () => random.int(0, n - 1));
      for (const k of draws) {
        const u = order[k]!;
        factors[u * count + r] = factors[u * count + r]! + 1;
      }
    }
  });
  return { factors, count, scale: harmonic / ((harmonic - 1) * (count - 1)), rscales: new Float64Array(count).fill(1) };
}

/**
 * The Rao–Wu (n − 1) bootstrap made from a design, R's `subbootweights` (`as.svrepdesign(type =
 * "subbootstrap")`) with our seeded generator: in each stratum of n_h PSUs each replicate draws n_h − 1
 * with replacement, and a PSU's factor is n_h/(n_h − 1) times the number of times it was drawn;
 * scale 1/(R − 1), rscales 1. Every stratum needs at least two PSUs.
 */
export function subbootstrapFactors(design: SurveyDesign, options: BootstrapOptions): UnitFactors {
  const count = replicatesOf(design, options);
  const strata = unitsByStratum(design);
  for (const units of strata) {
    if (units.length < 2) {
      const h = design.stages[0]!.clusterStratum[units[0]!]!;
      throw new LeakriskError(
        `stratum "${design.strataLabels[h]}" has one PSU, and the n − 1 bootstrap needs at least two`,
        { file: design.file, column: design.spec.strata },
        'merge this stratum with a similar one, or use "bootstrap"',
      );
    }
  }
  const nUnits = design.stages[0]!.nClusters;
  const factors = new Float64Array(nUnits * count);
  const random = new Random(options.seed);
  for (const units of strata) {
    const order = shuffled(units, random);
    const n = order.length;
    for (let r = 0; r < count; r++) {
      for (let k = 0; k < n - 1; k++) {
        const u = order[random.int(0, n - 1)]!;
        factors[u * count + r] = factors[u * count + r]! + n / (n - 1);
      }
    }
  }
  return { factors, count, scale: 1 / (count - 1), rscales: new Float64Array(count).fill(1) };
}

function replicatesOf(design: SurveyDesign, options: BootstrapOptions): number {
  const count = options.replicates ?? 50;
  if (!Number.isInteger(count) || count < 2) {
    throw new LeakriskError(
      `a bootstrap needs at least 2 replicates (asked for ${count})`,
      { file: design.file, column: 'replicates' },
      'ask for 50 or more replicates',
    );
  }
  if (!Number.isFinite(options.seed)) {
    throw new LeakriskError('a bootstrap needs a seed (a finite number)', { file: design.file, column: 'seed' }, 'give the seed from which the draws are made');
  }
  return count;
}

/** The PSUs of each stratum, strata in the order of their first PSU, PSUs in order of first row. */
function unitsByStratum(design: SurveyDesign): number[][] {
  const stage = design.stages[0]!;
  const byStratum = new Map<number, number[]>();
  for (let u = 0; u < stage.nClusters; u++) {
    const h = stage.clusterStratum[u]!;
    let units = byStratum.get(h);
    if (units === undefined) {
      units = [];
      byStratum.set(h, units);
    }
    units.push(u);
  }
  return [...byStratum.values()];
}

/** A random permutation (Fisher–Yates). */
function shuffled(units: readonly number[], random: Random): number[] {
  const out = [...units];
  for (let k = out.length - 1; k > 0; k--) {
    const j = random.int(0, k);
    [out[k], out[j]] = [out[j]!, out[k]!];
  }
  return out;
}

/** `size` distinct integers of 0 … N − 1, in the order drawn (Floyd's algorithm, no array of length N). */
function distinctIntegers(N: number, size: number, random: Random): number[] {
  const chosen = new Set<number>();
  const out: number[] = [];
  for (let j = N - size; j < N; j++) {
    const t = random.int(0, j);
    const pick = chosen.has(t) ? j : t;
    chosen.add(pick);
    out.push(pick);
  }
  return out;
}
