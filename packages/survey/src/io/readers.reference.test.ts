import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codebookFrom } from '../codebook/codebookFrom.js';
import type { Codebook } from '../codebook/types.js';
import { loadPlan } from '../plan/load.js';
import type { Results } from '../plan/results.js';
import { runPlan } from '../plan/run.js';
import { readDataFile } from './readDataFile.js';

/**
 * The numbers read from the Kobo-style export (with the XLSForm as codebook) and from the SPSS file
 * equal R `survey` on the same files as R reads them (scripts/reference/readers.R: read.csv2 with the
 * form's non-answer codes as NA; haven::read_sav with user-missing values and ranges as NA).
 */
const fixtures = fileURLToPath(new URL('../../test/fixtures/formats/', import.meta.url));
type ExpectedRow = { domain?: Record<string, string>; level?: string; term?: string } & Record<string, unknown>;
interface ExpectedSource {
  df: number;
  rows: number;
  results: Record<string, ExpectedRow[]>;
}
const expected = JSON.parse(readFileSync(`${fixtures}expected.json`, 'utf8')) as { kobo: ExpectedSource; sav: ExpectedSource };

async function analyse(data: string, planFile: string, codebook?: Codebook): Promise<Results> {
  const read = await readDataFile(`${fixtures}${data}`, { ...(codebook !== undefined ? { codebook } : {}), displayName: data });
  return runPlan({
    table: read.table,
    plan: loadPlan(`${fixtures}${planFile}`),
    ...(read.codebook !== undefined ? { codebook: read.codebook } : {}),
    dataFile: data,
    planFile,
    dataSha256: '0',
    now: new Date(0),
    toolVersion: 'test',
  });
}

function relativeDifference(actual: number, wanted: number): number {
  return Math.abs(actual - wanted) / Math.max(Math.abs(wanted), 1e-12);
}

function compare(results: Results, source: ExpectedSource): number {
  expect(results.meta.rows).toBe(source.rows);
  expect(results.design.df).toBe(source.df);
  let compared = 0;
  for (const [id, rows] of Object.entries(source.results)) {
    const result = results.results.find((r) => r.id === id);
    expect(result, `analysis ${id}`).toBeDefined();
    for (const row of rows) {
      const actual = result!.rows.find(
        (candidate) =>
          (row.term === undefined || candidate.term === row.term) &&
          (row.level === undefined || candidate.level === row.level) &&
          (row.domain === undefined || JSON.stringify(candidate.domain) === JSON.stringify(row.domain)),
      );
      expect(actual, `${id} ${JSON.stringify(row.domain ?? row.level ?? row.term ?? '')}`).toBeDefined();
      for (const [field, wanted] of Object.entries(row)) {
        if (typeof wanted !== 'number') continue;
        const got = actual![field];
        expect(typeof got, `${id}.${field}`).toBe('number');
        expect(relativeDifference(got as number, wanted), `${id} ${field}: ${String(got)} vs R ${wanted}`).toBeLessThan(1e-6);
        compared++;
      }
    }
  }
  return compared;
}

describe('readers against R survey on the same files', () => {
  it('reads the Kobo CSV export (";", group paths) with the XLSForm as codebook and matches R', async () => {
    const form = await codebookFrom(`${fixtures}study-form.xlsx`);
    const compared = compare(await analyse('kobo-export.csv', 'kobo-plan.json', form), expected.kobo);
    expect(compared).toBeGreaterThan(40);
  });

  it('reads the Kobo XLSX export (numbers and dates typed) to the same numbers', async () => {
    const form = await codebookFrom(`${fixtures}study-form.xlsx`);
    expect(compare(await analyse('kobo-export.xlsx', 'kobo-plan.json', form), expected.kobo)).toBeGreaterThan(40);
  });

  it('reads the SPSS .sav (user-missing values and a missing range as missing) and matches haven + R', async () => {
    expect(compare(await analyse('study.sav', 'sav-plan.json'), expected.sav)).toBeGreaterThan(40);
  });

  it('reads the .zsav and the uncompressed .sav to the same numbers', async () => {
    expect(compare(await analyse('study.zsav', 'sav-plan.json'), expected.sav)).toBeGreaterThan(40);
    expect(compare(await analyse('study-uncompressed.sav', 'sav-plan.json'), expected.sav)).toBeGreaterThan(40);
  });
});
