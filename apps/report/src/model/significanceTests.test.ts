import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../results/types.js';
import { collectTests, isSignificant } from './significanceTests.js';

// The README's worked example, as issue 10 found it: a logistic term fitted on 4 respondents
// (complete separation: log-odds 12.19, p ≈ 6e-71).
const logistic: AnalysisResult = {
  id: 'logit',
  type: 'glm',
  formula: 'blames ~ region + age',
  family: 'quasibinomial',
  rows: [
    { term: '(Intercept)', estimate: -0.2, se: 0.1, t: -2, pValue: 0.04, n: 2900 },
    { term: 'regionchagai', estimate: 12.19, se: 0.68, t: 17.9, pValue: 6e-71, pAdjusted: 1e-69, n: 4, separation: true },
    { term: 'regionquetta', estimate: 0.5, se: 0.1, t: 5, pValue: 1e-6, pAdjusted: 1e-5, n: 410 },
    { term: 'age', estimate: 0.01, se: 0.004, t: 2.5, pValue: 0.01, pAdjusted: 0.02, n: 2900 },
  ],
};

describe('collectTests', () => {
  const tests = collectTests([logistic], 30);
  it('takes every model term but the intercept, with its base', () => {
    expect(tests.map((test) => [test.term, test.n])).toEqual([
      ['regionchagai', 4],
      ['regionquetta', 410],
      ['age', 2900],
    ]);
  });
  it('suppresses a term fitted on 4 respondents, and never counts it significant', () => {
    const chagai = tests[0]!;
    expect(chagai.suppressed).toBe(true);
    expect(chagai.caution).toBe('separation');
    expect(isSignificant(chagai)).toBe(false);
    expect(isSignificant(tests[1]!)).toBe(true);
  });
  it('suppresses by minBase alone, and marks separation on its own', () => {
    const separatedButLarge = collectTests(
      [{ ...logistic, rows: [{ term: 'regionchagai', estimate: 12, pAdjusted: 1e-9, n: 400, separation: true }] }],
      30,
    )[0]!;
    expect(separatedButLarge.suppressed).toBe(false);
    expect(isSignificant(separatedButLarge)).toBe(false);
    const smallOnly = collectTests([{ ...logistic, rows: [{ term: 'regionquetta', estimate: 1, pAdjusted: 1e-9, n: 29 }] }], 30)[0]!;
    expect([smallOnly.suppressed, smallOnly.caution, isSignificant(smallOnly)]).toEqual([true, null, false]);
  });
  it('presents no term of a fit that warned as a finding', () => {
    const warned = collectTests([{ ...logistic, warnings: ['fitted probabilities numerically 0 or 1 occurred'] }], 30);
    expect(warned.every((test) => test.caution !== null && !isSignificant(test))).toBe(true);
  });
  it('leaves out the cut points of an ordinal model', () => {
    const ordinal: AnalysisResult = {
      id: 'olr',
      type: 'ordinal',
      formula: 'q ~ gender',
      rows: [
        { term: 'gendermale', estimate: 0.5, pAdjusted: 0.01, n: 500 },
        { term: '1|2', estimate: -1 },
        { term: '2|3', estimate: 1 },
      ],
    };
    expect(collectTests([ordinal], 30).map((test) => test.term)).toEqual(['gendermale']);
  });
});
