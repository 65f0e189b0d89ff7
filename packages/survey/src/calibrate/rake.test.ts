import { describe, expect, it } from 'vitest';
import { isLeakriskError } from '../errors.js';
import { apiDesign, expectClose, expectEstimatesAfter, expectWeights, fixtureJson, type ApiDesign, type EstimatesAfter } from '../inference/testFixtures.js';
import type { Margin } from './margins.js';
import { dictionaryColumn } from '../table/dictionaryColumn.js';
import { rake } from './rake.js';

interface RakeCase {
  id: string;
  design: string;
  variables: string[];
  margins: Record<string, Record<string, number>>;
  epsilon: number;
  maxit: number;
  converged: boolean;
  iterations: number;
  maxDiscrepancy: number;
  weights: number[];
  estimates: EstimatesAfter;
}

const fixture = fixtureJson<{ rake: RakeCase[] }>('models.json');

export function marginsOf(api: ApiDesign, margins: Record<string, Record<string, number>>, variables = Object.keys(margins)): Margin[] {
  return variables.map((variable) => ({ variable, column: api.fac(variable), totals: margins[variable]! }));
}

describe('rake matches survey::rake (models.json)', () => {
  for (const expected of fixture.rake) {
    it(expected.id, () => {
      const api = apiDesign(expected.design);
      const result = rake(api.design, marginsOf(api, expected.margins, expected.variables), {
        epsilon: expected.epsilon,
        maxit: expected.maxit,
      });
      expect(result.converged).toBe(expected.converged);
      expect(result.iterations).toBe(expected.iterations);
      expectClose(result.maxDiscrepancy, expected.maxDiscrepancy, `${expected.id} max discrepancy`);
      expectWeights(result.design.weights, expected.weights, expected.id);
      expectEstimatesAfter(api, result.design, expected.estimates, expected.id);
    });
  }
});

describe('rake matches reference.json (R 4.2.2, survey 4.1-1)', () => {
  it('clus1 raked to stype and sch.wide: svymean(~api00) and svytotal(~enroll)', () => {
    const reference = fixtureJson<{ results: { id: string; estimate: number; se: number }[] }>('reference.json');
    const byId = new Map(reference.results.map((r) => [r.id, r]));
    const api = apiDesign('clus1');
    const { design } = rake(api.design, marginsOf(api, { stype: { E: 4421, H: 755, M: 1018 }, 'sch.wide': { No: 1072, Yes: 5122 } }));
    const mean = byId.get('clus1_raked.mean.api00')!;
    const total = byId.get('clus1_raked.total.enroll')!;
    expectEstimatesAfterSubset(api, design, mean, total);
  });
});

function expectEstimatesAfterSubset(
  api: ApiDesign,
  design: Parameters<typeof expectEstimatesAfter>[1],
  mean: { estimate: number; se: number },
  total: { estimate: number; se: number },
): void {
  expectEstimatesAfter(api, design, { ...fixture.rake[0]!.estimates, mean_api00: mean, total_enroll: total }, 'reference clus1_raked');
}

describe('rake on hand-made data', () => {
  it('raking to convergence (epsilon = 1e-9 of the total) reproduces both margins and the total', () => {
    const api = apiDesign('strat');
    const result = rake(api.design, marginsOf(api, { 'sch.wide': { No: 1000, Yes: 5194 }, awards: { No: 2000, Yes: 4194 } }), {
      epsilon: 1e-9,
      maxit: 100,
    });
    expect(result.converged).toBe(true);
    // A pass changing no cell by 1e-9 · 6194 leaves every margin within about that of its target.
    expect(result.maxDiscrepancy).toBeLessThan(1e-5);
    let sum = 0;
    for (const w of result.design.weights) sum += w;
    expectClose(sum, 6194, 'sum of raked weights', 1e-12);
  });
});

describe('rake refuses bad margins', () => {
  const api = apiDesign('clus1');
  const errorOf = (fn: () => unknown): Error => {
    try {
      fn();
    } catch (error) {
      expect(isLeakriskError(error)).toBe(true);
      return error as Error;
    }
    throw new Error('expected a LeakriskError');
  };

  it('margins that do not sum to the same total (names the margin)', () => {
    const error = errorOf(() => rake(api.design, marginsOf(api, { stype: { E: 4421, H: 755, M: 1018 }, 'sch.wide': { No: 1072, Yes: 5200 } })));
    expect(error.message).toContain('"sch.wide"');
    expect(error.message).toContain('6272');
  });

  it('a sample level without a population total (names the level and the variable)', () => {
    const error = errorOf(() => rake(api.design, marginsOf(api, { stype: { E: 5176, M: 1018 } })));
    expect(error.message).toContain('a level (a text of 1 character)');
    expect(error.message).toContain('"stype"');
  });

  it('a population level that no sample row has', () => {
    const error = errorOf(() => rake(api.design, marginsOf(api, { stype: { E: 4421, H: 755, M: 1000, X: 18 } })));
    expect(error.message).toContain('"X"');
  });

  it('a row with a missing margin value (names the row and says to derive or impute)', () => {
    const column = api.fac('stype');
    const codes = Int32Array.from(column.codes);
    codes[6] = -1;
    const error = errorOf(() =>
      rake(api.design, [{ variable: 'stype', column: dictionaryColumn(codes, column.levels), totals: { E: 4421, H: 755, M: 1018 } }]),
    ) as Error & { row?: number; fix?: string };
    expect(error.row).toBe(7);
    expect(error.fix).toContain('derive');
  });
});
