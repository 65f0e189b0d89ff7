import { describe, expect, it } from 'vitest';
import { weightingOf } from './weighting.js';

describe('weightingOf', () => {
  it('says calibrated, weighted or unweighted from the results', () => {
    expect(weightingOf({ meta: { rows: 100 }, calibration: { method: 'rake' }, results: [] })).toBe('calibrated');
    expect(weightingOf({ meta: { rows: 100 }, design: { weights: 'w' }, results: [] })).toBe('weighted');
    expect(weightingOf({ meta: { rows: 100 }, design: { weighted: false, sumWeights: 5000 }, results: [] })).toBe('unweighted');
    expect(weightingOf({ meta: { rows: 800 }, design: { sumWeights: 800 }, calibration: null, results: [] })).toBe('unweighted');
    expect(weightingOf({ meta: { rows: 800 }, design: { sumWeights: 1.2e6 }, calibration: null, results: [] })).toBe('weighted');
  });
});
