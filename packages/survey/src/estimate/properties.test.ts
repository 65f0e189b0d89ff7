import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDesign } from '../design/design.js';
import { tableFromColumns, type Table } from '../table/table.js';
import { textColumn } from '../table/textColumn.js';
import { numericColumn } from '../io/columns.js';
import { svymean } from './mean.js';
import { svytotal } from './total.js';
import { svyquantile } from './quantile.js';
import { closeTo } from './testDesigns.js';

/** A random stratified cluster sample: every stratum has at least two PSUs, every PSU a row. */
const sampleArb = fc
  .array(
    fc.record({
      psus: fc.array(fc.array(fc.record({ y: fc.integer({ min: 0, max: 9 }), w: fc.integer({ min: 1, max: 500 }) }), { minLength: 1, maxLength: 4 }), {
        minLength: 2,
        maxLength: 4,
      }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((strata) => {
    const rows: string[][] = [];
    strata.forEach((s, h) => {
      s.psus.forEach((psu, c) => {
        psu.forEach((r) => {
          rows.push([`s${h}`, `${c}`, String(r.y), String(r.w / 10)]);
        });
      });
    });
    return rows;
  });

function tableOf(rows: string[][]): Table {
  const header = ['stratum', 'psu', 'y', 'weight'];
  return tableFromColumns(
    'synthetic',
    header.map((name, j) => ({ name, column: textColumn(rows.map((r) => r[j]!)) })),
  );
}

const spec = { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true };

describe('properties', () => {
  it('mean, total and their SEs do not depend on row order', () => {
    fc.assert(
      fc.property(sampleArb, fc.integer(), (rows, seed) => {
        const shuffled = [...rows];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = tableOf(rows);
        const b = tableOf(shuffled);
        const da = buildDesign(a, spec);
        const db = buildDesign(b, spec);
        const ma = svymean(da, numericColumn(a, 'y'));
        const mb = svymean(db, numericColumn(b, 'y'));
        const ta = svytotal(da, numericColumn(a, 'y'));
        const tb = svytotal(db, numericColumn(b, 'y'));
        const qa = svyquantile(da, numericColumn(a, 'y'), [0.5]);
        const qb = svyquantile(db, numericColumn(b, 'y'), [0.5]);
        expect(closeTo(mb.estimate, ma.estimate, 1e-9)).toBe(true);
        expect(Math.abs(mb.se - ma.se) <= 1e-9 * Math.max(ma.se, 1e-9)).toBe(true);
        expect(closeTo(tb.estimate, ta.estimate, 1e-9)).toBe(true);
        expect(Math.abs(tb.se - ta.se) <= 1e-9 * Math.max(ta.se, 1e-9)).toBe(true);
        expect(qb[0]!.estimate).toBe(qa[0]!.estimate);
      }),
      { numRuns: 100, seed: 20240601 },
    );
  });

  it('a mean and its SE do not change when every weight is multiplied by the same factor', () => {
    fc.assert(
      fc.property(sampleArb, fc.integer({ min: 2, max: 1000 }), (rows, factor) => {
        const scaled = rows.map((r) => [r[0]!, r[1]!, r[2]!, String(Number(r[3]) * factor)]);
        const a = tableOf(rows);
        const b = tableOf(scaled);
        const ma = svymean(buildDesign(a, spec), numericColumn(a, 'y'));
        const mb = svymean(buildDesign(b, spec), numericColumn(b, 'y'));
        expect(closeTo(mb.estimate, ma.estimate, 1e-9)).toBe(true);
        expect(Math.abs(mb.se - ma.se) <= 1e-9 * Math.max(ma.se, 1e-9)).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('a domain that holds every row gives the full-sample estimate', () => {
    fc.assert(
      fc.property(sampleArb, (rows) => {
        const t = tableOf(rows);
        const design = buildDesign(t, spec);
        const y = numericColumn(t, 'y');
        const everything = new Uint8Array(t.nrow).fill(1);
        const whole = svymean(design, y);
        const domain = svymean(design, y, { domain: everything });
        expect(domain.estimate).toBe(whole.estimate);
        expect(domain.se).toBe(whole.se);
        expect(domain.df).toBe(whole.df);
        expect(svytotal(design, y, { domain: everything }).se).toBe(svytotal(design, y).se);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
