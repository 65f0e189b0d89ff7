import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsvText } from '../io/csv.js';
import { buildDesign } from './design.js';
import { perUnitApplies } from './accumulation.js';
import { designVariance, designVarianceOfUnitTotals } from './variance.js';
import type { DesignSpec, LonelyPsuRule, SurveyDesign } from './types.js';

/** Unit totals of influence columns, units in order of their first present row (as designVariance meets them). */
function unitTotals(design: SurveyDesign, z: Float64Array[], present: Uint8Array): { totals: Float64Array; touched: Int32Array } {
  const p = z.length;
  const stage = design.stages[0]!;
  const totals = new Float64Array(stage.nClusters * p);
  const seen = new Uint8Array(stage.nClusters);
  const touched: number[] = [];
  for (let i = 0; i < design.nrow; i++) {
    if (!present[i]) continue;
    const c = stage.cluster[i]!;
    if (!seen[c]) {
      seen[c] = 1;
      touched.push(c);
    }
    for (let k = 0; k < p; k++) totals[c * p + k] = totals[c * p + k]! + z[k]![i]!;
  }
  return { totals, touched: Int32Array.from(touched) };
}

// Strata a–c; stratum c has one PSU (lonely); PSUs 1–3 in a, 1–2 in b.
const rows = [
  ['a', 1, 10, 120],
  ['a', 1, 12, 120],
  ['a', 2, 9, 120],
  ['a', 3, 11, 120],
  ['b', 1, 20, 40],
  ['b', 2, 18, 40],
  ['b', 2, 22, 40],
  ['c', 1, 5, 30],
];
const table = parseCsvText(`stratum,psu,weight,fpc,regions\n${rows.map((r) => [...r, 10].join(',')).join('\n')}\n`, 'units.csv');

describe('designVarianceOfUnitTotals', () => {
  it('applies without calibration to one-stage designs and to first stages sampled with replacement', () => {
    expect(perUnitApplies(buildDesign(table, { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true }))).toBe(true);
    expect(perUnitApplies(buildDesign(table, { ids: ['stratum', 'psu'], weights: 'weight' }))).toBe(true);
    expect(perUnitApplies(buildDesign(table, { ids: ['stratum', 'psu'], weights: 'weight', fpc: ['regions', 'fpc'] }))).toBe(false);
  });

  for (const rule of ['remove', 'certainty', 'adjust', 'average'] as LonelyPsuRule[]) {
    for (const fpc of [false, true]) {
      it(`equals designVariance on the rows (lonely PSU ${rule}${fpc ? ', fpc' : ''}), for any influence values and domain`, () => {
        const spec: DesignSpec = { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true, lonelyPsu: rule, ...(fpc ? { fpc: ['fpc'] } : {}) };
        const design = buildDesign(table, spec);
        fc.assert(
          fc.property(
            fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 16, maxLength: 16 }),
            fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
            (values, inDomain) => {
              const present = Uint8Array.from(inDomain, (b) => (b ? 1 : 0));
              const z = [0, 1].map((k) => Float64Array.from({ length: 8 }, (_, i) => (present[i] ? values[k * 8 + i]! : 0)));
              const expected = designVariance(design, z, { present });
              const { totals, touched } = unitTotals(design, z, present);
              const got = designVarianceOfUnitTotals(design, 2, totals, touched);
              got.forEach((v, k) => {
                if (Number.isNaN(expected[k]!)) expect(v).toBeNaN();
                else expect(v).toBeCloseTo(expected[k]!, 9);
              });
            },
          ),
          { numRuns: 100 },
        );
      });
    }
  }
});
