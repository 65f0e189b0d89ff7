import { describe, expect, it } from 'vitest';
import { isLeakriskError } from '../errors.js';
import { apiDesign, expectClose, expectEstimatesAfter, expectWeights, fixtureJson, type EstimatesAfter } from '../inference/testFixtures.js';
import { postStratify } from './postStratify.js';

interface PostStratifyCase {
  id: string;
  design: string;
  variable: string;
  population: Record<string, number>;
  weights: number[];
  estimates: EstimatesAfter;
}

const fixture = fixtureJson<{ postStratify: PostStratifyCase[] }>('models.json');

describe('postStratify matches survey::postStratify (models.json)', () => {
  for (const expected of fixture.postStratify) {
    it(expected.id, () => {
      const api = apiDesign(expected.design);
      const result = postStratify(api.design, { variable: expected.variable, column: api.fac(expected.variable), totals: expected.population });
      expect(result.method).toBe('poststratify');
      expect(result.maxDiscrepancy).toBeLessThan(1e-9);
      expectWeights(result.design.weights, expected.weights, expected.id);
      expectEstimatesAfter(api, result.design, expected.estimates, expected.id);
    });
  }
});

describe('postStratify matches reference.json', () => {
  it('clus1 post-stratified on stype: svymean(~api00) = 642.310788211582 (SE 23.9204864450904)', () => {
    const api = apiDesign('clus1');
    const { design } = postStratify(api.design, { variable: 'stype', column: api.fac('stype'), totals: { E: 4421, H: 755, M: 1018 } });
    const reference = fixtureJson<{ results: { id: string; estimate: number; se: number }[] }>('reference.json');
    const expected = reference.results.find((r) => r.id === 'clus1_poststrat.mean.api00')!;
    expect(expected.estimate).toBe(642.310788211582);
    expectEstimatesAfter(api, design, { ...fixture.postStratify[0]!.estimates, mean_api00: expected }, 'reference clus1_poststrat');
  });

  it('hand-made: weights become w · N_h / Σ_h w (two post-strata)', () => {
    const api = apiDesign('clus1');
    const stype = api.fac('stype');
    const { design } = postStratify(api.design, { variable: 'stype', column: stype, totals: { E: 4421, H: 755, M: 1018 } });
    // apiclus1: every row has pw = 33.847; 144 E, 14 H, 25 M schools.
    expectClose(design.weights[stype.codes.indexOf(stype.levels.indexOf('H'))]!, 755 / 14, 'an H school');
    expectClose(design.weights[stype.codes.indexOf(stype.levels.indexOf('M'))]!, 1018 / 25, 'an M school');
  });

  it('refuses a population total of 0 for a level in the sample', () => {
    const api = apiDesign('clus1');
    try {
      postStratify(api.design, { variable: 'stype', column: api.fac('stype'), totals: { E: 5176, H: 0, M: 1018 } });
      throw new Error('no error');
    } catch (error) {
      expect(isLeakriskError(error)).toBe(true);
      // the level is data: a capitalised word may be a name, so it is shown by its shape
      expect((error as Error).message).toContain('a level (a text of 1 character) of variable "stype"');
    }
  });
});
