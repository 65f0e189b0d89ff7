import { describe, expect, it } from 'vitest';
import { buildDesign } from '../design.js';
import { bootstrapFactors, subbootstrapFactors } from './bootstrap.js';
import { tableOfRows, weightsFixture } from './testReplicates.js';

// strata b (3 PSUs), a (2), c (4), with an fpc column
const entry = weightsFixture.designs.jkn_fpc!;
const table = tableOfRows('jkn.csv', entry.rows);
const design = buildDesign(table, { ...entry.spec, fpc: undefined } as typeof entry.spec);
const withFpc = buildDesign(table, entry.spec);
const stage = design.stages[0]!;

/** Σ over a stratum's PSUs of a replicate's factors. */
function stratumSums(factors: Float64Array, count: number, r: number): number[] {
  const sums = new Array<number>(design.nStrata).fill(0);
  for (let u = 0; u < stage.nClusters; u++) sums[stage.clusterStratum[u]!] += factors[u * count + r]!;
  return sums;
}

describe("bootstrap factors (R's bootweights, our generator)", () => {
  it("draws n_h PSUs with replacement in each stratum: each replicate's counts sum to n_h", () => {
    const made = bootstrapFactors(design, { replicates: 200, seed: 11 });
    expect(made.count).toBe(200);
    for (let r = 0; r < made.count; r++) expect(stratumSums(made.factors, made.count, r)).toEqual(Array.from(stage.sampled));
    expect(made.factors.every((f) => Number.isInteger(f) && f >= 0)).toBe(true);
  });

  it("has R's scale n̄/((n̄ − 1)(R − 1)), n̄ the harmonic mean of PSUs per stratum", () => {
    const made = bootstrapFactors(design, { replicates: 40, seed: 1 });
    const harmonic = 3 / (1 / 3 + 1 / 2 + 1 / 4);
    expect(made.scale).toBeCloseTo(harmonic / ((harmonic - 1) * 39), 14);
    expect(Array.from(made.rscales)).toEqual(new Array(40).fill(1));
  });

  it('is the same for the same seed and differs for another', () => {
    const a = bootstrapFactors(design, { replicates: 30, seed: 2024 }).factors;
    expect(bootstrapFactors(design, { replicates: 30, seed: 2024 }).factors).toEqual(a);
    expect(bootstrapFactors(design, { replicates: 30, seed: 2025 }).factors).not.toEqual(a);
  });

  it('gives each PSU its share on average (1 per replicate)', () => {
    const made = bootstrapFactors(design, { replicates: 4000, seed: 5 });
    for (let u = 0; u < stage.nClusters; u++) {
      let s = 0;
      for (let r = 0; r < made.count; r++) s += made.factors[u * made.count + r]!;
      expect(s / made.count).toBeGreaterThan(0.9);
      expect(s / made.count).toBeLessThan(1.1);
    }
  });

  it('with an fpc draws without replacement from the PSUs repeated to N_h: a stratum of N_h = n_h is drawn whole', () => {
    // stratum "c" has 4 PSUs and fpc 4: every replicate keeps each of them once
    const made = bootstrapFactors(withFpc, { replicates: 50, seed: 3 });
    const c = withFpc.strataLabels.indexOf('c');
    for (let u = 0; u < stage.nClusters; u++) {
      if (stage.clusterStratum[u] !== c) continue;
      for (let r = 0; r < made.count; r++) expect(made.factors[u * made.count + r]).toBe(1);
    }
    for (let r = 0; r < made.count; r++) expect(stratumSums(made.factors, made.count, r)).toEqual(Array.from(stage.sampled));
  });

  it('refuses fewer than two replicates', () => {
    expect(() => bootstrapFactors(design, { replicates: 1, seed: 1 })).toThrow(/at least 2 replicates/);
  });
});

describe("n − 1 bootstrap factors (R's subbootweights, our generator)", () => {
  it("draws n_h − 1 PSUs and scales by n_h/(n_h − 1): each replicate's factors sum to n_h", () => {
    const made = subbootstrapFactors(design, { replicates: 100, seed: 9 });
    for (let r = 0; r < made.count; r++) {
      stratumSums(made.factors, made.count, r).forEach((s, h) => {
        expect(s).toBeCloseTo(stage.sampled[h]!, 12);
      });
    }
    expect(made.scale).toBeCloseTo(1 / 99, 15);
  });
});
