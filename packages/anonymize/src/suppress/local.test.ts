import { describe, expect, it } from 'vitest';
import { classesOfRows } from '../search/classes.js';
import { suppressLocally } from './local.js';

describe('suppressLocally', () => {
  // keys: region (3 values), gender (2 values); rows:
  // (n,f)×3, (n,m)×3, (s,f)×1  → the (s,f) record violates k = 2.
  const region = Int32Array.from([0, 0, 0, 0, 0, 0, 1]);
  const gender = Int32Array.from([0, 0, 0, 1, 1, 1, 0]);
  const { table, classOf } = classesOfRows([region, gender], [2, 2], [], [], 7);

  it('suppresses the least important key of the violating record first (any: wildcard)', () => {
    // order [0, 1]: region is least important. (_, f) then matches the three (n, f): fk = 4.
    const result = suppressLocally(table, [0, 1], { k: 2, missingMatches: 'any' });
    expect(result.met).toBe(true);
    expect(result.suppressedCells).toEqual([1, 0]);
    expect(result.suppressedRecords).toBe(1);
    expect(result.suppressedMask[classOf[6]!]).toBe(0b01);
  });

  it('with self, keeps suppressing until the record is fully suppressed (then exempt)', () => {
    // (_, f) is its own class of 1 under "self"; then (_, _) is fully suppressed and exempt.
    const result = suppressLocally(table, [1, 0], { k: 2, missingMatches: 'self' });
    expect(result.met).toBe(true);
    expect(result.suppressedCells).toEqual([1, 1]);
    expect(result.rounds).toBe(2);
  });

  it('stops when the budget is exceeded', () => {
    const result = suppressLocally(table, [0, 1], { k: 4, missingMatches: 'self' }, 1);
    expect(result.met).toBe(false);
  });
});
