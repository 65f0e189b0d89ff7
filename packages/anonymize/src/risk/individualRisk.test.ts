import { describe, expect, it } from 'vitest';
import { globalRisk, householdRisk, kViolations } from './globalRisk.js';
import { individualRisk } from './individualRisk.js';

describe('individualRisk', () => {
  it('matches sdcMicro test_indivRisk.R (approx, weighted; 8 decimals)', () => {
    // fk and Fk of sdcMicro's test data (test_freqCalc.R), expected rk from test_indivRisk.R
    const fk = [3, 1, 3, 1, 2, 2, 1, 3];
    const Fk = [108.0, 45.5, 108.0, 17.0, 100.0, 100.0, 123.5, 108.0];
    const expected = [0.01369863, 0.08579129, 0.01369863, 0.17707583, 0.01877883, 0.01877883, 0.03931625, 0.01369863];
    const risk = individualRisk(fk, Fk, { weighted: true });
    expect(risk).toHaveLength(expected.length);
    risk.forEach((r, i) => {
      expect(Math.abs(r - expected[i]!)).toBeLessThan(5e-9);
    });
  });

  it('uses the approximation pk / (fk − (1 − pk)) for fk > 2 and 1/fk when fk = Fk', () => {
    // fk = 5, Fk = 105: pk = 1/21, r = (1/21) / (5 − 20/21) = 1/85
    // fk = 4, Fk = 4: r = 1/4
    const risk = individualRisk([5, 4], [105, 4], { weighted: true });
    expect(risk[0]).toBeCloseTo(1 / 85, 15);
    expect(risk[1]).toBe(0.25);
  });

  it('is 1/fk without weights (measure_risk with no weight variable)', () => {
    expect([...individualRisk([1, 2, 4], [10, 20, 40], { weighted: false })]).toEqual([1, 0.5, 0.25]);
  });
});

describe('globalRisk, kViolations, householdRisk', () => {
  it('sums and averages individual risk', () => {
    const g = globalRisk([0.1, 0.2, 0.5, 0.2]);
    expect(g.expectedReidentifications).toBeCloseTo(1.0, 15);
    expect(g.globalRisk).toBeCloseTo(0.25, 15);
  });

  it('counts records below each k, once per k', () => {
    expect(kViolations([1, 2, 2, 3, 5, 6], [2, 3, 5, 3])).toEqual({ '2': 1, '3': 3, '5': 4 });
  });

  it('gives every member 1 − Π(1 − r) of the household', () => {
    // a: 1 − 0.9·0.8 = 0.28 (twice); b: 0.5; missing id: NaN. ER = 1.06, mean over 4 records = 0.265
    const h = householdRisk([0.1, 0.2, 0.5, 0.3], ['a', 'a', 'b', '']);
    expect(h.risk[0]).toBeCloseTo(0.28, 15);
    expect(h.risk[1]).toBeCloseTo(0.28, 15);
    expect(h.risk[2]).toBe(0.5);
    expect(h.risk[3]).toBeNaN();
    expect(h.expectedReidentifications).toBeCloseTo(1.06, 15);
    expect(h.globalRisk).toBeCloseTo(0.265, 15);
  });
});
