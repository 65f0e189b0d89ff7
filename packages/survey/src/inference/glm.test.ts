import { describe, expect, it } from 'vitest';
import { isLeakriskError, type LeakriskError } from '../errors.js';
import { svyglm } from './glm.js';
import type { GlmFamilyName } from './glmFamily.js';
import { apiDesign, apiModelData, expectClose, fixtureJson, modelsDesign } from './testFixtures.js';
import { ACCUMULATIONS, checkUnder } from '../design/testAccumulation.js';

interface GlmCase {
  id: string;
  design: string;
  formula: string;
  family: GlmFamilyName;
  success?: string;
  dfResidual: number;
  nUsed: number;
  coefficients: { term: string; estimate: number; se: number; t: number; pValue: number }[];
}

const fixture = fixtureJson<{ svyglm: GlmCase[] }>('models.json');

describe('svyglm matches survey::svyglm + summary() (models.json)', () => {
  for (const expected of fixture.svyglm) {
    it.each(ACCUMULATIONS)(`${expected.id} [%s]`, (accumulation) => {
      const api = modelsDesign(expected.design);
      checkUnder(api.design, accumulation, (design) => {
        const fit = svyglm(design, apiModelData(api), expected.formula, expected.family, expected.success ? { success: expected.success } : {});
        expect(fit.coefficients.map((c) => c.term)).toEqual(expected.coefficients.map((c) => c.term));
        expect(fit.dfResidual).toBe(expected.dfResidual);
        expect(fit.n).toBe(expected.nUsed);
        expect(fit.converged).toBe(true);
        expected.coefficients.forEach((want, a) => {
          const got = fit.coefficients[a]!;
          expectClose(got.estimate, want.estimate, `${expected.id} ${want.term} estimate`);
          expectClose(got.se, want.se, `${expected.id} ${want.term} SE`);
          expectClose(got.t, want.t, `${expected.id} ${want.term} t`);
          expectClose(got.pValue, want.pValue, `${expected.id} ${want.term} p`);
        });
      });
    });
  }
});

interface ReferenceEntry {
  id: string;
  design: string;
  estimate: number;
  se: number;
}

describe('svyglm matches reference.json (R 4.2.2, survey 4.1-1)', () => {
  const reference = fixtureJson<{ results: ReferenceEntry[] }>('reference.json').results;
  const designs = ['strat', 'strat_nofpc', 'clus1', 'clus1_nofpc', 'clus2'];
  for (const name of designs) {
    for (const [kind, formula, family] of [
      ['glm_gaussian', 'api00 ~ ell + meals + mobility', 'gaussian'],
      ['glm_quasibinomial', 'sch.wide ~ ell + meals', 'quasibinomial'],
    ] as const) {
      it.each(ACCUMULATIONS)(`${name}.${kind} [%s]`, (accumulation) => {
        const api = apiDesign(name);
        checkUnder(api.design, accumulation, (design) => {
          const fit = svyglm(design, apiModelData(api), formula, family, { success: 'Yes' });
          for (const coefficient of fit.coefficients) {
            const want = reference.find((r) => r.id === `${name}.${kind}.${coefficient.term}`)!;
            expect(want, `${name}.${kind}.${coefficient.term} in reference.json`).toBeDefined();
            expectClose(coefficient.estimate, want.estimate, `${want.id} estimate`);
            expectClose(coefficient.se, want.se, `${want.id} SE`);
          }
          expect(fit.coefficients).toHaveLength(family === 'gaussian' ? 4 : 3);
        });
      });
    }
  }
});

describe('svyglm errors', () => {
  const api = apiDesign('strat');
  const data = apiModelData(api);
  const catchError = (fn: () => unknown): LeakriskError => {
    try {
      fn();
    } catch (error) {
      expect(isLeakriskError(error)).toBe(true);
      return error as LeakriskError;
    }
    throw new Error('expected a LeakriskError');
  };

  it('a singular design matrix names the collinear term', () => {
    const twiceMeals = api.num('meals').map((v) => 2 * v);
    const error = catchError(() => svyglm(api.design, (name) => (name === 'meals2' ? twiceMeals : data(name)), 'api00 ~ meals + ell + meals2', 'gaussian'));
    expect(error.message).toContain('"meals2"');
    expect(error.message).toContain('singular');
  });

  it('a constant column is aliased with the intercept and named', () => {
    const constant = new Float64Array(api.design.nrow).fill(3);
    const error = catchError(() => svyglm(api.design, (name) => (name === 'three' ? constant : data(name)), 'api00 ~ ell + three', 'gaussian'));
    expect(error.message).toContain('"three"');
  });

  it('a categorical quasibinomial response without success lists its levels', () => {
    const error = catchError(() => svyglm(api.design, data, 'sch.wide ~ ell', 'quasibinomial'));
    expect(error.message).toContain('No, Yes');
  });

  it('an unknown variable is named', () => {
    const error = catchError(() => svyglm(api.design, { api00: api.num('api00') }, 'api00 ~ nothere', 'gaussian'));
    expect(error.column).toBe('nothere');
  });
});
