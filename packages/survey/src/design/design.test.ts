import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../io/csv.js';
import { LeakriskError } from '../errors.js';
import { buildDesign, withWeights } from './design.js';
import { designVariance } from './variance.js';
import { domainDf, lonelyStrata } from './domain.js';

const csv = (text: string) => parseCsvText(text, 'sample.csv');

function thrown(fn: () => unknown): LeakriskError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LeakriskError) return e;
    throw e;
  }
  throw new Error('expected a LeakriskError');
}

const base = 'stratum,psu,weight,y\na,1,10,1\na,2,10,2\nb,1,20,3\nb,2,20,5\n';

describe('buildDesign', () => {
  it('counts PSUs and strata, df = PSUs − strata', () => {
    const d = buildDesign(csv(base), { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true });
    expect(d.nPsu).toBe(4);
    expect(d.nStrata).toBe(2);
    expect(d.df).toBe(2);
    expect([...d.psusPerStratum]).toEqual([2, 2]);
  });

  it.each([
    ['', 'a missing'],
    ['0', 'a zero'],
    ['-3', 'a negative'],
  ])('rejects weight "%s" naming the row', (bad, words) => {
    const e = thrown(() => buildDesign(csv(base.replace('b,1,20', `b,1,${bad}`)), { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true }));
    expect(e.row).toBe(3);
    expect(e.column).toBe('weight');
    expect(e.message).toContain(words);
    expect(e.fix).toBeTruthy();
  });

  it('refuses PSU ids repeated across strata unless nest is set (R check.strata)', () => {
    const e = thrown(() => buildDesign(csv(base), { ids: ['psu'], strata: 'stratum', weights: 'weight' }));
    expect(e.message).toContain('two strata');
    expect(e.fix).toContain('nest');
  });

  it('reads fpc as counts or as fractions, the same design either way', () => {
    const counts = buildDesign(csv('s,p,f\na,1,10\na,2,10\nb,1,4\nb,2,4\n'), { ids: ['p'], strata: 's', fpc: ['f'], nest: true });
    const fractions = buildDesign(csv('s,p,f\na,1,0.2\na,2,0.2\nb,1,0.5\nb,2,0.5\n'), { ids: ['p'], strata: 's', fpc: ['f'], nest: true });
    expect([...counts.stages[0]!.population]).toEqual([10, 4]);
    expect([...fractions.stages[0]!.population]).toEqual([10, 4]);
    // weights from the fpc: N_h / n_h
    expect([...counts.weights]).toEqual([5, 5, 2, 2]);
  });

  it('refuses an fpc that mixes counts and fractions', () => {
    const e = thrown(() => buildDesign(csv('s,p,f\na,1,10\na,2,10\nb,1,0.5\nb,2,0.5\n'), { ids: ['p'], strata: 's', fpc: ['f'], nest: true }));
    expect(e.message).toContain('mixes');
  });

  it('a lonely PSU under "fail" is an error naming the stratum and the options', () => {
    const d = buildDesign(csv(`${base}c,1,5,4\n`), { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true });
    expect(lonelyStrata(d)).toEqual(['c']);
    const e = thrown(() => designVariance(d, [new Float64Array(5).fill(1)]));
    expect(e.message).toContain('stratum "c"');
    expect(e.fix).toContain('remove');
    expect(e.fix).toContain('average');
  });

  it('hand-computed variance: stratified with replacement', () => {
    // stratum a: PSU totals 1, 2 → (1−1.5)² + (2−1.5)² = 0.5, × n/(n−1) = 2 → 1
    // stratum b: 3, 5 → 2 × 2 = 4; V = 5
    const d = buildDesign(csv(base), { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true });
    expect(designVariance(d, [Float64Array.from([1, 2, 3, 5])])[0]).toBeCloseTo(5, 12);
  });

  it('domain df counts only the PSUs and strata with domain rows', () => {
    const d = buildDesign(csv(base), { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true });
    expect(domainDf(d, Uint8Array.from([1, 1, 1, 0]))).toBe(1);
  });

  it('withWeights returns a new design and leaves the old one unchanged', () => {
    const d = buildDesign(csv(base), { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true });
    const e = withWeights(d, Float64Array.from([1, 1, 1, 1]));
    expect([...d.weights]).toEqual([10, 10, 20, 20]);
    expect([...e.weights]).toEqual([1, 1, 1, 1]);
    expect(e.calibration).toHaveLength(0);
  });

  it('applies calibration steps to the influence values before the variance', () => {
    const d = buildDesign(csv(base), { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true });
    const zeroing = { residualize: (z: readonly Float64Array[]) => z.map((col) => new Float64Array(col.length)) };
    const c = withWeights(d, d.weights, zeroing);
    expect(designVariance(c, [Float64Array.from([1, 2, 3, 5])])[0]).toBe(0);
  });
});
