import { describe, expect, it } from 'vitest';
import { apiDesign, expectClose, expectEstimatesAfter, expectWeights, fixtureJson, type EstimatesAfter } from '../inference/testFixtures.js';
import { calibrateLinearTotals } from './linear.js';
import { trimWeights } from './trim.js';

interface TrimCase {
  id: string;
  base: string;
  lower?: number;
  upper: number;
  strict: boolean;
  weights: number[];
  estimates: EstimatesAfter;
}

const fixture = fixtureJson<{ trimWeights: TrimCase[] }>('models.json');

function baseDesign(base: string) {
  if (base === 'clus1.calibrate.stype_api99') {
    const api = apiDesign('clus1');
    const stype = api.fac('stype');
    const indicator = (level: string) => Float64Array.from(stype.codes, (c) => (stype.levels[c] === level ? 1 : 0));
    const { design } = calibrateLinearTotals(
      api.design,
      [
        { name: '(Intercept)', values: new Float64Array(api.design.nrow).fill(1) },
        { name: 'stypeH', values: indicator('H') },
        { name: 'stypeM', values: indicator('M') },
        { name: 'api99', values: api.num('api99') },
      ],
      [6194, 755, 1018, 3914069],
    );
    return { api, design };
  }
  const api = apiDesign(base);
  return { api, design: api.design };
}

describe('trimWeights matches survey::trimWeights (models.json)', () => {
  for (const expected of fixture.trimWeights) {
    it(expected.id, () => {
      const { api, design } = baseDesign(expected.base);
      const result = trimWeights(design, {
        ...(expected.lower !== undefined ? { lower: expected.lower } : {}),
        upper: expected.upper,
        strict: expected.strict,
      });
      expectWeights(result.design.weights, expected.weights, expected.id);
      expectEstimatesAfter(api, result.design, expected.estimates, expected.id);
    });
  }
});

describe('trimWeights by hand', () => {
  it('keeps the sum of weights and spreads the excess equally over the rows inside the bounds', () => {
    const api = apiDesign('strat');
    // apistrat weights: E 44.21, H 15.1, M 20.36 (100, 50, 50 rows); sum 6194.
    const result = trimWeights(api.design, { upper: 40 });
    const excess = 100 * (44.21 - 40);
    expectClose(result.design.weights[0]!, 40, 'a trimmed E school');
    const hSchool = Array.from(api.fac('stype').codes).indexOf(api.fac('stype').levels.indexOf('H'));
    expectClose(result.design.weights[hSchool]!, 15.1 + excess / 100, 'an H school gets excess / 100');
    expect(result.trimmed).toBe(100);
    let sum = 0;
    let before = 0;
    for (const w of result.design.weights) sum += w;
    for (const w of api.design.weights) before += w;
    expectClose(sum, before, 'sum of trimmed weights', 1e-12);
  });

  it('returns the design unchanged when no weight is out of bounds', () => {
    const api = apiDesign('strat');
    const result = trimWeights(api.design, { lower: 1, upper: 100 });
    expect(result.design).toBe(api.design);
    expect(result.trimmed).toBe(0);
  });
});
