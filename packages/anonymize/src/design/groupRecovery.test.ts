import { describe, expect, it } from 'vitest';
import { ConstantReplicates, groupRecovery } from './groupRecovery.js';
import { forEachReplicateFactor, ReplicatePatterns } from './replicatePatterns.js';

const weights = Float64Array.from([10, 12, 10, 14, 20, 20, 25, 30]);
const psu = Int32Array.from([0, 0, 1, 1, 2, 2, 3, 3]);
const stratum = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
/** The JKn replicate weights of two strata of two PSUs (see releaseReplicates.test.ts). */
const jkn = [
  [0, 0, 20, 28, 20, 20, 25, 30],
  [20, 24, 0, 0, 20, 20, 25, 30],
  [10, 12, 10, 14, 0, 0, 50, 60],
  [10, 12, 10, 14, 40, 40, 0, 0],
].map((c) => Float64Array.from(c));

/** The constancy test of `columns` for the PSUs and the strata, fed as `designRelease` feeds it. */
function test(factors: Int32Array[]) {
  const patterns = new ReplicatePatterns(8);
  const byPsu = new ConstantReplicates(psu, 4);
  const byStratum = new ConstantReplicates(stratum, 2);
  for (const factor of factors) {
    patterns.add(factor);
    byPsu.add(factor);
    byStratum.add(factor);
  }
  const codes = patterns.codes();
  return {
    codes,
    psu: groupRecovery('psu', 'psu', psu, 4, byPsu.count, codes),
    strata: groupRecovery('stratum', 'strata', stratum, 2, byStratum.count, codes),
  };
}

function factorsOf(columns: Float64Array[]): Int32Array[] {
  const out: Int32Array[] = [];
  forEachReplicateFactor(weights, columns, (factor) => out.push(Int32Array.from(factor)));
  return out;
}

describe('replicate factors and their patterns', () => {
  it('reads each replicate over the full-sample weight, to 1e-6, and codes rows alike in every replicate alike', () => {
    const factors = factorsOf(jkn);
    expect([...factors[0]!]).toEqual([0, 0, 2e6, 2e6, 1e6, 1e6, 1e6, 1e6]);
    expect([...test(factors).codes.codes]).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(test(factors.slice(0, 1)).codes.count).toBe(3);
  });
});

describe('groupRecovery (the constancy test)', () => {
  it('finds JKn replicates constant within every PSU, recovering each PSU and separating each stratum', () => {
    const { psu: byPsu, strata } = test(factorsOf(jkn));
    expect(byPsu).toEqual({ column: 'psu', kind: 'psu', groups: 4, constantReplicates: 4, separatedGroups: 4, recoveredGroups: 4 });
    // no replicate is constant within both strata (each varies inside its own), yet the patterns separate them
    expect(strata).toEqual({ column: 'stratum', kind: 'strata', groups: 2, constantReplicates: 0, separatedGroups: 2, recoveredGroups: 0 });
  });

  it('sets no PSU apart when the factors vary within PSUs, and tells strata apart by a replicate constant within them', () => {
    // row-level factors (the first) that PSUs share: no PSU set apart; the second is constant within
    // PSUs because it is constant within their strata
    const { psu: byPsu, strata } = test([Int32Array.from([1, 2, 1, 2, 1, 2, 1, 2]), Int32Array.from([3, 3, 3, 3, 4, 4, 4, 4])]);
    expect(byPsu).toMatchObject({ constantReplicates: 1, separatedGroups: 0, recoveredGroups: 0 });
    expect(strata).toMatchObject({ constantReplicates: 1, separatedGroups: 2, recoveredGroups: 0 });
  });

  it('does not count a replicate that is the same everywhere as telling groups apart', () => {
    const { psu: byPsu } = test([new Int32Array(8).fill(1e6)]);
    expect(byPsu).toMatchObject({ constantReplicates: 0, separatedGroups: 0, recoveredGroups: 0 });
  });
});
