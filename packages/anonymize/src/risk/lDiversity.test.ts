import { describe, expect, it } from 'vitest';
import { parseCsvText } from '@leakrisk/survey';
import type { AnonymizeConfig } from '../config/types.js';
import { distinctTexts, textColumn } from '@leakrisk/survey';
import { keyCodes } from './frequencies.js';
import { groupKeys } from './groupKeys.js';

/** Key columns of cell texts as codes (missing: empty or `NA`). */
const keyCodesOf = (columns: string[][]) => ({ codes: columns.map((cells) => keyCodes(distinctTexts(textColumn(cells)))) });
import { checkLDiversity, classDiversity, measureLDiversity } from './lDiversity.js';

// Three classes by key: A (4 records), B (5), C (2).
const key = ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B', 'C', 'C'];
const sens = ['yes', 'yes', 'no', '', 'a', 'a', 'a', 'b', 'c', '', ''];
const groups = groupKeys(keyCodesOf([key]).codes);

describe('classDiversity', () => {
  it('computes distinct, entropy and recursive l per class (hand-computed)', () => {
    const [a, b, c] = classDiversity(groups, sens, { c: 2 });
    // A: yes×2, no×1, missing×1 → distinct 3 (missing counts, as sdcMicro); shares ½,¼,¼ → exp(H) = 2√2;
    //    recursive over present values [2, 1]: 2 < 2·1 fails → 1
    expect(a).toEqual({ group: 0, size: 4, distinct: 3, entropy: expect.closeTo(2 * Math.SQRT2, 14), recursive: 1 });
    // B: a×3, b, c → distinct 3; exp(−(0.6 ln 0.6 + 0.4 ln 0.2)) = 2.586409289858933 (Python);
    //    recursive c = 2: 3 < 2·(1+1) → l = 2; 3 < 2·1 fails → 2
    expect(b!.distinct).toBe(3);
    expect(b!.entropy).toBeCloseTo(2.586409289858933, 13);
    expect(b!.recursive).toBe(2);
    // C: all missing → distinct 0, entropy 1, recursive 0
    expect(c).toEqual({ group: 2, size: 2, distinct: 0, entropy: 1, recursive: 0 });
  });

  it('raises recursive l with a larger c', () => {
    // B with c = 4: 3 < 4·2 → 2; 3 < 4·1 → 3
    expect(classDiversity(groups, sens, { c: 4 })[1]!.recursive).toBe(3);
  });
});

describe('checkLDiversity', () => {
  it('reports the minimum achieved and the violating classes and rows', () => {
    const report = checkLDiversity(groups, [{ name: 's', cells: sens }], { distinct: 2 });
    expect(report.satisfied).toBe(false);
    expect(report.columns[0]).toEqual({ sensitive: 's', minDistinct: 0, minEntropy: 1, minRecursive: null, violatingClasses: [2], violatingRecords: 2 });
    expect([...report.violatingRows]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });

  it('checks entropy and recursive requirements', () => {
    const two = groupKeys(keyCodesOf([key.slice(0, 9)]).codes);
    const cells = sens.slice(0, 9);
    // entropy 2.6: A (2.83) passes, B (2.59) fails
    expect(checkLDiversity(two, [{ name: 's', cells }], { entropy: 2.6 }).columns[0]!.violatingClasses).toEqual([1]);
    // recursive (2,2): A (1) fails, B (2) passes
    const rec = checkLDiversity(two, [{ name: 's', cells }], { recursive: { c: 2, l: 2 } });
    expect(rec.columns[0]!.violatingClasses).toEqual([0]);
    expect(rec.columns[0]!.minRecursive).toBe(1);
  });

  it('accepts entropy l exactly met by equal shares', () => {
    const g = groupKeys(keyCodesOf([['k', 'k', 'k']]).codes);
    // three equal values: exp(H) = 3 up to rounding
    expect(checkLDiversity(g, [{ name: 's', cells: ['x', 'y', 'z'] }], { entropy: 3 }).satisfied).toBe(true);
  });
});

describe('measureLDiversity', () => {
  it("uses the config's keys and requirement", () => {
    const table = parseCsvText('g,s\nf,1\nf,2\nm,1\nm,1\n', 'data.csv');
    const config: AnonymizeConfig = {
      file: 'anon.json',
      dir: '/',
      columns: { g: { role: 'quasi' }, s: { role: 'keep' } },
      privacy: { k: 2, maxSuppressedShare: 0, missingMatches: 'any', l: { sensitive: ['s'], distinct: 2 } },
    };
    const report = measureLDiversity(table, config)!;
    expect(report.columns[0]!.minDistinct).toBe(1);
    expect(report.columns[0]!.violatingRecords).toBe(2);
    expect(measureLDiversity(table, { ...config, privacy: { ...config.privacy, l: undefined as never } })).toBeNull();
  });
});
