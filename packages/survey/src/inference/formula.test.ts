import { describe, expect, it } from 'vitest';
import { isLeakriskError } from '../errors.js';
import { parseFormula } from './formula.js';

describe('parseFormula reads R model formulas', () => {
  it('main effects keep their order', () => {
    expect(parseFormula('vb1 ~ age + gender + area')).toEqual({
      response: 'vb1',
      terms: [['age'], ['gender'], ['area']],
      intercept: true,
      variables: ['age', 'gender', 'area'],
    });
  });

  it('a*b + c orders terms as R does: a, b, c, a:b', () => {
    expect(parseFormula('y ~ a*b + c').terms).toEqual([['a'], ['b'], ['c'], ['a', 'b']]);
  });

  it('-1 and +0 drop the intercept; backticks and dots in names', () => {
    expect(parseFormula('y ~ x - 1').intercept).toBe(false);
    expect(parseFormula('y ~ 0 + x').intercept).toBe(false);
    expect(parseFormula('`my var` ~ sch.wide + acs.k3').terms).toEqual([['sch.wide'], ['acs.k3']]);
    expect(parseFormula('`my var` ~ x').response).toBe('my var');
  });

  it("writes an interaction's variables in order of first appearance in the formula, as R's terms()", () => {
    // R: colnames(model.matrix(y ~ gender * area + age:area)) has "arearural:age"; y ~ age:area + gender has "age:arearural"
    expect(parseFormula('y ~ gender * area + age:area').terms).toEqual([['gender'], ['area'], ['gender', 'area'], ['area', 'age']]);
    expect(parseFormula('y ~ age:area + gender').terms).toEqual([['gender'], ['age', 'area']]);
    expect(parseFormula('y ~ age:area + gender').variables).toEqual(['age', 'area', 'gender']);
  });

  it('refuses a formula without "~"', () => {
    try {
      parseFormula('y + x');
      throw new Error('no error');
    } catch (error) {
      expect(isLeakriskError(error)).toBe(true);
    }
  });
});
