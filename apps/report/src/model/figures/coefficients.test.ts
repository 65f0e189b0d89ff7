import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { en, ur } from '../../i18n/index.js';
import type { AnalysisResult } from '../../results/types.js';
import { Labels } from '../labels.js';
import { collectTests } from '../significanceTests.js';
import { coefficientFigure } from './coefficients.js';
import type { FigureInputs } from './spec.js';

const document = new JSDOM('<!doctype html><html><body></body></html>').window.document;
function inputsFor(analyses: AnalysisResult[], warnings: string[] = []): FigureInputs {
  return {
    labels: new Labels(undefined, { en, ur }),
    strings: { en, ur },
    minBase: 30,
    sampleSize: 3000,
    designDf: 290,
    tests: collectTests(analyses, 30),
    warnings,
  };
}

const logistic: AnalysisResult = {
  id: 'logit',
  type: 'glm',
  formula: 'blames ~ region + age',
  family: 'quasibinomial',
  rows: [
    { term: '(Intercept)', estimate: -0.2, se: 0.1, ciLow: -0.4, ciHigh: 0, pValue: 0.04, n: 2900 },
    { term: 'regionchagai', estimate: 12.19, se: 0.68, ciLow: 10.85, ciHigh: 13.53, pValue: 6e-71, pAdjusted: 1e-69, n: 4, separation: true },
    { term: 'regionquetta', estimate: 0.5, se: 0.1, ciLow: 0.3, ciHigh: 0.7, pValue: 1e-6, pAdjusted: 1e-5, n: 410 },
    { term: 'age', estimate: -0.02, se: 0.004, ciLow: -0.028, ciHigh: -0.012, pValue: 0.01, pAdjusted: 0.02, n: 2900 },
  ],
};

describe('coefficientFigure', () => {
  const figure = coefficientFigure(inputsFor([logistic]), 'coef-logit', logistic)!;
  const drawn = figure.draw(document, 'en', 'c');

  it('never plots a term fitted on 4 respondents, nor marks it significant', () => {
    const svg = drawn.svg!;
    expect(svg.querySelectorAll('.row')).toHaveLength(2);
    expect(svg.textContent).not.toContain('chagai');
    const row = drawn.table.rows.find((cells) => cells[0]!.includes('chagai'))!;
    expect(row.slice(1, 7)).toEqual(['suppressed', '–', '–', '–', '–', '–']);
    expect(row[7]).toBe('fewer than 30');
    expect(figure.hasSuppressed).toBe(true);
  });

  it('leaves the suppressed term’s numbers out of the CSV', () => {
    const header = figure.csv.header;
    const chagai = figure.csv.rows.find((row) => row[0] === 'regionchagai')!;
    const at = (name: string) => chagai[header.indexOf(name)];
    for (const name of ['coefficient', 'ci_low', 'ci_high', 'odds_ratio', 'se', 'p_value', 'p_adjusted', 'n']) expect(at(name)).toBeNull();
    expect([at('suppressed'), at('separation'), at('significant_bh')]).toEqual([true, true, false]);
  });

  it('shows a logistic model as odds ratios (exp of the intervals the results give), on a log scale', () => {
    const quetta = drawn.table.rows.find((cells) => cells[0]!.includes('quetta'))!;
    expect(quetta.slice(1, 4)).toEqual([Math.exp(0.5).toFixed(2), Math.exp(0.3).toFixed(2), Math.exp(0.7).toFixed(2)]);
    expect(drawn.table.head[1]).toBe('Odds ratio');
    expect(drawn.svg!.textContent).toContain('Odds ratio (log scale)');
    const header = figure.csv.header;
    const row = figure.csv.rows.find((cells) => cells[0] === 'regionquetta')!;
    expect(row[header.indexOf('odds_ratio_ci_low')]).toBeCloseTo(Math.exp(0.3), 12);
    expect(row[header.indexOf('significant_bh')]).toBe(true);
  });

  it('describes the model in words and the terms from their names', () => {
    expect(figure.questions[0]!.en).toBe('Logistic regression of blames on region and age.');
    expect(drawn.table.rows.map((cells) => cells[0])).toEqual(['Region: chagai', 'Region: quetta', 'Age (per year)']);
  });

  it('says "difference" on a linear model’s axis, and computes the interval only for an older results file, with a warning', () => {
    const warnings: string[] = [];
    const linear: AnalysisResult = {
      id: 'lin',
      type: 'glm',
      formula: 'score ~ age',
      family: 'gaussian',
      rows: [{ term: 'age', estimate: 0.5, se: 0.1, df: 100, pValue: 0.001, pAdjusted: 0.002, n: 500 }],
    };
    const old = coefficientFigure(inputsFor([linear], warnings), 'coef-lin', linear)!;
    // confint.svyglm: 0.5 ± qt(0.975, 100)·0.1, qt(0.975, 100) = 1.983971519.
    expect(old.csv.rows[0]![3]).toBeCloseTo(0.5 - 1.983971519 * 0.1, 8);
    expect(warnings.join(' ')).toMatch(/"lin" has no ciLow\/ciHigh.*older leakrisk/);
    expect(old.draw(document, 'en', 'l').svg!.textContent).toContain('Difference in score, with 95% CI');
  });

  it('draws an ordinal model’s coefficients as odds ratios of a higher answer with confint.default intervals, not its cut points', () => {
    const ordinal: AnalysisResult = {
      id: 'olr',
      type: 'ordinal',
      formula: 'q ~ age',
      link: 'logit',
      rows: [
        { term: 'age', estimate: 0.2, se: 0.05, pValue: 1e-4, pAdjusted: 1e-3, n: 800 },
        { term: '1|2', estimate: -1, se: 0.1, n: 800 },
      ],
    };
    const warnings: string[] = [];
    const figure = coefficientFigure(inputsFor([ordinal], warnings), 'coef-olr', ordinal)!;
    expect(figure.csv.rows.map((row) => row[0])).toEqual(['age']);
    expect(figure.csv.rows[0]![3]).toBeCloseTo(0.2 - 1.959963984540054 * 0.05, 12);
    expect(warnings).toEqual([]);
    const drawn = figure.draw(document, 'ur', 'o');
    expect(drawn.table.head[1]).toBe('اوڈز ریشو');
    expect(drawn.svg!.textContent).toContain('بلند تر جواب کا اوڈز ریشو');
  });
});
