import { describe, expect, it } from 'vitest';
import { isLeakriskError, type LeakriskError } from '../errors.js';
import { buildDesign } from '../design/design.js';
import { factorColumn, numericColumn } from '../io/columns.js';
import { parseCsvText } from '../io/csv.js';
import { dictionaryColumn } from '../table/dictionaryColumn.js';
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
  coefficients: GlmRow[];
}

interface GlmRow {
  term: string;
  estimate: number;
  se: number;
  t: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
  n: number;
}

const fixture = fixtureJson<{
  svyglm: GlmCase[];
  separation: { data: Record<string, number | string>[]; iterations: number; dfResidual: number; coefficients: GlmRow[] };
  singleLevel: string;
}>('models.json');

describe('svyglm matches survey::svyglm + summary() (models.json)', () => {
  for (const expected of fixture.svyglm) {
    it.each(ACCUMULATIONS)(`${expected.id} [%s]`, (accumulation) => {
      // Only schools that met their schoolwide target get awards: every sch.wide = No school has
      // awards = No, so awards ~ sch.wide is separated (R's estimates of sch.wideYes are about 19).
      const separated = expected.formula.startsWith('awards ~') ? ['(Intercept)', 'sch.wideYes'] : [];
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
          expectClose(got.ciLow, want.ciLow, `${expected.id} ${want.term} confint lower`);
          expectClose(got.ciHigh, want.ciHigh, `${expected.id} ${want.term} confint upper`);
          expect(got.n, `${expected.id} ${want.term} n`).toBe(want.n);
          expect(got.separation, `${expected.id} ${want.term} separation`).toBe(separated.includes(want.term));
        });
        if (separated.length === 0) expect(fit.warnings).toEqual([]);
        else {
          expect(fit.warnings).toHaveLength(1);
          expect(fit.warnings[0]).toMatch(
            /^quasi-complete separation: .* the estimates of terms ‘\(Intercept\)’ \(n = \d+\), ‘sch.wideYes’ \(n = \d+\) grow without bound/,
          );
        }
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

function catchError(fn: () => unknown): LeakriskError {
  try {
    fn();
  } catch (error) {
    expect(isLeakriskError(error)).toBe(true);
    return error as LeakriskError;
  }
  throw new Error('expected a LeakriskError');
}

describe('svyglm errors', () => {
  const api = apiDesign('strat');
  const data = apiModelData(api);

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
    expect(error.message).toContain('(2 values, not shown (they may identify someone))');
  });

  it('an unknown variable is named', () => {
    const error = catchError(() => svyglm(api.design, { api00: api.num('api00') }, 'api00 ~ nothere', 'gaussian'));
    expect(error.column).toBe('nothere');
  });
});

/** A design and model variables from a small hand-made table (CSV text, first row the header). */
function handMade(csv: string, factors: string[]) {
  const table = parseCsvText(csv, 'hand.csv');
  const design = buildDesign(table, { weights: 'weight' });
  const data = (name: string) => (factors.includes(name) ? factorColumn(table, name) : numericColumn(table, name));
  return { design, data };
}

describe('svyglm term counts (n)', () => {
  // 8 respondents; row 8 has no area, so 7 rows are used.
  const { design, data } = handMade(
    [
      'weight,y,age,gender,area',
      '1,3,20,female,rural',
      '2,4,31,male,rural',
      '1,2,44,female,urban',
      '3,5,25,male,urban',
      '1,1,52,male,urban',
      '2,4,38,female,rural',
      '1,3,29,male,rural',
      '2,2,41,female,',
    ].join('\n'),
    ['gender', 'area'],
  );

  it('factor levels count the rows at that level; the intercept and numeric terms every row used', () => {
    const fit = svyglm(design, data, 'y ~ age + gender + area', 'gaussian');
    expect(fit.n).toBe(7);
    // male: rows 2, 4, 5, 7; urban: rows 3, 4, 5
    expect(fit.coefficients.map((c) => [c.term, c.n])).toEqual([
      ['(Intercept)', 7],
      ['age', 7],
      ['gendermale', 4],
      ['areaurban', 3],
    ]);
  });

  it('an interaction of factors counts the rows where all its levels hold; a numeric interaction, its factor levels', () => {
    const fit = svyglm(design, data, 'y ~ gender * area + age:area', 'gaussian');
    // male and urban: rows 4, 5
    expect(fit.coefficients.map((c) => [c.term, c.n])).toEqual([
      ['(Intercept)', 7],
      ['gendermale', 4],
      ['areaurban', 3],
      ['gendermale:areaurban', 2],
      ['arearural:age', 4],
      ['areaurban:age', 3],
    ]);
  });
});

describe('svyglm refuses a factor with a single level among the rows used (R: contrasts need 2 or more levels)', () => {
  it('names the factor, as R refuses it (models.json: singleLevel)', () => {
    expect(fixture.singleLevel).toBe('contrasts can be applied only to factors with 2 or more levels');
    // Every row with education2 present is "some" once the rows without age are dropped.
    const { design, data } = handMade(
      ['weight,posts,age,education2', '1,1,,none', '2,0,,none', '1,1,41,some', '2,0,29,some', '1,1,52,some', '2,0,33,some'].join('\n'),
      ['education2'],
    );
    const error = catchError(() => svyglm(design, data, 'posts ~ age + education2', 'quasibinomial'));
    expect(error.message).toContain('"education2" has a single level among the 4 rows used');
    expect(error.message).toContain('contrasts can be applied only to factors with 2 or more levels');
    expect(error.fix).toContain('remove "education2" from the formula');
    // with the row that has "none" back, the same model fits
    const ok = handMade(['weight,posts,age,education2', '1,1,23,none', '2,0,30,none', '1,1,41,some', '2,0,29,some', '1,1,52,some', '2,0,33,some'].join('\n'), [
      'education2',
    ]);
    expect(svyglm(ok.design, ok.data, 'posts ~ age + education2', 'quasibinomial').coefficients).toHaveLength(3);
  });

  it('also when the factor enters only through an interaction', () => {
    const { design, data } = handMade(['weight,y,age,g', '1,1,23,a', '2,3,30,a', '1,2,41,a', '2,5,29,a'].join('\n'), ['g']);
    expect(catchError(() => svyglm(design, data, 'y ~ age:g', 'gaussian')).message).toContain('"g" has a single level');
  });
});

describe('svyglm under separation (models.json: separation, 4 respondents with education "none", all yes)', () => {
  const sep = fixture.separation;
  const header = Object.keys(sep.data[0]!);
  const { design, data } = handMade([header.join(','), ...sep.data.map((row) => header.map((h) => String(row[h])).join(','))].join('\n'), ['education']);
  const fit = svyglm(design, data, 'posts ~ age + education', 'quasibinomial');

  it('gives R’s numbers, as R stops (deviance rule)', () => {
    expect(fit.iterations).toBe(sep.iterations);
    expect(fit.dfResidual).toBe(sep.dfResidual);
    sep.coefficients.forEach((want, a) => {
      const got = fit.coefficients[a]!;
      expect(got.term).toBe(want.term);
      // R stops a diverging fit by its deviance rule; the estimates agree only as far as IRLS has converged
      expectClose(got.estimate, want.estimate, `separation ${want.term} estimate`, 1e-5);
      expect(got.n).toBe(want.n);
    });
  });

  it('marks the terms that grow without bound and warns in plain language', () => {
    expect(fit.coefficients.map((c) => [c.term, c.separation])).toEqual([
      ['(Intercept)', true],
      ['age', false],
      ['educationprimary', true],
      ['educationsecondary', true],
    ]);
    expect(fit.warnings).toEqual([
      'quasi-complete separation: every respondent in some group gives the same answer, so the fitted probabilities of 4 respondents go to 0 or 1, and the estimates of terms ‘(Intercept)’ (n = 16), ‘educationprimary’ (n = 6), ‘educationsecondary’ (n = 6) grow without bound; their estimates, standard errors and p-values are not meaningful (merge small groups, or drop the term)',
    ]);
  });

  it('with the separated group as a non-reference level, only its term is marked', () => {
    const education = data('education') as ReturnType<typeof factorColumn>;
    // "none" last: the reference is "primary"
    const reordered = dictionaryColumn(
      education.codes.map((c) => (c + 2) % 3),
      ['primary', 'secondary', 'none'],
    );
    const again = svyglm(design, (name) => (name === 'education' ? reordered : data(name)), 'posts ~ age + education', 'quasibinomial');
    expect(again.coefficients.filter((c) => c.separation).map((c) => [c.term, c.n])).toEqual([['educationnone', 4]]);
    expect(again.warnings[0]).toContain('the estimate of term ‘educationnone’ (n = 4) grows without bound');
  });

  it('on a large sample, where R stops while the separated fitted values are still 1e-5 from 1 (the README case)', () => {
    // 10,000 respondents; the 4 who prefer not to give their gender all say yes. R's deviance rule stops
    // when those 4 change the deviance by less than 1e-8 of it, at log-odds near 11, not at 0 or 1.
    const lines = ['weight,y,x,gender'];
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let k = 0; k < 10000; k++) {
      const gender = k < 4 ? 'prefer_not' : random() < 0.5 ? 'female' : 'male';
      const x = Math.round(random() * 100) / 10;
      const y = k < 4 || random() < 1 / (1 + Math.exp(-(0.1 * x - 0.5 + (gender === 'male' ? 0.3 : 0)))) ? 1 : 0;
      lines.push(`${1 + (k % 3)},${y},${x},${gender}`);
    }
    const big = handMade(lines.join('\n'), ['gender']);
    const result = svyglm(big.design, big.data, 'y ~ x + gender', 'quasibinomial');
    const term = result.coefficients.find((c) => c.term === 'genderprefer_not')!;
    // the premise: none of the 4 fitted probabilities is within 1e-6 of 1
    const intercept = result.coefficients[0]!.estimate;
    const slope = result.coefficients[1]!.estimate;
    for (const line of lines.slice(1, 5)) {
      const x = Number(line.split(',')[2]);
      expect(1 / (1 + Math.exp(intercept + term.estimate + slope * x))).toBeGreaterThan(1e-6);
    }
    expect(term.estimate).toBeGreaterThan(8);
    expect(result.coefficients.map((c) => [c.term, c.separation])).toEqual([
      ['(Intercept)', false],
      ['x', false],
      ['gendermale', false],
      ['genderprefer_not', true],
    ]);
    expect(result.warnings[0]).toMatch(
      /^quasi-complete separation: every respondent in some group gives the same answer, so the fitted probabilities of 4 respondents go to 0 or 1, and the estimate of term ‘genderprefer_not’ \(n = 4\) grows without bound/,
    );
  });

  it('complete separation is called complete', () => {
    const complete = handMade(['weight,y,x', '1,0,1', '2,0,2', '1,0,3', '2,1,4', '1,1,5', '2,1,6'].join('\n'), []);
    const result = svyglm(complete.design, complete.data, 'y ~ x', 'quasibinomial');
    expect(result.warnings[0]).toMatch(
      /^complete separation: .*fitted probabilities of 6 respondents go to 0 or 1.*‘\(Intercept\)’ \(n = 6\), ‘x’ \(n = 6\) grow without bound/,
    );
    expect(result.coefficients.every((c) => c.separation)).toBe(true);
  });

  it('a quasipoisson group of zero counts: fitted means go to 0', () => {
    const zeros = handMade(['weight,y,g', '1,0,a', '2,0,a', '1,0,a', '2,3,b', '1,1,b', '2,2,b', '1,4,c', '2,0,c'].join('\n'), ['g']);
    const result = svyglm(zeros.design, zeros.data, 'y ~ g', 'quasipoisson');
    expect(result.warnings[0]).toMatch(/^separation: every respondent in some group has a count of 0, so the fitted means of 3 respondents go to 0,/);
    expect(result.coefficients.map((c) => c.separation)).toEqual([true, true, true]);
  });

  it('no warning and no mark on a fit with a finite maximum', () => {
    const fine = handMade(['weight,y,x', '1,0,1', '2,1,2', '1,0,3', '2,1,4', '1,0,5', '2,1,6', '1,1,2', '1,0,5'].join('\n'), []);
    const result = svyglm(fine.design, fine.data, 'y ~ x', 'quasibinomial');
    expect(result.warnings).toEqual([]);
    expect(result.coefficients.some((c) => c.separation)).toBe(false);
  });
});
