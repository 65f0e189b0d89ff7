import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../codebook/types.js';
import { LeakriskError } from '../errors.js';
import { readCsvBytes } from '../io/csv.js';
import { fixtureTable } from '../estimate/testDesigns.js';
import type { Table } from '../table/table.js';
import { benjaminiHochberg } from '../inference/multipleTesting.js';
import { resultToCsv } from './resultCsv.js';
import { runPlan } from './run.js';
import { checkPlan } from './schema.js';

// Expected values: test/fixtures/models.json (scripts/reference/models.R) and ordinal.json
// (scripts/reference/ordinal.R, synthetic data in ordinal.csv), R 4.2 with survey 4.1-1.
const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const read = (name: string) => readFileSync(`${fixtures}${name}`, 'utf8');
const models = JSON.parse(read('models.json')) as {
  svyglm: { id: string; coefficients: { term: string; estimate: number; ciLow: number; ciHigh: number; n: number }[] }[];
};
const ordinal = JSON.parse(read('ordinal.json')) as {
  svyolr: { id: string; rows: { term: string; kind: string; estimate: number; se: number; pValue: number; ciLow: number; ciHigh: number; n: number }[] }[];
};
const apistrat = fixtureTable('apistrat.csv');
const survey = fixtureTable('ordinal.csv');
const stratclus = { ids: ['psu'], strata: 'stratum', fpc: ['fpc'], weights: 'weight', nest: true };

function run(table: Table, design: Record<string, unknown>, analyses: unknown[], codebook?: Codebook) {
  const checked = checkPlan({ design, analyses }, 'models.plan.json');
  return runPlan({
    table,
    plan: { ...checked, file: '/plans/models.plan.json' },
    ...(codebook !== undefined ? { codebook } : {}),
    dataFile: table.file,
    planFile: 'models.plan.json',
    dataSha256: 'abc',
    now: new Date('2026-01-02T03:04:05Z'),
    toolVersion: '0.1.0',
  });
}

function close(actual: unknown, expected: number, label: string): void {
  expect(typeof actual, label).toBe('number');
  expect(Math.abs((actual as number) - expected) / Math.abs(expected), `${label}: got ${String(actual)}, R gives ${expected}`).toBeLessThan(1e-6);
}

describe('glm rows in results.json', () => {
  const results = run(apistrat, { strata: 'stype', weights: 'pw', fpc: ['fpc'] }, [
    { id: 'g', type: 'glm', formula: 'api00 ~ ell + meals + stype + comp.imp' },
    { id: 'sep', type: 'glm', formula: 'awards ~ acs.k3 + sch.wide', family: 'quasibinomial', success: 'Yes' },
  ]);

  it('each term carries R’s confint interval and the rows at its level (models.json)', () => {
    const want = models.svyglm.find((c) => c.id === 'strat.gaussian.api00_ell_meals_stype_comp.imp')!;
    const rows = results.results[0]!.rows;
    expect(rows.map((r) => [r.term, r.n])).toEqual(want.coefficients.map((c) => [c.term, c.n]));
    // by hand: 200 schools; stype H 50, M 50; comp.imp Yes 116 (R: table(apistrat$comp.imp))
    expect(rows.map((r) => r.n)).toEqual([200, 200, 200, 50, 50, 116]);
    rows.forEach((row, a) => {
      close(row.ciLow, want.coefficients[a]!.ciLow, `${row.term as string} ciLow`);
      close(row.ciHigh, want.coefficients[a]!.ciHigh, `${row.term as string} ciHigh`);
      expect(row.separation).toBe(false);
    });
    expect(results.results[0]!.warnings).toEqual([]);
  });

  it('a separated fit warns on the result and marks its rows', () => {
    const sep = results.results[1]!;
    expect(sep.warnings).toHaveLength(1);
    expect(sep.warnings).toEqual([expect.stringMatching(/^quasi-complete separation: .*‘sch.wideYes’ \(n = 88\)/)]);
    expect(sep.rows.map((r) => [r.term, r.separation])).toEqual([
      ['(Intercept)', true],
      ['acs.k3', false],
      ['sch.wideYes', true],
    ]);
  });

  it('the CSV writes separation as TRUE/FALSE beside n and the interval', () => {
    const lines = resultToCsv(results.results[1]!).trimEnd().split('\n');
    expect(lines[0]).toBe('term,estimate,se,t,df,pValue,pAdjusted,ciLow,ciHigh,n,separation');
    expect(lines[3]!.startsWith('sch.wideYes,')).toBe(true);
    expect(lines[3]!.endsWith(',88,TRUE')).toBe(true);
  });
});

describe('ordinal analyses (svyolr) in a plan', () => {
  const results = run(survey, stratclus, [
    { id: 'olr', type: 'ordinal', formula: 'vb1 ~ age + gender + area + education', link: 'cloglog' },
    { id: 'olr2', type: 'ordinal', formula: 'vb1 ~ age + gender' },
    { id: 'g', type: 'glm', formula: 'hours ~ age + gender' },
  ]);

  it('rows are the coefficients then the cut points, equal to R', () => {
    const result = results.results[0]!;
    expect(result).toMatchObject({ id: 'olr', type: 'ordinal', formula: 'vb1 ~ age + gender + area + education', link: 'cloglog', warnings: [] });
    const want = ordinal.svyolr.find((c) => c.id === 'stratclus.cloglog.vb1_age_gender_area_education')!;
    expect(result.rows.map((r) => [r.term, r.kind, r.n])).toEqual(want.rows.map((r) => [r.term, r.kind, r.n]));
    result.rows.forEach((row, j) => {
      const w = want.rows[j]!;
      for (const field of ['estimate', 'se', 'pValue', 'ciLow', 'ciHigh'] as const) close(row[field], w[field], `${w.term} ${field}`);
    });
    expect(results.results[1]!).not.toHaveProperty('family');
  });

  it('the default link is logit', () => {
    const want = ordinal.svyolr.find((c) => c.id === 'stratclus.logit.vb1_age_gender')!;
    expect(results.results[1]!.rows.map((r) => r.term)).toEqual(want.rows.map((r) => r.term));
    results.results[1]!.rows.forEach((row, j) => {
      close(row.estimate, want.rows[j]!.estimate, `${want.rows[j]!.term} estimate`);
    });
  });

  it('BH adjusts ordinal coefficients with the other tests, not the cut points (nor the glm intercept)', () => {
    const tested = results.results.flatMap((r) => r.rows.filter((row) => !(row.kind === 'cutpoint' || row.term === '(Intercept)')));
    const adjusted = benjaminiHochberg(tested.map((row) => row.pValue as number));
    expect(tested.map((row) => row.pAdjusted)).toEqual(adjusted);
    // 6 + 2 ordinal coefficients and 2 glm slopes
    expect(tested).toHaveLength(10);
    for (const result of results.results) {
      for (const row of result.rows) if (row.kind === 'cutpoint' || row.term === '(Intercept)') expect(row.pAdjusted).toBeNull();
    }
  });

  it('the response follows the codebook’s level order, and cut points are named from it', () => {
    const codebook = {
      scales: [],
      knowledgeScores: [],
      variables: [
        {
          name: 'vb1',
          type: 'likert',
          label: { en: 'vb1', ur: 'vb1' },
          options: ['5', '4', '3', '2', '1'].map((code) => ({ code, label: { en: code, ur: code } })),
        },
      ],
    } as unknown as Codebook;
    const reversed = run(survey, stratclus, [{ id: 'olr', type: 'ordinal', formula: 'vb1 ~ age + gender' }], codebook).results[0]!;
    const want = ordinal.svyolr.find((c) => c.id === 'stratclus.logit.vb1_age_gender')!;
    // The scale read downwards: coefficients change sign, cut points are −ζ in reverse order.
    expect(reversed.rows.map((r) => r.term)).toEqual(['age', 'gendermale', '5|4', '4|3', '3|2', '2|1']);
    close(reversed.rows[0]!.estimate, -want.rows[0]!.estimate, 'age reversed');
    close(reversed.rows[2]!.estimate, -want.rows[5]!.estimate, '5|4 = −(4|5)');
    close(reversed.rows[2]!.se, want.rows[5]!.se, 'SE of 5|4');
  });

  it('the CSV lists term, kind and the numbers, one line per row', () => {
    const lines = resultToCsv(results.results[1]!).trimEnd().split('\n');
    expect(lines[0]).toBe('term,kind,estimate,se,t,df,pValue,pAdjusted,ciLow,ciHigh,n,separation');
    expect(lines.map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      'term,kind',
      'age,coefficient',
      'gendermale,coefficient',
      '1|2,cutpoint',
      '2|3,cutpoint',
      '3|4,cutpoint',
      '4|5,cutpoint',
    ]);
    expect(lines[3]!.split(',')[7]).toBe('NA'); // no pAdjusted for a cut point
  });

  it('a single-level factor names the analysis and the factor', () => {
    const ruralOnly = readCsvBytes(Buffer.from(read('ordinal.csv').replace(/,"urban",/g, ',"rural",')), 'ordinal.csv');
    try {
      run(ruralOnly, stratclus, [{ id: 'olr', type: 'ordinal', formula: 'vb1 ~ age + area' }]);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(LeakriskError);
      const e = error as LeakriskError;
      // R: nrow(na.omit(d[, c("vb1", "age", "area")])) is 523
      expect(e.message).toMatch(/^the ordinal model "vb1 ~ age \+ area" cannot be estimated: the factor "area" has a single level among the 523 rows used/);
      expect(e.column).toBe('models.plan.json: analysis "olr" formula');
    }
  });
});

describe('the plan schema knows ordinal analyses', () => {
  const fieldOf = (analysis: unknown): string => {
    try {
      checkPlan({ design: {}, analyses: [analysis] }, 'p.json');
    } catch (error) {
      expect(error).toBeInstanceOf(LeakriskError);
      return `${(error as LeakriskError).column}: ${(error as LeakriskError).message}`;
    }
    return 'accepted';
  };

  it('accepts formula and link, and refuses the rest', () => {
    expect(fieldOf({ id: 'o', type: 'ordinal', formula: 'vb1 ~ age', link: 'probit' })).toBe('accepted');
    expect(fieldOf({ id: 'o', type: 'ordinal', formula: 'vb1 ~ age', link: 'logistic' })).toBe('analyses[0] (id "o").link: unknown ordinal link "logistic"');
    expect(fieldOf({ id: 'o', type: 'ordinal', link: 'logit' })).toBe('analyses[0] (id "o").formula: an ordinal analysis needs "formula"');
    expect(fieldOf({ id: 'o', type: 'ordinal', formula: 'vb1 age' })).toMatch(/^analyses\[0\] \(id "o"\)\.formula: the formula "vb1 age" is not of the form/);
    expect(fieldOf({ id: 'o', type: 'ordinal', formula: 'vb1 ~ age', family: 'gaussian' })).toBe(
      'analyses[0] (id "o").family: unknown field "family" in an ordinal analysis',
    );
  });
});
