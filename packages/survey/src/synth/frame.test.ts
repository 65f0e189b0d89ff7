import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STRATA_TOTALS, buildFrame } from './frame.js';
import { Random } from './random.js';

describe('buildFrame', () => {
  it('uses the strata totals of the bundled census file', () => {
    const census = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../data/census/pakistan-2023-adults.json', import.meta.url)), 'utf8'));
    expect(DEFAULT_STRATA_TOTALS).toEqual(census.strata.totals);
  });

  it('allocates all n respondents, ≥ 2 PSUs per stratum, weights summing to N_h', () => {
    const frame = buildFrame(3000, DEFAULT_STRATA_TOTALS, new Random(1));
    expect(frame.reduce((sum, s) => sum + s.sampled, 0)).toBe(3000);
    for (const stratum of frame) {
      expect(stratum.psuSizes.length).toBeGreaterThanOrEqual(2);
      expect(stratum.psuSizes.reduce((a, b) => a + b, 0)).toBe(stratum.sampled);
      const total = stratum.psuSizes.reduce((sum, size, k) => sum + size * stratum.psuWeights[k]!, 0);
      expect(total).toBeCloseTo(stratum.population, 4);
      expect(stratum.populationPsus).toBeGreaterThanOrEqual(stratum.psuSizes.length);
    }
  });

  it('oversamples small strata relative to proportional allocation', () => {
    const frame = buildFrame(3000, DEFAULT_STRATA_TOTALS, new Random(1));
    const islamabad = frame.find((s) => s.id === 'islamabad_urban')!;
    const proportional = (3000 * islamabad.population) / Object.values(DEFAULT_STRATA_TOTALS).reduce((a, b) => a + b, 0);
    expect(islamabad.sampled).toBeGreaterThan(2 * proportional);
  });

  it('still gives two PSUs per stratum for n = 20', () => {
    const frame = buildFrame(20, DEFAULT_STRATA_TOTALS, new Random(1));
    for (const stratum of frame) expect(stratum.psuSizes).toEqual([1, 1]);
  });
});
