import { describe, expect, it } from 'vitest';
import type { Results } from '@leakrisk/survey';
import { comparePlanResults } from './planImpact.js';

function results(rows: Results['results']): Results {
  return {
    meta: { tool: 'leakrisk', version: '0', data: 'x.csv', dataSha256: '', plan: 'p.json', rows: 10, createdAt: '' },
    design: { strata: 1, psus: 10, df: 9, sumWeights: 10, lonelyPsu: 'fail' },
    calibration: null,
    results: rows,
  };
}

describe('comparePlanResults', () => {
  it('gives each matched estimate its change in raw standard errors and flags |z| > 1', () => {
    const before = results([
      {
        id: 'vb1',
        type: 'mean',
        rows: [
          { domain: { gender: 'female' }, estimate: 3.0, se: 0.1 },
          { domain: { gender: 'male' }, estimate: 2.5, se: 0.2 },
          { domain: { gender: 'transgender' }, estimate: 2.0, se: 0.5 },
        ],
      },
      { id: 'alpha', type: 'alpha', rows: [{ alpha: 0.8 }] },
    ]);
    const after = results([
      {
        id: 'vb1',
        type: 'mean',
        rows: [
          { domain: { gender: 'male' }, estimate: 2.6, se: 0.2 },
          { domain: { gender: 'female' }, estimate: 3.15, se: 0.1 },
        ],
      },
      { id: 'alpha', type: 'alpha', rows: [{ alpha: 0.79 }] },
    ]);
    const impact = comparePlanResults(before, after);
    // female: (3.15 − 3.0)/0.1 = 1.5 (flagged); male: (2.6 − 2.5)/0.2 = 0.5; transgender: gone
    expect(impact.rows.map((r) => [r.domain.gender ?? null, r.quantity, r.z === null ? null : Number(r.z.toFixed(12)), r.flagged])).toEqual([
      ['female', 'estimate', 1.5, true],
      ['male', 'estimate', 0.5, false],
      ['transgender', 'estimate', null, false],
      [null, 'alpha', null, false],
    ]);
    expect(impact.rows[3]!.change).toBeCloseTo(-0.01, 12);
    expect(impact).toMatchObject({ compared: 2, flagged: 1, onlyBefore: 1, onlyAfter: 0 });
    expect(impact.maxAbsZ).toBeCloseTo(1.5, 12);
  });

  it('matches distribution rows by level and glm rows by term', () => {
    const before = results([
      {
        id: 'd',
        type: 'distribution',
        rows: [
          { domain: {}, level: '1', estimate: 0.2, se: 0.01 },
          { domain: {}, level: '2', estimate: 0.8, se: 0.01 },
        ],
      },
      {
        id: 'g',
        type: 'glm',
        rows: [
          { term: '(Intercept)', estimate: 1, se: 0.5 },
          { term: 'age', estimate: 0.1, se: 0.05 },
        ],
      },
    ]);
    const after = results([
      {
        id: 'd',
        type: 'distribution',
        rows: [
          { domain: {}, level: '2', estimate: 0.79, se: 0.01 },
          { domain: {}, level: '1', estimate: 0.21, se: 0.01 },
        ],
      },
      {
        id: 'g',
        type: 'glm',
        rows: [
          { term: 'age', estimate: 0.0, se: 0.05 },
          { term: '(Intercept)', estimate: 1, se: 0.5 },
        ],
      },
    ]);
    const z = comparePlanResults(before, after).rows.map((r) => Number(r.z!.toFixed(9)));
    expect(z).toEqual([1, -1, 0, -2]);
  });
});
