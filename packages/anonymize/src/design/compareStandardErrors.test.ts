import { describe, expect, it } from 'vitest';
import type { Results } from '@leakrisk/survey';
import { compareStandardErrors } from './compareStandardErrors.js';

function results(rows: Results['results']): Results {
  return {
    meta: { tool: 'leakrisk', version: '0', data: 'x.csv', dataSha256: '', plan: 'plan.json', rows: 10, createdAt: '' } as Results['meta'],
    design: { strata: 1, psus: 10, df: 9, sumWeights: 10, lonelyPsu: 'fail' } as Results['design'],
    calibration: null,
    results: rows,
  };
}

describe('compareStandardErrors', () => {
  it('puts each row’s SE under the original design beside its SE from the released replicates, matched by domain and term', () => {
    const original = results([
      {
        id: 'vb1',
        type: 'mean',
        rows: [
          { domain: { gender: 'female' }, estimate: 3, se: 0.1 },
          { domain: { gender: 'male' }, estimate: 2, se: 0.2 },
        ],
      },
      { id: 'chi', type: 'chisq', rows: [{ statistic: 4, pValue: 0.04 }] },
      { id: 'reg', type: 'glm', rows: [{ term: 'age', estimate: 0.5, se: 0.05 }] },
    ]);
    const released = results([
      {
        id: 'vb1',
        type: 'mean',
        rows: [
          { domain: { gender: 'male' }, estimate: 2.1, se: 0.3 },
          { domain: { gender: 'female' }, estimate: 3, se: 0.12 },
        ],
      },
      { id: 'reg', type: 'glm', rows: [{ term: 'age', estimate: 0.5, se: 0.04 }] },
    ]);
    const comparison = compareStandardErrors(original, released);
    expect(comparison.rows).toEqual([
      { analysis: 'vb1', type: 'mean', domain: { gender: 'female' }, estimate: 3, seOriginal: 0.1, seReleased: 0.12, ratio: 0.12 / 0.1 },
      { analysis: 'vb1', type: 'mean', domain: { gender: 'male' }, estimate: 2.1, seOriginal: 0.2, seReleased: 0.3, ratio: 0.3 / 0.2 },
      { analysis: 'reg', type: 'glm', domain: {}, term: 'age', estimate: 0.5, seOriginal: 0.05, seReleased: 0.04, ratio: 0.04 / 0.05 },
    ]);
    expect(comparison.compared).toBe(3);
    expect(comparison.medianRatio).toBeCloseTo(1.2, 12);
    expect(comparison.minRatio).toBeCloseTo(0.8, 12);
    expect(comparison.maxRatio).toBeCloseTo(1.5, 12);
  });

  it('keeps a row the released file could not estimate, with nulls', () => {
    const original = results([{ id: 'm', type: 'mean', rows: [{ domain: { area: 'rural' }, estimate: 1, se: 0.1 }] }]);
    const comparison = compareStandardErrors(original, results([]));
    expect(comparison.rows[0]).toMatchObject({ estimate: null, seOriginal: 0.1, seReleased: null, ratio: null });
    expect(comparison).toMatchObject({ compared: 0, medianRatio: null, minRatio: null, maxRatio: null });
  });
});
