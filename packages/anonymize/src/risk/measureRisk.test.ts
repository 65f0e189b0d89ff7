import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsvText, readCsvBytes } from '@leakrisk/survey';
import type { AnonymizeConfig, ColumnConfig } from '../config/types.js';
import { measureRisk } from './measureRisk.js';

/**
 * Cases produced by sdcMicro 5.8.1's own R code (freqCalc, indivRisk "approx", measure_riskWORK)
 * with scripts/reference/sdc.R; the table is the IHSN SDC Practice guide's Table 4.1.
 */
interface SdcCase {
  name: string;
  keys: string[];
  weight: string | null;
  household: string | null;
  data: Record<string, string[]>;
  expected: {
    fk: number[];
    Fk: number[];
    risk: number[];
    globalRisk: number;
    expectedReidentifications: number;
    householdRisk?: number[];
    householdGlobalRisk?: number;
    householdExpectedReidentifications?: number;
  };
}
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/risk/sdcmicro-cases.json', import.meta.url), 'utf8')) as { cases: SdcCase[] };
const shared = JSON.parse(readFileSync(new URL('../../test/fixtures/risk/sdcpractice-table-4-1.json', import.meta.url), 'utf8')) as {
  keys: string[];
  rows: Record<string, string | number>[];
  expected: { fk: number[]; Fk: number[]; risk_approx_first_of_each_key: Record<string, number>; kViolations: Record<string, number> };
};

/** An sdcMicro case as a CSV file, read by the byte reader the CLI uses. */
function caseTable(c: SdcCase, transform: (cell: string) => string = (x) => x) {
  const header = Object.keys(c.data);
  const csv = formatCsv(
    header,
    header.map((h) => c.data[h]!.map(transform)),
  );
  return readCsvBytes(Buffer.from(csv, 'utf8'), `${c.name}.csv`);
}

function configFor(c: SdcCase, missingMatches: 'any' | 'self' = 'any', k = 5): AnonymizeConfig {
  const columns: Record<string, ColumnConfig> = {};
  for (const name of Object.keys(c.data)) columns[name] = { role: c.keys.includes(name) ? 'quasi' : 'keep' };
  const config: AnonymizeConfig = { file: 'anon.json', dir: '/', columns, privacy: { k, maxSuppressedShare: 0.05, missingMatches } };
  if (c.weight !== null) config.privacy.weights = c.weight;
  if (c.household !== null) config.privacy.household = c.household;
  return config;
}

function expectClose(actual: number, expected: number, relative = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(Math.abs(expected), 1e-300));
}

describe('measureRisk matches sdcMicro', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const self = c.name.includes('self');
      // the "self" case was computed by sdcMicro with missing cells recoded to a category; we give them as missing
      const table = caseTable(c, self ? (cell) => (cell === '(missing)' ? '' : cell) : undefined);
      const report = measureRisk(table, configFor(c, self ? 'self' : 'any'));
      expect(report.rows).toBe(c.expected.fk.length);
      expect(report.keys).toEqual(c.keys);
      expect(report.records).toHaveLength(c.expected.fk.length);
      report.records.forEach((record, i) => {
        expect(record.row).toBe(i + 1);
        expect(record.fk).toBe(c.expected.fk[i]);
        expectClose(record.Fk, c.expected.Fk[i]!);
        expectClose(record.risk, c.expected.risk[i]!);
      });
      expectClose(report.globalRisk, c.expected.globalRisk);
      expectClose(report.expectedReidentifications, c.expected.expectedReidentifications);
      for (const k of [2, 3, 5]) {
        expect(report.kViolations[String(k)]).toBe(c.expected.fk.filter((f) => f < k).length);
      }
      if (c.expected.householdRisk !== undefined) {
        report.records.forEach((record, i) => {
          expectClose(record.householdRisk!, c.expected.householdRisk![i]!);
        });
        expectClose(report.household!.globalRisk, c.expected.householdGlobalRisk!);
        expectClose(report.household!.expectedReidentifications, c.expected.householdExpectedReidentifications!);
      } else {
        expect(report.household).toBeUndefined();
      }
    });
  }
});

describe('measureRisk on the SDC Practice guide, Table 4.1', () => {
  const header = [...shared.keys, 'weight'];
  const csv = formatCsv(
    header,
    header.map((h) => shared.rows.map((r) => String(r[h]))),
  );
  const table = readCsvBytes(Buffer.from(csv, 'utf8'), 'table41.csv');
  const config: AnonymizeConfig = {
    file: 'anon.json',
    dir: '/',
    columns: Object.fromEntries(header.map((h) => [h, { role: h === 'weight' ? 'keep' : 'quasi' }])),
    privacy: { k: 3, weights: 'weight', maxSuppressedShare: 0.05, missingMatches: 'any' },
  };
  const report = measureRisk(table, config);

  it("gives the guide's fk, Fk and k-violations", () => {
    expect(report.records.map((r) => r.fk)).toEqual(shared.expected.fk);
    expect(report.records.map((r) => r.Fk)).toEqual(shared.expected.Fk);
    expect(report.kViolations).toEqual({ '2': 4, '3': 10, '5': 10 });
    expect(shared.expected.kViolations).toEqual({ '2': 4, '3': 10 });
  });

  it("gives the guide's individual risks (9 decimals) and, to 1e-9, the formulas computed independently", () => {
    for (const [row, value] of Object.entries(shared.expected.risk_approx_first_of_each_key)) {
      expect(Math.abs(report.records[Number(row.slice(3)) - 1]!.risk - value)).toBeLessThan(5e-10);
    }
    // Python, independently: p = f/F; f=1: p/(1-p)*log(1/p); f=2: q=p/(1-p); q-q*q*log(1/p)
    const python = [
      0.00542451993224649, 0.00542451993224649, 0.025096439383774122, 0.012563425183949095, 0.028247279317368656, 0.012563425183949095, 0.02901093212787827,
      0.025096439383774122, 0.007403834477917091, 0.007403834477917091,
    ];
    expect(report.records).toHaveLength(python.length);
    report.records.forEach((r, i) => {
      expectClose(r.risk, python[i]!);
    });
    expectClose(report.expectedReidentifications, 0.15823464940102053);
    expectClose(report.globalRisk, 0.015823464940102054);
  });

  it('treats codebook missing codes as missing keys', () => {
    const coded = parseCsvText('g,a\nf,1\nf,99\nm,1\n', 'coded.csv');
    const c: AnonymizeConfig = {
      file: 'anon.json',
      dir: '/',
      columns: { g: { role: 'quasi' }, a: { role: 'quasi' } },
      privacy: { k: 2, maxSuppressedShare: 0, missingMatches: 'any' },
    };
    // without the code, (f,99) is unique; with it, it matches (f,1): f,1 → 2; f,NA → 2; m,1 → 1
    expect(measureRisk(coded, c).records.map((r) => r.fk)).toEqual([1, 1, 1]);
    expect(measureRisk(coded, c, { missingCodes: new Map([['a', new Set(['99'])]]) }).records.map((r) => r.fk)).toEqual([2, 2, 1]);
  });

  it('refuses a config without quasi-identifiers and bad weights', () => {
    const none: AnonymizeConfig = { ...config, columns: { weight: { role: 'keep' } } };
    expect(() => measureRisk(table, none)).toThrow(/no quasi-identifiers/);
    const bad = parseCsvText('g,weight\nf,0\n', 'bad.csv');
    const c: AnonymizeConfig = {
      file: 'anon.json',
      dir: '/',
      columns: { g: { role: 'quasi' }, weight: { role: 'keep' } },
      privacy: { k: 2, weights: 'weight', maxSuppressedShare: 0, missingMatches: 'any' },
    };
    expect(() => measureRisk(bad, c)).toThrow(/row 1 is "0", not a positive number/);
  });
});
