import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureTable } from '../estimate/testDesigns.js';
import { checkPlan } from './schema.js';
import { runPlan } from './run.js';

// Expected values: test/fixtures/scales.json, from scripts/reference/scales.R (psych and survey).
const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

function close(actual: unknown, expected: number, tolerance: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs(((actual as number) - expected) / expected)).toBeLessThan(tolerance);
}

describe('runPlan reliability analyses match psych and survey (test/fixtures/scales.json)', () => {
  const scales = JSON.parse(readFileSync(`${fixtures}scales.json`, 'utf8')) as {
    alpha: Array<{ id: string; raw_alpha: number; std_alpha: number; alpha_if_dropped: Record<string, number>; r_drop: Record<string, number> }>;
    omega: Array<{ id: string; omega_total: number }>;
    svycralpha: Array<{ id: string; alpha: number }>;
  };
  const likert = fixtureTable('scales-likert.csv');
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
    expect((row.items as Array<{ item: string }>).map((i) => i.item)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
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
