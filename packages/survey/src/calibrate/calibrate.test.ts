import { describe, expect, it } from 'vitest';
import { isLeakriskError } from '../errors.js';
import { apiDesign, expectClose, fixtureJson } from '../inference/testFixtures.js';
import { calibrateDesign } from './calibrate.js';

describe('calibrateDesign dispatches the plan methods', () => {
  const api = apiDesign('clus1');
  const stype = { variable: 'stype', column: api.fac('stype'), totals: { E: 4421, H: 755, M: 1018 } };
  const schWide = { variable: 'sch.wide', column: api.fac('sch.wide'), totals: { No: 1072, Yes: 5122 } };
  const fixture = fixtureJson<{ rake: { id: string; weights: number[]; iterations: number }[]; postStratify: { id: string; weights: number[] }[] }>(
    'models.json',
  );

  it("rake gives R's raked weights and passes", () => {
    const expected = fixture.rake.find((r) => r.id === 'clus1.rake.stype_schwide')!;
    const result = calibrateDesign(api.design, 'rake', [stype, schWide]);
    expect(result.iterations).toBe(expected.iterations);
    expectClose(result.design.weights[0]!, expected.weights[0]!, 'first raked weight');
  });

  it("poststratify gives R's post-stratified weights", () => {
    const expected = fixture.postStratify.find((r) => r.id === 'clus1.poststratify.stype')!;
    const result = calibrateDesign(api.design, 'poststratify', [stype]);
    expectClose(result.design.weights[0]!, expected.weights[0]!, 'first post-stratified weight');
  });

  it('poststratify with two margins is refused with a fix', () => {
    try {
      calibrateDesign(api.design, 'poststratify', [stype, schWide]);
      throw new Error('no error');
    } catch (error) {
      expect(isLeakriskError(error)).toBe(true);
      expect((error as { fix?: string }).fix).toContain('rake');
    }
  });
});
