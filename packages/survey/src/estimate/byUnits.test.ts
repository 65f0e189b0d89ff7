import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsvText } from '../io/csv.js';
import { buildDesign } from '../design/design.js';
import { designVariance } from '../design/variance.js';
import { domainDf } from '../design/domain.js';
import { meanInfluence } from './mean.js';
import { meanOrTotalByDomainsPerUnit, meanPerUnit, totalPerUnit } from './meanTotalPerUnit.js';
import { usedRows } from './usedRows.js';
import { weightedVariance } from './weightedVariance.js';

/** The general (row-by-row) path, from its building blocks: influence values, designVariance, svyvar. */
function generalMean(design: ReturnType<typeof buildDesign>, x: Float64Array, domain: Uint8Array, naRm: boolean) {
  const df = domainDf(design, domain);
  const { used, n, blocked } = usedRows(design, [x], { domain, naRm });
  if (blocked || n === 0) return { n, df, estimate: Number.NaN };
  const { estimate, z, sumWeights } = meanInfluence(design.weights, x, used);
  const variance = designVariance(design, [z], { present: used })[0]!;
  const s2 = weightedVariance(x, design.weights, used);
  const vsrs = sumWeights < n ? Number.NaN : (s2 * (sumWeights - n)) / (sumWeights * n);
  return { n, df, estimate, variance, deff: variance / vsrs };
}

const close = (a: number | undefined, b: number | undefined) =>
  a === b || (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a! - b!) <= 1e-9 * Math.max(1, Math.abs(b!));

describe('the per-PSU kernels of svymean and svytotal equal the row-by-row path', () => {
  it('property: any weights (zeros too), missing values, domain and naRm', () => {
    const rowArb = fc.record({
      stratum: fc.constantFrom('a', 'b', 'c'),
      psu: fc.integer({ min: 1, max: 3 }),
      weight: fc.constantFrom(0, 1, 2.5, 10),
      x: fc.option(fc.integer({ min: -5, max: 20 }), { nil: undefined }),
      inDomain: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 2, maxLength: 30 }), fc.boolean(), (rows, naRm) => {
        const text = `stratum,psu,weight\n${rows.map((r) => `${r.stratum},${r.psu},${r.weight === 0 ? 1 : r.weight}`).join('\n')}\n`;
        // Every generated design is one R accepts (lonely PSUs are adjusted): building it must not fail.
        const built = buildDesign(parseCsvText(text, 'p.csv'), { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true, lonelyPsu: 'adjust' });
        // Zero weights as after trimming or calibration: set directly.
        const design = { ...built, weights: Float64Array.from(rows, (r) => r.weight) };
        const x = Float64Array.from(rows, (r) => (r.x === undefined ? Number.NaN : r.x));
        const domain = Uint8Array.from(rows, (r) => (r.inDomain ? 1 : 0));
        const got = meanPerUnit(design, x, { domain, naRm });
        const want = generalMean(design, x, domain, naRm);
        expect(got.n).toBe(want.n);
        expect(got.df).toBe(want.df);
        expect(close(got.estimate, want.estimate)).toBe(true);
        if (!Number.isNaN(want.estimate)) {
          expect(close(got.variance, want.variance)).toBe(true);
          // With no spread under simple random sampling (vsrs 0) the design effect is x/0: a variance of
          // 0 on one path and 1e-17 on the other give NaN and Infinity, both "no design effect".
          if (Number.isFinite(want.deff)) expect(close(got.deff, want.deff)).toBe(true);
          else expect(Number.isFinite(got.deff)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: every domain of a by at once equals each domain on its own (means and totals)', () => {
    const rowArb = fc.record({
      stratum: fc.constantFrom('a', 'b'),
      psu: fc.integer({ min: 1, max: 3 }),
      weight: fc.constantFrom(0, 1, 3),
      x: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
      domain: fc.integer({ min: -1, max: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 4, maxLength: 30 }),
        fc.boolean(),
        fc.constantFrom('mean', 'total') as fc.Arbitrary<'mean' | 'total'>,
        (rows, naRm, kind) => {
          const text = `stratum,psu,weight\n${rows.map((r) => `${r.stratum},${r.psu},1`).join('\n')}\n`;
          const built = buildDesign(parseCsvText(text, 'p.csv'), { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true, lonelyPsu: 'average' });
          const design = { ...built, weights: Float64Array.from(rows, (r) => r.weight) };
          const x = Float64Array.from(rows, (r) => (r.x === undefined ? Number.NaN : r.x));
          const codes = Int32Array.from(rows, (r) => r.domain);
          const all = meanOrTotalByDomainsPerUnit(design, x, codes, 3, { naRm }, kind);
          for (let d = 0; d < 3; d++) {
            const one = (kind === 'mean' ? meanPerUnit : totalPerUnit)(design, x, { domain: Uint8Array.from(codes, (c) => (c === d ? 1 : 0)), naRm });
            expect(all[d]).toEqual(one);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
