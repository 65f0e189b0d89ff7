import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../codebook/load.js';
import { readCsvBytes } from '../io/csv.js';
import { tableFromColumns } from '../table/table.js';
import { textColumn } from '../table/textColumn.js';
import { synthesizeSurvey } from '../synth/synthesize.js';
import { checkPlan } from './schema.js';
import { loadPlan } from './load.js';
import { runPlan } from './run.js';
import { resultToCsv } from './resultCsv.js';
import type { Plan } from './types.js';
import type { Results } from './results.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const codebook = loadCodebook(`${root}data/instrument/codebook.json`);
const census = JSON.parse(readFileSync(`${root}data/census/pakistan-2023-adults.json`, 'utf8')) as {
  margins: Record<string, Record<string, number>>;
};

/** Invariants every results object must satisfy, whatever the data. */
function checkShape(results: Results, nrow: number): void {
  expect(results.meta.tool).toBe('leakrisk');
  expect(results.meta.rows).toBe(nrow);
  expect(results.design.df).toBe(results.design.psus - results.design.strata);
  expect(JSON.stringify(results)).not.toMatch(/NaN|Infinity/);
  for (const result of results.results) {
    expect(result.rows.length).toBeGreaterThan(0);
    for (const row of result.rows) {
      for (const value of Object.values(row)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      if (typeof row.n === 'number') expect(row.n).toBeLessThanOrEqual(nrow);
      if (typeof row.pAdjusted === 'number') expect(row.pAdjusted).toBeGreaterThanOrEqual(row.pValue as number);
      if (typeof row.ciLow === 'number' && typeof row.estimate === 'number') {
        expect(row.ciLow).toBeLessThanOrEqual(row.estimate + 1e-12);
        expect(row.ciHigh as number).toBeGreaterThanOrEqual(row.estimate - 1e-12);
      }
    }
    const csv = resultToCsv(result);
    expect(csv.trimEnd().split('\n').length).toBeGreaterThan(1);
  }
}

describe('runPlan end to end on a synthetic sample with the bundled codebook', () => {
  const survey = synthesizeSurvey({ n: 1500, seed: 7, codebook });
  const table = tableFromColumns(
    'synthetic.csv',
    survey.header.map((name, j) => ({ name, column: textColumn(survey.columns[j]!) })),
  );
  const plan: Plan = {
    ...checkPlan(
      {
        derive: [
          { name: 'age_band', from: 'age', bands: [18, 26, 36, 46, 56, 66] },
          { name: 'gender_w', from: 'gender', map: { prefer_not: 'male' }, missing: 'male' },
          { scores: 'all' },
        ],
        design: { ids: ['psu'], strata: 'stratum', weights: 'weight', fpc: ['fpc_psu'], nest: true, lonelyPsu: 'adjust' },
        calibration: { method: 'rake', margins: census.margins, maxit: 50 },
        analyses: [
          { id: 'vb_score', type: 'mean', variable: 'victim_blaming', by: ['gender'], naRm: true, section: 'victim_blaming' },
          { id: 'vb1_dist', type: 'distribution', variable: 'vb1', naRm: true },
          { id: 'know', type: 'mean', variable: 'legal_knowledge', naRm: true },
          { id: 'vb_alpha', type: 'alpha', items: ['vb1', 'vb2', 'vb3', 'vb4', 'vb5', 'vb6', 'vb7', 'vb8'], reverse: ['vb3', 'vb5', 'vb8'] },
          { id: 'vb_alpha_w', type: 'alpha', items: ['vb1', 'vb2', 'vb3', 'vb4'], reverse: ['vb3'], weighted: true },
          { id: 'vb_omega', type: 'omega', items: ['vb1', 'vb2', 'vb3', 'vb4', 'vb5', 'vb6', 'vb7', 'vb8'], reverse: ['vb3', 'vb5', 'vb8'] },
          { id: 'vb_gender', type: 'ttest', variable: 'victim_blaming', by: 'gender', levels: ['female', 'male'] },
          { id: 'vb_model', type: 'glm', formula: 'victim_blaming ~ age + area' },
        ],
      },
      'synthetic.plan.json',
    ),
    file: '/plans/synthetic.plan.json',
  };
  const results = runPlan({
    table,
    plan,
    codebook,
    dataFile: 'synthetic.csv',
    planFile: 'synthetic.plan.json',
    dataSha256: '0',
    now: new Date(0),
    toolVersion: 'test',
  });

  it('has the contract shape and invariants', () => checkShape(results, 1500));

  it('rakes to the census margins: the weights sum to the adult total', () => {
    const total = Object.values(census.margins.province!).reduce((a, b) => a + b, 0);
    expect(results.calibration?.method).toBe('rake');
    expect(Math.abs(results.design.sumWeights - total) / total).toBeLessThan(1e-6);
  });

  it('orders domains and levels as the codebook does', () => {
    const genders = results.results[0]!.rows.map((r) => (r.domain as Record<string, string>).gender);
    expect(genders).toEqual(['female', 'male', 'transgender', 'prefer_not']);
    const dist = results.results[1]!.rows;
    expect(dist.map((r) => r.level)).toEqual(['1', '2', '3', '4', '5']);
    const sum = dist.reduce((s, r) => s + (r.estimate as number), 0);
    expect(Math.abs(sum - 1)).toBeLessThan(1e-8); // logit estimates are expit of an IRLS fit
  });

  it('scores scales within their range and reports reliability', () => {
    const score = results.results[0]!.rows[0]!.estimate as number;
    expect(score).toBeGreaterThanOrEqual(1);
    expect(score).toBeLessThanOrEqual(5);
    const know = results.results[2]!.rows[0]!.estimate as number;
    expect(know).toBeGreaterThanOrEqual(0);
    expect(know).toBeLessThanOrEqual(5);
    const alpha = results.results[3]!.rows[0]!;
    expect(alpha.items as unknown[]).toHaveLength(8);
    expect(alpha.alpha as number).toBeLessThan(1);
    expect(results.results[4]!.rows[0]!.stdAlpha).toBeNull();
    expect(results.results[5]!.rows[0]!.omegaTotal as number).toBeLessThan(1);
  });
});

const mainPlan = `${root}data/plans/main.plan.json`;
const sampleDir = `${root}data/sample/`;
const hasBundled = existsSync(mainPlan) && existsSync(sampleDir);

describe.skipIf(!hasBundled)('the bundled plan on the bundled sample', () => {
  it('runs and satisfies the invariants', () => {
    const plan = loadPlan(mainPlan);
    const file = readdirSync(sampleDir)
      .filter((f) => f.endsWith('.csv'))
      .sort()[0]!;
    const table = readCsvBytes(readFileSync(`${sampleDir}${file}`), file);
    const bundledCodebook = plan.codebook ? loadCodebook(plan.codebook) : codebook;
    const results = runPlan({
      table,
      plan,
      codebook: bundledCodebook,
      dataFile: file,
      planFile: 'main.plan.json',
      dataSha256: '0',
      now: new Date(0),
      toolVersion: 'test',
    });
    checkShape(results, table.nrow);
    expect(results.results.map((r) => r.id)).toEqual(plan.analyses.map((a) => a.id));
  });
});
