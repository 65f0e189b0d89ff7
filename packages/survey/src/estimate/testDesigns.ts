// Test support (not exported): the five reference designs of test/fixtures/reference.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCsvBytes } from '../io/csv.js';
import type { Table } from '../table/table.js';
import { buildDesign } from '../design/design.js';
import type { DesignSpec, SurveyDesign } from '../design/types.js';

export const fixtureDir = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

/** A fixture CSV read as users' files are: by the byte reader the CLI uses (`readCsvFile` → `readCsvBytes`). */
export function fixtureTable(name: string): Table {
  return readCsvBytes(readFileSync(`${fixtureDir}${name}`), name);
}

export interface ReferenceEntry {
  id: string;
  design: string;
  what: string;
  estimate: number;
  se: number | null;
  deff?: number;
  ci_low?: number;
  ci_high?: number;
}

export const reference = JSON.parse(readFileSync(`${fixtureDir}reference.json`, 'utf8')) as { results: ReferenceEntry[] };

/** The reference designs, as reference.json's `designs` (R's svydesign calls). */
const referenceSpecs: Record<string, { file: string; spec: DesignSpec }> = {
  strat: { file: 'apistrat.csv', spec: { ids: [], strata: 'stype', weights: 'pw', fpc: ['fpc'] } },
  strat_nofpc: { file: 'apistrat.csv', spec: { ids: [], strata: 'stype', weights: 'pw' } },
  clus1: { file: 'apiclus1.csv', spec: { ids: ['dnum'], weights: 'pw', fpc: ['fpc'] } },
  clus1_nofpc: { file: 'apiclus1.csv', spec: { ids: ['dnum'], weights: 'pw' } },
  clus2: { file: 'apiclus2.csv', spec: { ids: ['dnum', 'snum'], fpc: ['fpc1', 'fpc2'] } },
};

export function referenceDesign(name: string): { table: Table; design: SurveyDesign } {
  const { file, spec } = referenceSpecs[name]!;
  const table = fixtureTable(file);
  return { table, design: buildDesign(table, spec) };
}

/** |actual − expected| ≤ tol · max(|expected|, tiny). */
export function closeTo(actual: number, expected: number, tol = 1e-6): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= tol * Math.max(Math.abs(expected), 1e-12);
}
