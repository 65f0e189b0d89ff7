import { describe, expect, it } from 'vitest';
import { replicateVariance } from './replicateVariance.js';
import { rankOfGram, replicateDegf } from './replicateDegf.js';
import { closeTo, weightsFixture } from './testReplicates.js';
import type { ReplicateWeights } from './types.js';

const fixture = weightsFixture.svrVar;

function thetasOf(columns: number[]): Float64Array {
  const p = columns.length;
  const out = new Float64Array(fixture.thetas.length * p);
  fixture.thetas.forEach((row, r) => {
    columns.forEach((k, j) => {
      out[r * p + j] = row[k] ?? Number.NaN;
    });
  });
  return out;
}

describe("replicateVariance equals R's svrVar", () => {
  const base = { scale: fixture.scale, rscales: Float64Array.from(fixture.rscales) };

  it('centred at the mean of the replicates with rscales > 0, a replicate with NA left out', () => {
    const r = replicateVariance(thetasOf([0, 1]), 2, { ...base, mse: false }, fixture.coef);
    expect(r.dropped).toBe(1);
    expect(Array.from(r.covariance).map((v, k) => closeTo(v, fixture.plain.flat()[k]!, 1e-12))).toEqual([true, true, true, true]);
  });

  it('centred at the full-sample estimate with mse', () => {
    const r = replicateVariance(thetasOf([0, 1]), 2, { ...base, mse: true }, fixture.coef);
    const expected = fixture.mse.flat();
    // the off-diagonal is 0 in exact arithmetic (R: 2e-18)
    expect(closeTo(r.covariance[0]!, expected[0]!, 1e-12)).toBe(true);
    expect(Math.abs(r.covariance[1]!)).toBeLessThan(1e-15);
    expect(closeTo(r.covariance[3]!, expected[3]!, 1e-12)).toBe(true);
  });

  it('one statistic, every replicate present', () => {
    expect(closeTo(replicateVariance(thetasOf([1]), 1, { ...base, mse: false }, [fixture.coef[1]!]).covariance[0]!, fixture.single, 1e-12)).toBe(true);
    expect(closeTo(replicateVariance(thetasOf([1]), 1, { ...base, mse: true }, [fixture.coef[1]!]).covariance[0]!, fixture.singleMse, 1e-12)).toBe(true);
  });

  it('is NaN when every replicate is NaN, and 0 without replicates', () => {
    const all = replicateVariance(Float64Array.of(Number.NaN, Number.NaN), 1, { scale: 1, rscales: Float64Array.of(1, 1), mse: false }, [0]);
    expect(Number.isNaN(all.covariance[0]!)).toBe(true);
    expect(replicateVariance(new Float64Array(0), 1, { scale: 0, rscales: new Float64Array(0), mse: false }, [0]).covariance[0]).toBe(0);
  });
});

describe("replicateDegf equals R's degf (qr rank, tol 1e-5, minus one)", () => {
  it.each(weightsFixture.degf.map((c, k) => [k, c] as const))('rank-deficient columns, case %i', (_, entry) => {
    const replicates: ReplicateWeights = {
      type: 'other',
      count: entry.columns.length,
      scale: 1,
      rscales: new Float64Array(entry.columns.length).fill(1),
      mse: false,
      rho: undefined,
      combinedWeights: true,
      storage: { kind: 'rows', columns: entry.columns.map((c) => Float64Array.from(c)) },
      source: { kind: 'columns', names: entry.columns.map((_c, k) => `w${k}`) },
      warnings: [],
    };
    expect(replicateDegf(replicates, new Float64Array(entry.columns[0]!.length).fill(1))).toBe(entry.degf);
  });

  it('counts a column that is a multiple of an earlier one, or zero, as no new rank', () => {
    // columns (1,0), (2,0), (0,0), (0,3): rank 2
    const gram = Float64Array.of(1, 2, 0, 0, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9);
    expect(rankOfGram(gram, 4)).toBe(2);
  });
});
