import { describe, expect, it } from 'vitest';
import { autoIntervalHierarchy, bandLeafCodes } from '../recode/autoHierarchy.js';
import { flatHierarchy, leafCodes } from '../recode/hierarchy.js';
import { searchLattice, type SearchKey } from './lattice.js';

const missing = (c: string) => c === '';

function keysOf(ages: string[], genders: string[], importance?: [number, number]): SearchKey[] {
  const age = autoIntervalHierarchy('age', [20, 30, 40]);
  const gender = flatHierarchy('gender', ['f', 'm']);
  return [
    { column: 'age', hierarchy: age, leaves: bandLeafCodes([20, 30, 40], ages, missing), importance: importance?.[0] },
    { column: 'gender', hierarchy: gender, leaves: leafCodes(gender, genders, missing), importance: importance?.[1] },
  ];
}

describe('searchLattice', () => {
  // Age leaves: <20, 20-29, 30-39, 40+ (4 leaves); level 1 merges 20-29 and 30-39 into 20-39.
  const ages = ['25', '27', '33', '35', '22', '28', '31', '38'];
  const genders = ['f', 'f', 'f', 'f', 'm', 'm', 'm', 'm'];

  it('keeps everything at level 0 when k is already met', () => {
    const result = searchLattice({ keys: keysOf(ages, genders), sensitive: [], nrow: 8, requirement: { k: 2, missingMatches: 'any' }, maxSuppressedShare: 0 });
    expect(result.best?.levels).toEqual([0, 0]);
    expect(result.best?.loss).toBe(0);
  });

  it('generalises age one level for k = 3 without suppression: loss (1/3)/2 = 1/6', () => {
    // Level (0,0) has classes of 2. (1,0) gives (20-39,f)×4 and (20-39,m)×4; each age cell loses
    // (2 − 1)/(4 − 1) = 1/3, gender nothing, so Loss = (1/3 + 0)/2. Gender at * would meet k too but
    // suppresses every record (over the zero budget), and would lose 1/2 anyway.
    const result = searchLattice({ keys: keysOf(ages, genders), sensitive: [], nrow: 8, requirement: { k: 3, missingMatches: 'any' }, maxSuppressedShare: 0 });
    expect(result.best?.levels).toEqual([1, 0]);
    expect(result.best?.loss).toBeCloseTo(1 / 6, 12);
    expect(result.release(0)).toEqual(Array(8).fill('20-39'));
    expect(result.optimal).toBe(true);
  });

  it('suppresses the least important key of an outlier instead of generalising everyone', () => {
    // A ninth record (45, m) is alone at level 0. Suppressing its age (age has more leaves, so it is
    // the less important key) makes it match all four men: one cell lost of 9 → Loss = (1/9)/2 = 1/18,
    // below any generalisation (age level 1 keeps 40+ alone; level 2 costs 2/3 per cell).
    const result = searchLattice({
      keys: keysOf([...ages, '45'], [...genders, 'm']),
      sensitive: [],
      nrow: 9,
      requirement: { k: 2, missingMatches: 'any' },
      maxSuppressedShare: 1 / 9,
    });
    expect(result.best?.levels).toEqual([0, 0]);
    expect(result.best?.loss).toBeCloseTo(1 / 18, 12);
    expect(result.best?.suppressedCells).toEqual([1, 0]);
    expect(result.release(0)[8]).toBe('');
    expect(result.release(1)[8]).toBe('m');
  });

  it('looks ahead: suppresses a more important key when suppressing the less important one cannot help', () => {
    // importance age = 1 (most important), gender = 2, so gender is tried first. But (40+, _) would
    // still match no one, while (_, m) matches the four men, so the outlier's age is suppressed.
    // Weights are 2 (age) and 1 (gender): Loss = (2 · 1/9 + 0)/3 = 2/27.
    const result = searchLattice({
      keys: keysOf([...ages, '45'], [...genders, 'm'], [1, 2]),
      sensitive: [],
      nrow: 9,
      requirement: { k: 2, missingMatches: 'any' },
      maxSuppressedShare: 1 / 9,
    });
    expect(result.order).toEqual([1, 0]);
    expect(result.best?.levels).toEqual([0, 0]);
    expect(result.best?.suppressedCells).toEqual([1, 0]);
    expect(result.best?.loss).toBeCloseTo(2 / 27, 12);
  });

  it('follows the importance order when either key would do', () => {
    // (20-29, f) ×2, (30-39, f) ×2, (30-39, m) ×2 and an outlier (20-29, m). Suppressing its gender
    // gives (20-29, _) with fk 3; suppressing its age gives (_, m) with fk 3: both work, so the less
    // important key goes. Without importance, age (4 leaves) is less important than gender (2).
    const a = ['25', '27', '33', '35', '33', '35', '22'];
    const g = ['f', 'f', 'f', 'f', 'm', 'm', 'm'];
    const run = (importance?: [number, number]) =>
      searchLattice({ keys: keysOf(a, g, importance), sensitive: [], nrow: 7, requirement: { k: 2, missingMatches: 'any' }, maxSuppressedShare: 1 / 7 });
    expect(run().best?.suppressedCells).toEqual([1, 0]);
    expect(run([1, 2]).best?.suppressedCells).toEqual([0, 1]);
  });

  it('never suppresses a pinned key locally, taking the other key instead', () => {
    // As 'follows the importance order': without importance age goes first. Pin age (a kept column
    // gives it away) and the outlier loses its gender instead; pin both and nothing can be suppressed.
    const a = ['25', '27', '33', '35', '33', '35', '22'];
    const g = ['f', 'f', 'f', 'f', 'm', 'm', 'm'];
    const pinned = (pins: [boolean, boolean]) => keysOf(a, g).map((key, j) => ({ ...key, pinned: pins[j]! }));
    const run = (pins: [boolean, boolean]) =>
      searchLattice({ keys: pinned(pins), sensitive: [], nrow: 7, requirement: { k: 2, missingMatches: 'any' }, maxSuppressedShare: 1 / 7 });
    expect(run([false, false]).best?.suppressedCells).toEqual([1, 0]);
    expect(run([true, false]).best?.suppressedCells).toEqual([0, 1]);
    expect(run([true, false]).release(1)[6]).toBe('');
    // Both pinned: only generalisation is left (age 20-39 for everyone keeps (20-39, m) at 3).
    const both = run([true, true]).best!;
    expect(both.suppressedCells).toEqual([0, 0]);
    expect(both.levels).toEqual([1, 0]);
  });

  it('reports no solution when the budget is too small', () => {
    const result = searchLattice({
      keys: keysOf([...ages, '45'], [...genders, 'm']),
      sensitive: [],
      nrow: 9,
      requirement: { k: 2, missingMatches: 'any' },
      maxSuppressedShare: 0,
    });
    // (2,0) — everyone 20+ — meets k = 2 with no suppression, so there is still a solution
    expect(result.best?.levels).toEqual([2, 0]);
    const none = searchLattice({
      keys: keysOf(['25', '45'], ['f', 'm']),
      sensitive: [],
      nrow: 2,
      requirement: { k: 2, missingMatches: 'self' },
      maxSuppressedShare: 0,
    });
    // (2,*) would suppress gender everywhere; (2,0) leaves f and m alone
    expect(none.best).toBeUndefined();
  });
});
