import { describe, expect, it } from 'vitest';
import { isLeakriskError } from '../errors.js';
import { svyttest } from './ttest.js';
import { expectClose, fixtureJson, modelsDesign } from './testFixtures.js';
import { ACCUMULATIONS, checkUnder } from '../design/testAccumulation.js';

interface TTestCase {
  id: string;
  design: string;
  variable: string;
  by: string;
  estimate: number;
  se: number;
  t: number;
  df: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
}

const fixture = fixtureJson<{ svyttest: TTestCase[] }>('models.json');

describe('svyttest matches survey::svyttest (models.json)', () => {
  for (const expected of fixture.svyttest) {
    it.each(ACCUMULATIONS)(`${expected.id} [%s]`, (accumulation) => {
      const api = modelsDesign(expected.design);
      checkUnder(api.design, accumulation, (design) => {
        const result = svyttest(design, { name: expected.variable, values: api.num(expected.variable) }, { name: expected.by, column: api.fac(expected.by) });
        expect(result.levels).toEqual(['No', 'Yes']);
        expect(result.df).toBe(expected.df);
        for (const key of ['estimate', 'se', 't', 'pValue', 'ciLow', 'ciHigh'] as const) {
          expectClose(result[key], expected[key], `${expected.id} ${key}`);
        }
      });
    });
  }
});

describe('svyttest choices', () => {
  it('naming the levels in reverse order flips the sign of the difference', () => {
    const api = modelsDesign('strat');
    const expected = fixture.svyttest.find((t) => t.id === 'strat.ttest.api00.sch.wide')!;
    const result = svyttest(
      api.design,
      { name: 'api00', values: api.num('api00') },
      { name: 'sch.wide', column: api.fac('sch.wide') },
      { levels: ['Yes', 'No'] },
    );
    expectClose(result.estimate, -expected.estimate, 'reversed difference');
    expectClose(result.se, expected.se, 'same SE');
  });

  it('a group with three levels is refused unless two are named', () => {
    const api = modelsDesign('clus1');
    const values = api.num('api00');
    const group = { name: 'stype', column: api.fac('stype') };
    try {
      svyttest(api.design, { name: 'api00', values }, group);
      throw new Error('no error');
    } catch (error) {
      expect(isLeakriskError(error)).toBe(true);
      expect((error as Error).message).toContain('3 level(s)');
    }
    const result = svyttest(api.design, { name: 'api00', values }, group, { levels: ['E', 'M'] });
    expect(result.levels).toEqual(['E', 'M']);
    expect(Number.isFinite(result.t)).toBe(true);
  });
});
