import { describe, expect, it } from 'vitest';
import { distinctTexts, textColumn } from '@leakrisk/survey';
import { columnUtility, describeColumn, describeFactor, describeMasses, totalVariationDistance } from './utility.js';

describe('columnUtility', () => {
  it('compares weighted means and value shares, skipping missing codes', () => {
    // before: 1 (w 1), 2 (w 1), 4 (w 2), 99 (missing); mean = (1 + 2 + 8)/4 = 2.75
    // after: the 4 is suppressed: mean = (1 + 2)/2 = 1.5; shares {1: .25, 2: .25, 4: .5} vs {1: .5, 2: .5}
    const w = Float64Array.from([1, 1, 2, 5]);
    const u = columnUtility('x', 'keep', ['1', '2', '4', '99'], ['1', '2', '', '99'], w, new Set(['99']));
    expect(u.meanBefore).toBeCloseTo(2.75, 12);
    expect(u.meanAfter).toBeCloseTo(1.5, 12);
    expect(u.meanChange).toBeCloseTo(-1.25, 12);
    expect(u.distributionChange).toBeCloseTo(0.5, 12);
    expect([u.cellsBefore, u.cellsAfter]).toEqual([3, 2]);
  });
  it('gives no mean for text', () => {
    expect(columnUtility('g', 'quasi', ['a', 'b'], ['a', 'b'], undefined, undefined).meanBefore).toBeNull();
  });
});

describe('totalVariationDistance', () => {
  it('is half the L1 distance over the union of values', () => {
    expect(totalVariationDistance(new Map([['a', 1]]), new Map([['b', 1]]))).toBe(1);
    expect(
      totalVariationDistance(
        new Map([
          ['a', 0.5],
          ['b', 0.5],
        ]),
        new Map([
          ['a', 0.7],
          ['b', 0.3],
        ]),
      ),
    ).toBeCloseTo(0.2, 12);
  });
});

describe('describeMasses', () => {
  it('describes a column from per-value masses and counts exactly as describeColumn does', () => {
    const cells = ['3', '99', '1', '', '3', 'NA', '2.5'];
    const w = Float64Array.from([0.1, 2, 0.7, 1, 0.2, 1, 0.3]);
    // values in order of first appearance, with their masses summed in row order
    const values = ['3', '99', '1', '', 'NA', '2.5'];
    const mass = [0.1 + 0.2, 2, 0.7, 1, 1, 0.3];
    const count = [2, 1, 1, 1, 1, 1];
    const missing = new Set(['99']);
    expect(describeMasses(values, mass, count, missing)).toEqual(describeColumn(cells, w, missing));
    expect(describeMasses(values, mass, count, missing).cells).toBe(4);
    expect(describeMasses(values, mass, count, missing).mean).toBeCloseTo((3 * 0.3 + 0.7 + 2.5 * 0.3) / 1.3, 12);
    expect(describeFactor(distinctTexts(textColumn(cells)), w, missing)).toEqual(describeColumn(cells, w, missing));
  });
});
