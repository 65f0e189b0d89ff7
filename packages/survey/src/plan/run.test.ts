import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LeakriskError } from '../errors.js';
import { parseCsvText } from '../io/csv.js';
import { checkPlan } from './schema.js';
import { runPlan } from './run.js';
import { resultToCsv } from './resultCsv.js';
import type { Plan } from './types.js';

// Expected values: test/fixtures/reference.json, computed by R 4.2.2 with survey 4.1-1.
const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const reference = JSON.parse(readFileSync(`${fixtures}reference.json`, 'utf8')) as {
  results: Array<{ id: string; estimate: number; se: number | null; ci_low?: number; ci_high?: number; ndf?: number; ddf?: number; p_value?: number }>;
};
const ref = (id: string) => {
  const entry = reference.results.find((r) => r.id === id);
  if (!entry) throw new Error(`no reference ${id}`);
  return entry;
};
const apistrat = parseCsvText(readFileSync(`${fixtures}apistrat.csv`, 'utf8'), 'apistrat.csv');

function plan(analyses: unknown[], extra: Record<string, unknown> = {}): Plan {
  const checked = checkPlan({ design: { strata: 'stype', weights: 'pw', fpc: ['fpc'] }, analyses, ...extra }, 'strat.plan.json');
  return { ...checked, file: '/plans/strat.plan.json' };
}

function run(p: Plan) {
  return runPlan({
    table: apistrat,
    plan: p,
    dataFile: 'apistrat.csv',
    planFile: 'strat.plan.json',
    dataSha256: 'abc',
    now: new Date('2026-01-02T03:04:05Z'),
    toolVersion: '0.1.0',
  });
}

function close(actual: unknown, expected: number, tolerance = 1e-6): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs(((actual as number) - expected) / expected)).toBeLessThan(tolerance);
}

describe('runPlan on apistrat (svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc))', () => {
  const results = run(
    plan([
      { id: 'm', type: 'mean', variable: 'api00', section: 'demo', label: 'API 2000' },
      { id: 't', type: 'total', variable: 'enroll', naRm: true },
      { id: 'r', type: 'ratio', numerator: 'api.stu', denominator: 'enroll', naRm: true },
      { id: 'by', type: 'mean', variable: 'api00', by: 'stype' },
      { id: 'g', type: 'glm', formula: 'api00 ~ ell + meals + mobility' },
    ]),
  );

  it('writes meta and design as the contract says', () => {
    expect(results.meta).toEqual({
      tool: 'leakrisk',
      version: '0.1.0',
      data: 'apistrat.csv',
      dataSha256: 'abc',
      plan: 'strat.plan.json',
      rows: 200,
      createdAt: '2026-01-02T03:04:05.000Z',
    });
    // 200 schools, 3 strata, every school its own PSU: df = 200 − 3; Σ pw = 6194 (the population)
    expect(results.design).toMatchObject({ strata: 3, psus: 200, df: 197, lonelyPsu: 'fail' });
    close(results.design.sumWeights, 6194, 1e-6); // pw is stored rounded
    expect(results.calibration).toBeNull();
  });

  it('matches svymean, svytotal, svyratio', () => {
    const [m, t, r] = results.results;
    expect(m).toMatchObject({ id: 'm', type: 'mean', variable: 'api00', section: 'demo', label: 'API 2000' });
    expect(m!.rows).toHaveLength(1);
    expect(m!.rows[0]!.domain).toEqual({});
    expect(m!.rows[0]!.n).toBe(200);
    close(m!.rows[0]!.estimate, ref('strat.mean.api00').estimate);
    close(m!.rows[0]!.se, ref('strat.mean.api00').se!);
    close(t!.rows[0]!.estimate, ref('strat.total.enroll').estimate);
    close(t!.rows[0]!.se, ref('strat.total.enroll').se!);
    close(r!.rows[0]!.estimate, ref('strat.ratio.api.stu_enroll').estimate);
    close(r!.rows[0]!.se, ref('strat.ratio.api.stu_enroll').se!);
  });

  it('gives one row per domain for by, in level order', () => {
    const by = results.results[3]!;
    expect(by.rows.map((row) => row.domain)).toEqual([{ stype: 'E' }, { stype: 'H' }, { stype: 'M' }]);
    expect(by.rows.map((row) => row.n)).toEqual([100, 50, 50]);
    for (const row of by.rows) {
      const level = (row.domain as Record<string, string>).stype!;
      close(row.estimate, ref(`strat.by_stype.mean.api00.${level}`).estimate);
      close(row.se, ref(`strat.by_stype.mean.api00.${level}`).se!);
    }
  });

  it('matches svyglm gaussian, with BH-adjusted p-values on the non-intercept terms', () => {
    const g = results.results[4]!;
    expect(g.rows.map((row) => row.term)).toEqual(['(Intercept)', 'ell', 'meals', 'mobility']);
    for (const row of g.rows) {
      close(row.estimate, ref(`strat.glm_gaussian.${row.term as string}`).estimate);
      close(row.se, ref(`strat.glm_gaussian.${row.term as string}`).se!);
    }
    expect(g.rows[0]!.pAdjusted).toBeNull();
    // BH over three p-values p(1) ≤ p(2) ≤ p(3): adjusted p(3) = p(3); p(1) = min(3·p(1), 1.5·p(2), p(3))
    const p = g.rows.slice(1).map((row) => row.pValue as number);
    const sorted = [...p].sort((a, b) => a - b);
    const largest = g.rows.slice(1).find((row) => row.pValue === sorted[2])!;
    expect(largest.pAdjusted).toBe(sorted[2]);
    const smallest = g.rows.slice(1).find((row) => row.pValue === sorted[0])!;
    close(smallest.pAdjusted, Math.min(3 * sorted[0]!, 1.5 * sorted[1]!, sorted[2]!), 1e-12);
  });

  it('is plain JSON: numbers or null, no NaN', () => {
    const text = JSON.stringify(results);
    expect(text).not.toContain('NaN');
    expect(JSON.parse(text)).toEqual(results);
  });

  it('writes a tidy CSV per analysis', () => {
    const csv = resultToCsv(results.results[3]!);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('stype,estimate,se,ciLow,ciHigh,df,deff,n');
    expect(lines).toHaveLength(4);
    expect(lines[1]!.startsWith('E,674.43,')).toBe(true);
  });
});

describe('runPlan: proportions, quantiles and tests on apistrat', () => {
  const results = run(
    plan([
      { id: 'p', type: 'proportion', variable: 'sch.wide', level: 'Yes' },
      { id: 'chi', type: 'chisq', rows: 'sch.wide', cols: 'stype' },
      { id: 'q', type: 'quantile', variable: 'api00', probs: [0.25, 0.5, 0.75] },
      { id: 'd', type: 'distribution', variable: 'sch.wide' },
      { id: 'c', type: 'contrast', variable: 'api00', by: 'stype', levels: ['E', 'H'] },
      { id: 'tt', type: 'ttest', variable: 'api00', by: 'sch.wide' },
      { id: 'a', type: 'alpha', items: ['api00', 'api99'] },
    ]),
  );
  const byId = (id: string) => results.results.find((r) => r.id === id)!;

  it('matches svyciprop(method = "logit")', () => {
    const row = byId('p').rows[0]!;
    const expected = ref('strat.prop.sch.wide_yes');
    expect(row.level).toBe('Yes');
    close(row.estimate, expected.estimate);
    close(row.se, expected.se!);
    close(row.ciLow, expected.ci_low!);
    close(row.ciHigh, expected.ci_high!);
  });

  it('matches svychisq(statistic = "F")', () => {
    const row = byId('chi').rows[0]!;
    const expected = ref('strat.chisq_F.sch.wide_x_stype');
    expect(row.method).toBe('Rao-Scott F');
    close(row.statistic, expected.estimate);
    close(row.ndf, expected.ndf!);
    close(row.ddf, expected.ddf!);
    close(row.pValue, expected.p_value!);
  });

  it('matches svyquantile', () => {
    const rows = byId('q').rows;
    expect(rows.map((r) => r.probability)).toEqual([0.25, 0.5, 0.75]);
    rows.forEach((row, k) => {
      const expected = ref(`strat.quantile.api00.q${[25, 50, 75][k]}`);
      close(row.estimate, expected.estimate);
      close(row.se, expected.se!);
    });
  });

  it('a distribution has one row per level whose estimates sum to 1, and agrees with the proportion', () => {
    const rows = byId('d').rows;
    expect(rows.map((r) => r.level)).toEqual(['No', 'Yes']);
    close((rows[0]!.estimate as number) + (rows[1]!.estimate as number), 1, 1e-12);
    close(rows[1]!.estimate, ref('strat.prop.sch.wide_yes').estimate);
  });

  it('a contrast of E and H equals the difference of the svyby means', () => {
    const row = byId('c').rows[0]!;
    close(row.estimate, ref('strat.by_stype.mean.api00.E').estimate - ref('strat.by_stype.mean.api00.H').estimate);
    // strata are independent: V(E − H) = V(E) + V(H) when the domains are the strata themselves
    close(row.se, Math.hypot(ref('strat.by_stype.mean.api00.E').se!, ref('strat.by_stype.mean.api00.H').se!));
  });

  it('gives every test row pAdjusted (BH over chisq, contrast and ttest: 3 tests)', () => {
    const tests = [byId('chi').rows[0]!, byId('c').rows[0]!, byId('tt').rows[0]!];
    const p = tests.map((r) => r.pValue as number);
    const sorted = [...p].sort((a, b) => a - b);
    tests.forEach((row) => {
      const rank = sorted.indexOf(row.pValue as number) + 1;
      const bh = Math.min(...sorted.slice(rank - 1).map((q, k) => (q * 3) / (rank + k)), 1);
      close(row.pAdjusted, bh, 1e-12);
    });
  });

  it('an alpha row carries alpha, stdAlpha, n and items', () => {
    const row = byId('a').rows[0]!;
    expect(Object.keys(row)).toEqual(['alpha', 'stdAlpha', 'n', 'items']);
    expect((row.items as Array<{ item: string }>).map((i) => i.item)).toEqual(['api00', 'api99']);
  });
});

describe('runPlan with calibration on apiclus1 (svydesign(id=~dnum, weights=~pw, fpc=~fpc))', () => {
  const apiclus1 = parseCsvText(readFileSync(`${fixtures}apiclus1.csv`, 'utf8'), 'apiclus1.csv');
  const margins = { stype: { E: 4421, H: 755, M: 1018 }, 'sch.wide': { No: 1072, Yes: 5122 } };
  const runClus = (calibration: unknown) =>
    runPlan({
      table: apiclus1,
      plan: {
        ...checkPlan(
          {
            design: { ids: ['dnum'], weights: 'pw', fpc: ['fpc'] },
            calibration,
            analyses: [
              { id: 'm', type: 'mean', variable: 'api00' },
              { id: 't', type: 'total', variable: 'enroll' },
            ],
          },
          'clus1.plan.json',
        ),
        file: '/plans/clus1.plan.json',
      },
      dataFile: 'apiclus1.csv',
      planFile: 'clus1.plan.json',
      dataSha256: '',
      now: new Date(0),
      toolVersion: 'test',
    });

  it('rakes as rake(dclus1, list(~stype, ~sch.wide), …) and reports the calibration', () => {
    const results = runClus({ method: 'rake', margins });
    close(results.results[0]!.rows[0]!.estimate, ref('clus1_raked.mean.api00').estimate);
    close(results.results[0]!.rows[0]!.se, ref('clus1_raked.mean.api00').se!);
    close(results.results[1]!.rows[0]!.estimate, ref('clus1_raked.total.enroll').estimate);
    close(results.results[1]!.rows[0]!.se, ref('clus1_raked.total.enroll').se!);
    expect(results.calibration).toMatchObject({ method: 'rake', converged: true });
    close(results.design.sumWeights, 6194, 1e-9);
  });

  it('post-stratifies as postStratify(dclus1, ~stype, pop.types)', () => {
    const results = runClus({ method: 'poststratify', margins: { stype: margins.stype } });
    close(results.results[0]!.rows[0]!.estimate, ref('clus1_poststrat.mean.api00').estimate);
    close(results.results[0]!.rows[0]!.se, ref('clus1_poststrat.mean.api00').se!);
    expect(results.calibration).toEqual({ method: 'poststratify', iterations: 1, converged: true, maxDiscrepancy: expect.any(Number) });
  });
});

describe('runPlan reliability analyses match psych and survey (test/fixtures/scales.json)', () => {
  const scales = JSON.parse(readFileSync(`${fixtures}scales.json`, 'utf8')) as {
    alpha: Array<{ id: string; raw_alpha: number; std_alpha: number; alpha_if_dropped: Record<string, number>; r_drop: Record<string, number> }>;
    omega: Array<{ id: string; omega_total: number }>;
    svycralpha: Array<{ id: string; alpha: number }>;
  };
  const likert = parseCsvText(readFileSync(`${fixtures}scales-likert.csv`, 'utf8'), 'scales-likert.csv');
  const items = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
  const results = runPlan({
    table: likert,
    plan: {
      ...checkPlan(
        {
          design: { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true },
          analyses: [
            { id: 'a', type: 'alpha', items, reverse: ['m6'] },
            { id: 'o', type: 'omega', items, reverse: ['m6'] },
            { id: 'w', type: 'alpha', items: ['i1', 'i2', 'i3', 'i4', 'i5', 'i6'], reverse: ['i6'], weighted: true },
            { id: 'chi', type: 'chisq', rows: 'i1', cols: 'stratum', statistic: 'Chisq' },
          ],
        },
        'likert.plan.json',
      ),
      file: '/plans/likert.plan.json',
    },
    dataFile: 'scales-likert.csv',
    planFile: 'likert.plan.json',
    dataSha256: '',
    now: new Date(0),
    toolVersion: 'test',
  });

  it('alpha with missing answers and a reversed item: psych::alpha', () => {
    const expected = scales.alpha.find((e) => e.id === 'missing_reverse')!;
    const row = results.results[0]!.rows[0]!;
    close(row.alpha, expected.raw_alpha, 1e-9);
    close(row.stdAlpha, expected.std_alpha, 1e-9);
    for (const item of row.items as Array<{ item: string; alphaIfDropped: number; rDrop: number }>) {
      close(item.alphaIfDropped, expected.alpha_if_dropped[item.item]!, 1e-9);
      close(item.rDrop, expected.r_drop[item.item]!, 1e-9);
    }
  });

  it('omega total: psych::omega(nfactors = 1)', () => {
    close(results.results[1]!.rows[0]!.omegaTotal, scales.omega.find((e) => e.id === 'missing_reverse')!.omega_total, 1e-4);
  });

  it('weighted alpha: survey::svycralpha', () => {
    close(results.results[2]!.rows[0]!.alpha, scales.svycralpha.find((e) => e.id === 'likert_complete')!.alpha, 1e-9);
  });

  it('a first-order Rao–Scott row has the Pearson statistic, its df and the method', () => {
    const row = results.results[3]!.rows[0]!;
    expect(row.method).toBe('Rao-Scott chisq');
    // i1 has 5 levels, stratum 3: (5 − 1)(3 − 1) = 8
    expect(row.df).toBe(8);
    expect(typeof row.statistic).toBe('number');
    expect(row.pAdjusted).toBe(row.pValue);
  });
});

describe('runPlan errors and edge cases', () => {
  it('an unknown column names the plan, the analysis and lists the columns', () => {
    try {
      run(plan([{ id: 'oops', type: 'mean', variable: 'api01' }]));
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(LeakriskError);
      const e = error as LeakriskError;
      expect(e.file).toBe('strat.plan.json');
      expect(e.column).toBe('oops.variable');
      expect(e.message).toContain('"api01"');
      expect(e.message).toContain('api00');
    }
  });

  it('an unknown success level of a quasibinomial glm lists the levels', () => {
    expect(() => run(plan([{ id: 'lg', type: 'glm', formula: 'sch.wide ~ ell', family: 'quasibinomial', success: 'yes' }]))).toThrow(
      /no such level \(levels: 2 values, not shown \(they may identify someone\)\)/,
    );
  });

  it('a quasibinomial glm with success matches svyglm(I(sch.wide == "Yes") ~ ell + meals)', () => {
    const results = run(plan([{ id: 'lg', type: 'glm', formula: 'sch.wide ~ ell + meals', family: 'quasibinomial', success: 'Yes' }]));
    for (const row of results.results[0]!.rows) {
      close(row.estimate, ref(`strat.glm_quasibinomial.${row.term as string}`).estimate);
      close(row.se, ref(`strat.glm_quasibinomial.${row.term as string}`).se!);
    }
  });

  it('a calibration error is reported against the plan file', () => {
    try {
      run(
        plan([{ id: 'm', type: 'mean', variable: 'api00' }], {
          calibration: { method: 'rake', margins: { stype: { E: 4421, H: 755, M: 1018 }, 'sch.wide': { No: 1, Yes: 2 } } },
        }),
      );
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(LeakriskError);
      const e = error as LeakriskError;
      expect(e.message).toMatch(/^the calibration: .*more than 0.1% apart/);
      expect(e.file).toBe('strat.plan.json');
      expect(e.column).toBe('calibration.margins.sch.wide');
    }
  });

  it('a singular glm is a user error', () => {
    expect(() => run(plan([{ id: 'sing', type: 'glm', formula: 'api00 ~ ell + ell2' }], { derive: [{ name: 'ell2', from: 'ell', map: {} }] }))).toThrow(
      LeakriskError,
    );
  });

  it('an unknown design column names the design field', () => {
    const bad = { ...plan([{ id: 'm', type: 'mean', variable: 'api00' }]), design: { strata: 'stratum', weights: 'pw' } };
    expect(() => run(bad)).toThrow(/the plan's design names the column "stratum" in "strata"/);
  });

  it('an unknown level lists the levels there are', () => {
    try {
      run(plan([{ id: 'c', type: 'contrast', variable: 'api00', by: 'stype', levels: ['E', 'X'] }]));
      throw new Error('expected an error');
    } catch (error) {
      const e = error as LeakriskError;
      expect(e.column).toBe('c.levels[1]');
      expect(e.message).toContain('levels: 3 values, not shown');
    }
  });

  it("an empty domain is left out, as R's svyby drops empty groups", () => {
    const results = run(
      plan([{ id: 'm', type: 'mean', variable: 'api00', by: 'stype_w' }], {
        derive: [{ name: 'stype_w', from: 'stype', map: { M: 'E' } }],
      }),
    );
    // derived levels follow the data (no codebook): E and H only
    expect(results.results[0]!.rows.map((r) => r.domain)).toEqual([{ stype_w: 'E' }, { stype_w: 'H' }]);
    // The band 0-99 has no school (api00 is at least 100 in apistrat): no row for it.
    const empty = run(
      plan([{ id: 'm', type: 'mean', variable: 'api00', by: 'band' }], {
        derive: [{ name: 'band', from: 'api00', bands: [0, 100, 500] }],
      }),
    );
    expect(empty.results[0]!.rows.map((r) => r.domain)).toEqual([{ band: '100-499' }, { band: '500+' }]);
    for (const row of empty.results[0]!.rows) expect(row.n).toBeGreaterThan(0);
  });

  it('empty domains of ratio, proportion, distribution and quantile are left out too', () => {
    const results = run(
      plan(
        [
          { id: 'r', type: 'ratio', numerator: 'api00', denominator: 'api99', by: 'band' },
          { id: 'p', type: 'proportion', variable: 'sch.wide', level: 'Yes', by: 'band' },
          { id: 'd', type: 'distribution', variable: 'sch.wide', by: 'band' },
          { id: 'q', type: 'quantile', variable: 'api00', probs: [0.5], by: 'band' },
        ],
        { derive: [{ name: 'band', from: 'api00', bands: [0, 100, 500] }] },
      ),
    );
    for (const result of results.results) {
      const bands = result.rows.map((row) => (row.domain as Record<string, string>).band);
      expect(bands).not.toContain('0-99');
      expect(new Set(bands)).toEqual(new Set(['100-499', '500+']));
    }
  });

  it('derives bands with the contract labels and passes labels through', () => {
    const results = run(
      plan([{ id: 'm', type: 'mean', variable: 'api00', by: ['band'] }], {
        derive: [{ name: 'band', from: 'api00', bands: [0, 600, 700] }],
      }),
    );
    expect(results.results[0]!.rows.map((r) => (r.domain as Record<string, string>).band)).toEqual(['0-599', '600-699', '700+']);
    const counts = results.results[0]!.rows.map((r) => r.n as number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
  });
});
