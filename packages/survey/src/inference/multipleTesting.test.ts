import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './multipleTesting.js';
import { expectClose, fixtureJson } from './testFixtures.js';

describe('benjaminiHochberg matches p.adjust(method = "BH")', () => {
  it('with a missing value and ties (models.json)', () => {
    const { pAdjustBH } = fixtureJson<{ pAdjustBH: { p: (number | null)[]; adjusted: (number | null)[] } }>('models.json');
    const got = benjaminiHochberg(pAdjustBH.p);
    pAdjustBH.adjusted.forEach((want, i) => {
      if (want === null) expect(got[i]).toBeNull();
      else expectClose(got[i]!, want, `adjusted p ${i + 1}`);
    });
  });

  it('by hand: three tests', () => {
    // sorted 0.01, 0.03, 0.04: 3/1·0.01 = 0.03, min(3/2·0.03, 0.04) = 0.04, 3/3·0.04 = 0.04
    expect(benjaminiHochberg([0.04, 0.01, 0.03])).toEqual([0.04, 0.03, 0.04]);
    expect(benjaminiHochberg([NaN, undefined, 0.5])).toEqual([null, null, 0.5]);
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
  });
});
