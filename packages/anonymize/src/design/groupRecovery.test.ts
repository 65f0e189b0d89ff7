import { describe, expect, it } from 'vitest';
import { groupRecovery } from './groupRecovery.js';
import { replicateFactors, replicatePatterns } from './replicatePatterns.js';

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

describe('replicatePatterns', () => {
  it('gives rows the same code exactly when their factors agree in every replicate', () => {
    const factors = replicateFactors(weights, jkn);
    expect([...factors[0]!]).toEqual([0, 0, 2e6, 2e6, 1e6, 1e6, 1e6, 1e6]);
    expect([...replicatePatterns(factors, 8).codes]).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(replicatePatterns(factors.slice(0, 1), 8).count).toBe(3);
  });
});

describe('groupRecovery (the constancy test)', () => {
  it('finds JKn replicates constant within every PSU, recovering each PSU and separating each stratum', () => {
    const factors = replicateFactors(weights, jkn);
    const patterns = replicatePatterns(factors, 8);
    expect(groupRecovery('psu', 'psu', psu, 4, factors, patterns)).toEqual({
      column: 'psu',
      kind: 'psu',
      groups: 4,
      constantReplicates: 4,
      separatedGroups: 4,
      recoveredGroups: 4,
    });
    // no replicate is constant within both strata (each varies inside its own), yet the patterns separate them
    expect(groupRecovery('stratum', 'strata', stratum, 2, factors, patterns)).toEqual({
      column: 'stratum',
      kind: 'strata',
      groups: 2,
      constantReplicates: 0,
      separatedGroups: 2,
      recoveredGroups: 0,
    });
  });

  it('sets no PSU apart when the factors vary within PSUs, and tells strata apart by a replicate constant within them', () => {
    // row-level factors (the first) that PSUs share: no PSU set apart; the second is constant within
    // PSUs because it is constant within their strata
    const factors = [Int32Array.from([1, 2, 1, 2, 1, 2, 1, 2]), Int32Array.from([3, 3, 3, 3, 4, 4, 4, 4])];
    const patterns = replicatePatterns(factors, 8);
    expect(groupRecovery('psu', 'psu', psu, 4, factors, patterns)).toMatchObject({ constantReplicates: 1, separatedGroups: 0, recoveredGroups: 0 });
    // the second replicate is constant within each stratum and differs between them: it tells the strata apart
    expect(groupRecovery('stratum', 'strata', stratum, 2, factors, patterns)).toMatchObject({ constantReplicates: 1, separatedGroups: 2, recoveredGroups: 0 });
  });

  it('does not count a replicate that is the same everywhere as telling groups apart', () => {
    const factors = [new Int32Array(8).fill(1e6)];
    const patterns = replicatePatterns(factors, 8);
    expect(groupRecovery('psu', 'psu', psu, 4, factors, patterns)).toMatchObject({ constantReplicates: 0, separatedGroups: 0, recoveredGroups: 0 });
  });
});
