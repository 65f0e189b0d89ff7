import { describe, expect, it } from 'vitest';
import { rake } from '../calibrate/rake.js';
import { buildDesign } from '../design/design.js';
import type { SurveyDesign } from '../design/types.js';
import { isLeakriskError, type LeakriskError } from '../errors.js';
import { factorColumn, numericColumn } from '../io/columns.js';
import { parseCsvText } from '../io/csv.js';
import { dictionaryColumn } from '../table/dictionaryColumn.js';
import { svyolr } from './olr.js';
import type { OrdinalLink } from './ordinalLinks.js';
import { apiTable, expectClose, fixtureJson } from './testFixtures.js';

interface OlrCase {
  id: string;
  design: 'stratclus' | 'srs' | 'raked';
  formula: string;
  link: OrdinalLink;
  levels: string[];
  dfResidual: number;
  nUsed: number;
  rows: {
    term: string;
    kind: 'coefficient' | 'cutpoint';
    estimate: number;
    se: number;
    t: number;
    pValue: number;
    ciLow: number;
    ciHigh: number;
    n: number;
  }[];
  covariance: number[][];
}

// Expected values: test/fixtures/ordinal.json, made by scripts/reference/ordinal.R (R survey 4.1-1
// svyolr, its optimiser run to tight convergence) from the synthetic test/fixtures/ordinal.csv.
const fixture = fixtureJson<{
  calibration: Record<'area' | 'education', Record<string, number>>;
  svyolr: OlrCase[];
  errors: { twoLevels: string };
}>('ordinal.json');
const table = apiTable('ordinal.csv');
const factors = new Set(['gender', 'area', 'education', 'vb1', 'vb2']);
const data = (name: string) => (factors.has(name) ? factorColumn(table, name) : numericColumn(table, name));

function designOf(name: OlrCase['design']): SurveyDesign {
  if (name === 'srs') return buildDesign(table, {});
  const stratclus = buildDesign(table, { ids: ['psu'], strata: 'stratum', fpc: ['fpc'], weights: 'weight', nest: true });
  if (name === 'stratclus') return stratclus;
  return rake(stratclus, [
    { variable: 'area', column: factorColumn(table, 'area'), totals: fixture.calibration.area },
    { variable: 'education', column: factorColumn(table, 'education'), totals: fixture.calibration.education },
  ]).design;
}

describe('svyolr matches survey::svyolr + summary() (ordinal.json)', () => {
  for (const expected of fixture.svyolr) {
    it(expected.id, () => {
      const fit = svyolr(designOf(expected.design), data, expected.formula, expected.link);
      expect(fit.converged).toBe(true);
      expect(fit.warnings).toEqual([]);
      expect(fit.levels).toEqual(expected.levels);
      expect(fit.n).toBe(expected.nUsed);
      expect(fit.dfResidual).toBe(expected.dfResidual);
      expect(fit.rows.map((r) => [r.term, r.kind])).toEqual(expected.rows.map((r) => [r.term, r.kind]));
      expected.rows.forEach((want, j) => {
        const got = fit.rows[j]!;
        const label = `${expected.id} ${want.term}`;
        expectClose(got.estimate, want.estimate, `${label} estimate`);
        expectClose(got.se, want.se, `${label} SE`);
        expectClose(got.t, want.t, `${label} t`);
        expectClose(got.pValue, want.pValue, `${label} p`);
        expectClose(got.ciLow, want.ciLow, `${label} ciLow`);
        expectClose(got.ciHigh, want.ciHigh, `${label} ciHigh`);
        expect(got.n, `${label} n`).toBe(want.n);
        expect(got.separation).toBe(false);
      });
      const d = expected.rows.length;
      for (let a = 0; a < d; a++) {
        for (let b = 0; b < d; b++) {
          // off-diagonal covariances relative to the scale of the variances they join
          const scale = Math.sqrt(expected.covariance[a]![a]! * expected.covariance[b]![b]!);
          expect(Math.abs(fit.covariance[a * d + b]! - expected.covariance[a]![b]!) / scale, `${expected.id} vcov[${a}, ${b}]`).toBeLessThan(1e-6);
        }
      }
    });
  }
});

function catchError(fn: () => unknown): LeakriskError {
  try {
    fn();
  } catch (error) {
    expect(isLeakriskError(error)).toBe(true);
    return error as LeakriskError;
  }
  throw new Error('expected a LeakriskError');
}

/** A design and model variables from a small hand-made table. */
function handMade(lines: string[], factorNames: string[]) {
  const hand = parseCsvText(lines.join('\n'), 'hand.csv');
  return {
    design: buildDesign(hand, { weights: 'weight' }),
    data: (name: string) => (factorNames.includes(name) ? factorColumn(hand, name) : numericColumn(hand, name)),
  };
}

describe('svyolr refuses what R refuses', () => {
  const stratclus = designOf('stratclus');

  it('a response with two answers among the rows used (R: response must have 3 or more levels)', () => {
    expect(fixture.errors.twoLevels).toBe('response must have 3 or more levels');
    const two = handMade(['weight,y,x', '1,1,3', '2,2,4', '1,1,5', '2,2,1', '1,3,'], []);
    const error = catchError(() => svyolr(two.design, two.data, 'y ~ x'));
    expect(error.message).toContain('needs a response with 3 or more answers among the rows used, but "y" has 2');
  });

  it('a formula without an intercept', () => {
    expect(catchError(() => svyolr(stratclus, data, 'vb1 ~ age - 1')).message).toContain('drops the intercept');
  });

  it('a factor with a single level among the rows used names it', () => {
    const one = handMade(['weight,y,x,g', '1,1,3,a', '2,2,4,a', '1,3,5,a', '2,2,1,a', '1,3,2,a', '1,1,,b'], ['g']);
    const error = catchError(() => svyolr(one.design, one.data, 'y ~ x + g'));
    expect(error.message).toContain('the factor "g" has a single level among the 5 rows used');
  });

  it('collinear terms are named', () => {
    const twiceAge = numericColumn(table, 'age').map((v) => 2 * v);
    const error = catchError(() => svyolr(stratclus, (name) => (name === 'age2' ? twiceAge : data(name)), 'vb1 ~ age + age2'));
    expect(error.message).toContain('"age2" is a linear combination');
  });
});

describe('svyolr by hand', () => {
  it('a numeric response takes its values as levels in numeric order; cut points are named from them', () => {
    const rows = ['weight,y,x'];
    for (let k = 0; k < 40; k++) rows.push(`${1 + (k % 3)},${[2, 10, 7][(k * 7 + (k >> 2)) % 3]},${k % 5}`);
    const hand = handMade(rows, []);
    const fit = svyolr(hand.design, hand.data, 'y ~ x');
    expect(fit.levels).toEqual(['2', '7', '10']);
    expect(fit.rows.map((r) => r.term)).toEqual(['x', '2|7', '7|10']);
    expect(fit.rows.map((r) => r.n)).toEqual([40, 40, 40]);
  });

  it('an answer no used row gives is dropped (levels of the rows used)', () => {
    const levels = ['1', '2', '3', '4', '5'];
    const y = dictionaryColumn(
      Int32Array.from({ length: 60 }, (_, k) => [0, 1, 3, 4][(k * 5 + (k >> 3)) % 4]!),
      levels,
    );
    const x = Float64Array.from({ length: 60 }, (_, k) => (k % 7) - 3);
    const design = buildDesign(parseCsvText(['w', ...x.map(() => 1)].join('\n'), 'hand.csv'), { weights: 'w' });
    const fit = svyolr(design, (name) => (name === 'y' ? y : x), 'y ~ x');
    expect(fit.levels).toEqual(['1', '2', '4', '5']);
    expect(fit.rows.map((r) => r.term)).toEqual(['x', '1|2', '2|4', '4|5']);
  });

  it('the cut points of a model with no effect are F⁻¹ of the weighted cumulative shares', () => {
    // x is balanced against y, so β = 0 and ζ_j = logit(share of answers ≤ j): weights 1 and 3
    const lines = ['weight,y,x'];
    for (const y of [1, 2, 3]) for (const x of [0, 1]) lines.push(`1,${y},${x}`, `3,${y},${x}`);
    const hand = handMade(lines, []);
    const fit = svyolr(hand.design, hand.data, 'y ~ x');
    expect(Math.abs(fit.rows[0]!.estimate)).toBeLessThan(1e-12);
    expect(fit.rows[1]!.estimate).toBeCloseTo(Math.log(1 / 2), 12);
    expect(fit.rows[2]!.estimate).toBeCloseTo(Math.log(2), 12);
    const probit = svyolr(hand.design, hand.data, 'y ~ x', 'probit');
    expect(probit.rows[1]!.estimate).toBeCloseTo(-0.4307272992954576, 12); // qnorm(1/3)
    const cloglog = svyolr(hand.design, hand.data, 'y ~ x', 'cloglog');
    expect(cloglog.rows[2]!.estimate).toBeCloseTo(-Math.log(-Math.log(2 / 3)), 12);
  });

  it('a group whose answers all sit at the top: separation is marked and warned about', () => {
    const lines = ['weight,y,g,x'];
    for (let k = 0; k < 30; k++) lines.push(`${1 + (k % 2)},${1 + ((k * 7) % 4)},a,${k % 6}`);
    for (let k = 0; k < 5; k++) lines.push(`1,4,b,${k}`);
    const hand = handMade(lines, ['g']);
    const fit = svyolr(hand.design, hand.data, 'y ~ x + g');
    expect(fit.rows.filter((r) => r.separation).map((r) => r.term)).toEqual(['gb']);
    expect(fit.warnings).toHaveLength(1);
    expect(fit.warnings[0]).toMatch(/^separation: the answers of 5 respondents are predicted with certainty .* the estimate of ‘gb’ grows without bound/);
  });
});
