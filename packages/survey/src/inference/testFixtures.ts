// Test support (not exported): the api designs and the R fixture of scripts/reference/models.R.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { buildDesign } from '../design/design.js';
import type { DesignSpec, SurveyDesign } from '../design/types.js';
import { factorColumn, numericColumn } from '../io/columns.js';
import type { DictionaryColumn } from '../table/column.js';
import type { Table } from '../table/table.js';
import { fixtureTable } from '../estimate/testDesigns.js';
import { svymean } from '../estimate/mean.js';
import { svytotal } from '../estimate/total.js';
import { rake } from '../calibrate/rake.js';
import { ACCUMULATIONS, checkUnder } from '../design/testAccumulation.js';

const fixtureDir = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

export function fixtureJson<T>(name: string): T {
  return JSON.parse(readFileSync(`${fixtureDir}${name}`, 'utf8')) as T;
}

/** R's svydesign calls of models.json, as design specs. */
const specs: Record<string, { file: string; spec: DesignSpec }> = {
  strat: { file: 'apistrat.csv', spec: { ids: [], strata: 'stype', weights: 'pw', fpc: ['fpc'] } },
  strat_nofpc: { file: 'apistrat.csv', spec: { ids: [], strata: 'stype', weights: 'pw' } },
  clus1: { file: 'apiclus1.csv', spec: { ids: ['dnum'], weights: 'pw', fpc: ['fpc'] } },
  clus1_nofpc: { file: 'apiclus1.csv', spec: { ids: ['dnum'], weights: 'pw' } },
  clus2: { file: 'apiclus2.csv', spec: { ids: ['dnum', 'snum'], fpc: ['fpc1', 'fpc2'] } },
};

const tables = new Map<string, Table>();

export function apiTable(file: string): Table {
  let table = tables.get(file);
  if (table === undefined) {
    table = fixtureTable(file);
    tables.set(file, table);
  }
  return table;
}

export interface ApiDesign {
  table: Table;
  design: SurveyDesign;
  num(name: string): Float64Array;
  fac(name: string): DictionaryColumn;
}

export function apiDesign(name: string): ApiDesign {
  const { file, spec } = specs[name]!;
  const table = apiTable(file);
  return {
    table,
    design: buildDesign(table, spec),
    num: (column) => numericColumn(table, column),
    fac: (column) => factorColumn(table, column),
  };
}

/** Expects |actual − expected| ≤ tol · |expected| (relative), with a message naming the value. */
export function expectClose(actual: number, expected: number, label: string, tol = 1e-6): void {
  expect(expected, `${label}: the fixture holds no value`).toBeTypeOf('number');
  const scale = Math.max(Math.abs(expected), 1e-300);
  const ok = Math.abs(actual - expected) <= tol * scale;
  expect(ok, `${label}: got ${actual}, R gives ${expected}`).toBe(true);
}

interface StatRow {
  estimate: number;
  se: number;
}

/** What models.R records after each calibration or trimming: svymean/svytotal/svyby results. */
export interface EstimatesAfter {
  mean_api00: StatRow;
  total_enroll: StatRow;
  mean_acs_k3: StatRow;
  by_comp_imp: Record<'No' | 'Yes', StatRow>;
}

/**
 * Checks the estimates R computed on the adjusted design, all to 1e-6 relative, under each kernel
 * (a calibrated design refuses the per-PSU one: see `checkUnder`).
 */
export function expectEstimatesAfter(api: ApiDesign, design: SurveyDesign, expected: EstimatesAfter, label: string): void {
  for (const accumulation of ACCUMULATIONS)
    checkUnder(design, accumulation, (adjusted) => estimatesAfter(api, adjusted, expected, `${label} [${accumulation}]`));
}

function estimatesAfter(api: ApiDesign, adjusted: SurveyDesign, expected: EstimatesAfter, label: string): void {
  const mean = svymean(adjusted, api.num('api00'));
  expectClose(mean.estimate, expected.mean_api00.estimate, `${label} svymean(~api00)`);
  expectClose(mean.se, expected.mean_api00.se, `${label} SE svymean(~api00)`);
  const total = svytotal(adjusted, api.num('enroll'), { naRm: true });
  expectClose(total.estimate, expected.total_enroll.estimate, `${label} svytotal(~enroll)`);
  expectClose(total.se, expected.total_enroll.se, `${label} SE svytotal(~enroll)`);
  const acs = svymean(adjusted, api.num('acs.k3'), { naRm: true });
  expectClose(acs.estimate, expected.mean_acs_k3.estimate, `${label} svymean(~acs.k3, na.rm=TRUE)`);
  expectClose(acs.se, expected.mean_acs_k3.se, `${label} SE svymean(~acs.k3, na.rm=TRUE)`);
  const compImp = api.fac('comp.imp');
  for (const level of ['No', 'Yes'] as const) {
    const domain = new Uint8Array(adjusted.nrow);
    const k = compImp.levels.indexOf(level);
    for (let i = 0; i < domain.length; i++) if (compImp.codes[i] === k) domain[i] = 1;
    const byMean = svymean(adjusted, api.num('api00'), { domain });
    expectClose(byMean.estimate, expected.by_comp_imp[level].estimate, `${label} svyby(~api00, ~comp.imp) ${level}`);
    expectClose(byMean.se, expected.by_comp_imp[level].se, `${label} SE svyby(~api00, ~comp.imp) ${level}`);
  }
}

export function expectWeights(actual: Float64Array, expected: number[], label: string): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i]!, expected[i]!, `${label} weight of row ${i + 1}`);
}

/** A models.json design by name: the api designs, or `clus1_raked` (clus1 raked to stype and sch.wide). */
export function modelsDesign(name: string): ApiDesign {
  if (name !== 'clus1_raked') return apiDesign(name);
  const api = apiDesign('clus1');
  const { design } = rake(api.design, [
    { variable: 'stype', column: api.fac('stype'), totals: { E: 4421, H: 755, M: 1018 } },
    { variable: 'sch.wide', column: api.fac('sch.wide'), totals: { No: 1072, Yes: 5122 } },
  ]);
  return { ...api, design };
}

/** Model variables from the api table: numeric columns as numbers, the Yes/No and type columns as factors. */
export function apiModelData(api: ApiDesign): (name: string) => Float64Array | DictionaryColumn {
  const factors = new Set(['stype', 'sch.wide', 'comp.imp', 'awards', 'yr.rnd', 'both']);
  return (name) => (factors.has(name) ? api.fac(name) : api.num(name));
}
