import { describe, expect, it } from 'vitest';
import { diversityOf, isDiverse, meetsLDiversity } from './diversity.js';

describe('diversityOf', () => {
  it('counts present values, with entropy over their shares', () => {
    // counts (2, 0, 1, 1): distinct 3, shares ½ ¼ ¼ → exp(H) = 2√2
    const d = diversityOf([9, 2, 0, 1, 1], 1, 4);
    expect(d.distinct).toBe(3);
    expect(d.entropy).toBeCloseTo(2 * Math.SQRT2, 14);
    expect(d.logEntropy).toBeCloseTo(1.5 * Math.LN2, 14);
    expect(d.recursive).toBe(0); // not asked for
  });

  it('counts missing values as one more value when some value is present (sdcMicro)', () => {
    expect(diversityOf([2, 1], 0, 2, { missing: 1 }).distinct).toBe(3);
    expect(diversityOf([2, 1], 0, 2, { missing: 1 }).entropy).toBeCloseTo(2 * Math.SQRT2, 14);
    // all missing: distinct 0, entropy 1
    expect(diversityOf([0, 0], 0, 2, { missing: 4 })).toEqual({ distinct: 0, logEntropy: 0, entropy: 1, recursive: 0 });
  });

  it('gives the largest recursive l with r1 < c (r_l + … + r_m)', () => {
    // 3,1,1 with c = 2: l = 2: 3 < 2·2; l = 3: 3 < 2·1 fails → 2. With c = 4: 3 < 4·1 → 3
    expect(diversityOf([1, 3, 1], 0, 3, { c: 2 }).recursive).toBe(2);
    expect(diversityOf([1, 3, 1], 0, 3, { c: 4 }).recursive).toBe(3);
    expect(diversityOf([5, 0], 0, 2, { c: 4 }).recursive).toBe(1);
    expect(diversityOf([0, 0], 0, 2, { c: 4 }).recursive).toBe(0);
  });
});

describe('isDiverse', () => {
  it('applies entropy l-diversity: counts (2,2) have entropy ln 2', () => {
    expect(isDiverse([2, 2], 0, 2, { entropy: 2 })).toBe(true);
    expect(isDiverse([3, 1], 0, 2, { entropy: 2 })).toBe(false);
  });
  it('applies recursive (c,l): r1 < c (r_l + … + r_m)', () => {
    // counts 5,3,2 with l = 2: tail = 3 + 2 = 5; c = 1.1 → 5 < 5.5 holds; c = 1 → 5 < 5 fails
    expect(isDiverse([5, 3, 2], 0, 3, { recursive: { c: 1.1, l: 2 } })).toBe(true);
    expect(isDiverse([5, 3, 2], 0, 3, { recursive: { c: 1, l: 2 } })).toBe(false);
  });
  it('applies distinct l-diversity and needs every variant named', () => {
    expect(isDiverse([4, 0, 1], 0, 3, { distinct: 2 })).toBe(true);
    expect(isDiverse([4, 0, 0], 0, 3, { distinct: 2 })).toBe(false);
    expect(isDiverse([4, 0, 1], 0, 3, { distinct: 2, entropy: 2 })).toBe(false);
  });
});

describe('meetsLDiversity', () => {
  it('accepts entropy l exactly met by equal shares', () => {
    expect(meetsLDiversity(diversityOf([1, 1, 1], 0, 3), { entropy: 3 })).toBe(true);
  });
});
