import { describe, expect, it } from 'vitest';
import { isLeakriskError } from '../errors.js';
import { apiDesign, expectClose, expectEstimatesAfter, expectWeights, fixtureJson, type EstimatesAfter } from '../inference/testFixtures.js';
import { calibrateLinear, calibrateLinearTotals } from './linear.js';

interface LinearCase {
  id: string;
  design: string;
  margins?: Record<string, Record<string, number>>;
  totals?: Record<string, number>;
  columns?: string[];
  weights: number[];
  estimates: EstimatesAfter;
}

const fixture = fixtureJson<{ calibrateLinear: LinearCase[] }>('models.json');

describe('linear calibration matches survey::calibrate(calfun = "linear") (models.json)', () => {
  for (const expected of fixture.calibrateLinear) {
    it(expected.id, () => {
      const api = apiDesign(expected.design);
      let result: ReturnType<typeof calibrateLinear>;
      if (expected.margins !== undefined) {
        const margins = Object.entries(expected.margins).map(([variable, totals]) => ({ variable, column: api.fac(variable), totals }));
        result = calibrateLinear(api.design, margins);
      } else {
        // ~stype + api99: intercept, stypeH, stypeM, api99.
        const stype = api.fac('stype');
        const indicator = (level: string) => Float64Array.from(stype.codes, (c) => (stype.levels[c] === level ? 1 : 0));
        const columns = [
          { name: '(Intercept)', values: new Float64Array(api.design.nrow).fill(1) },
          { name: 'stypeH', values: indicator('H') },
          { name: 'stypeM', values: indicator('M') },
          { name: 'api99', values: api.num('api99') },
        ];
        result = calibrateLinearTotals(
          api.design,
          columns,
          expected.columns!.map((name) => expected.totals![name]!),
        );
      }
      expect(result.method).toBe('linear');
      expectWeights(result.design.weights, expected.weights, expected.id);
      expectEstimatesAfter(api, result.design, expected.estimates, expected.id);
    });
  }
});

describe('linear calibration on hand-made checks', () => {
  it('calibrated weights reproduce every margin exactly', () => {
    const api = apiDesign('strat');
    const result = calibrateLinear(api.design, [
      { variable: 'sch.wide', column: api.fac('sch.wide'), totals: { No: 1300, Yes: 4894 } },
      { variable: 'awards', column: api.fac('awards'), totals: { No: 2500, Yes: 3694 } },
    ]);
    expect(result.maxDiscrepancy).toBeLessThan(1e-8);
    let sum = 0;
    for (const w of result.design.weights) sum += w;
    expectClose(sum, 6194, 'sum of GREG weights', 1e-12);
  });

  it('a calibration column that repeats another is refused, naming it', () => {
    const api = apiDesign('clus1');
    const ones = new Float64Array(api.design.nrow).fill(1);
    try {
      calibrateLinearTotals(
        api.design,
        [
          { name: '(Intercept)', values: ones },
          { name: 'twice', values: ones.map((v) => 2 * v) },
        ],
        [6194, 12388],
      );
      throw new Error('no error');
    } catch (error) {
      expect(isLeakriskError(error)).toBe(true);
      expect((error as Error).message).toContain('"twice"');
    }
  });
});
