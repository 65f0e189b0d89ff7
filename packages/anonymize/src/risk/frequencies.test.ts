import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctTexts, textColumn } from '@leakrisk/survey';
import { MISSING_CODE, freqCalc, keyCodes } from './frequencies.js';

/** Key columns of cell texts as codes (missing: empty or `NA`). */
const keyCodesOf = (columns: string[][]) => ({ codes: columns.map((cells) => keyCodes(distinctTexts(textColumn(cells)))) });

/**
 * sdcMicro's wildcard rule written pair by pair (R/freqCalc.r), as an independent check of the
 * pattern-by-pattern implementation: for each record i and each record j,
 * - both complete: j counts for i when equal;
 * - i complete, j with missing values (not all missing, when there are ≥ 2 keys): counts α when j's present values equal i's;
 * - i with missing values, j complete: counts 1 when j agrees on i's present values;
 * - both with missing values: counts 1 when identical, else α when they agree wherever both are present;
 * - i missing every key: fk = n.
 */
function bruteForce(codes: Int32Array[], weights: number[], alpha: number): { fk: number[]; Fk: number[] } {
  const n = weights.length;
  const nk = codes.length;
  const missing = (i: number, j: number) => codes[j]![i]! === MISSING_CODE;
  const complete = (i: number) => codes.every((c) => c[i]! !== MISSING_CODE);
  const allMissing = (i: number) => codes.every((c) => c[i]! === MISSING_CODE);
  const fk: number[] = [];
  const Fk: number[] = [];
  const totalW = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    if (allMissing(i)) {
      fk.push(nk === 1 ? n : n);
      Fk.push(totalW);
      continue;
    }
    let f = 0;
    let F = 0;
    for (let j = 0; j < n; j++) {
      let share = 0;
      const identical = codes.every((c) => c[i] === c[j]);
      if (complete(i) && complete(j)) share = identical ? 1 : 0;
      else if (complete(i)) {
        const agrees = codes.every((c, k) => missing(j, k) || c[j] === c[i]);
        share = agrees && (nk === 1 || !allMissing(j)) ? alpha : 0;
      } else if (complete(j)) {
        share = codes.every((c, k) => missing(i, k) || c[j] === c[i]) ? 1 : 0;
      } else if (identical) share = 1;
      else share = codes.every((c, k) => missing(i, k) || missing(j, k) || c[j] === c[i]) ? alpha : 0;
      f += share;
      F += share * weights[j]!;
    }
    fk.push(f);
    Fk.push(F);
  }
  return { fk, Fk };
}

describe('freqCalc', () => {
  it('counts key combinations and sums weights (sdcMicro test_freqCalc.R, no missing values)', () => {
    const A = ['2', '3', '2', '2', '3', '3', '1', '2'];
    const B = ['3', '3', '3', '3', '3', '3', '4', '3'];
    const C = ['1', '3', '1', '2', '1', '1', '1', '1'];
    const { codes } = keyCodesOf([A, B, C]);
    const weights = [18.0, 45.5, 39.0, 17.0, 92.0, 8.0, 123.5, 51];
    const { fk, Fk } = freqCalc(codes, { weights });
    expect([...fk]).toEqual([3, 1, 3, 1, 2, 2, 1, 3]);
    expect([...Fk]).toEqual([108.0, 45.5, 108.0, 17.0, 100.0, 100.0, 123.5, 108.0]);
    expect([...freqCalc(codes).Fk]).toEqual([3, 1, 3, 1, 2, 2, 1, 3]);
  });

  it('treats missing values as wildcards (sdcMicro test_freqCalc.R, one column and one row missing)', () => {
    const A = ['2', '3', '', '2', '3', '3', '1', '2'];
    const B = ['3', '3', '', '3', '3', '3', '4', '3'];
    const C = ['', '', '', '', '', '', '', ''];
    const { codes } = keyCodesOf([A, B, C]);
    const { fk, Fk } = freqCalc(codes, { weights: [18.0, 45.5, 39.0, 17.0, 92.0, 8.0, 123.5, 51] });
    expect([...fk]).toEqual([4, 4, 8, 4, 4, 4, 2, 4]);
    expect([...Fk]).toEqual([125.0, 184.5, 394.0, 125.0, 184.5, 184.5, 162.5, 125.0]);
  });

  it('treats missing values as a category with missingMatches "self"', () => {
    // by hand: (x,p)×2 → 2; (x,NA)×2 → 2; (NA,NA) → 1; (y,p) → 1
    const { codes } = keyCodesOf([
      ['x', 'x', 'x', 'x', '', 'y'],
      ['p', 'p', '', 'NA', '', 'p'],
    ]);
    const { fk, Fk } = freqCalc(codes, { missingMatches: 'self', weights: [1, 2, 3, 4, 5, 6] });
    expect([...fk]).toEqual([2, 2, 2, 2, 1, 1]);
    expect([...Fk]).toEqual([3, 3, 7, 7, 5, 6]);
  });

  it('applies alpha as sdcMicro does (wildcard matches count alpha, complete matches 1)', () => {
    // keys (a,b): r1 (x,p), r2 (x,NA), r3 (NA,q), r4 (y,q). With alpha = 0.5, by hand:
    // r1: 1 + 0.5·r2 = 1.5; r2: 1 + r1 (complete, 1) + 0.5·r3 = 2.5; r3: 1 + 0.5·r2 + r4 = 2.5; r4: 1 + 0.5·r3 = 1.5
    const { codes } = keyCodesOf([
      ['x', 'x', '', 'y'],
      ['p', '', 'q', 'q'],
    ]);
    expect([...freqCalc(codes, { alpha: 0.5 }).fk]).toEqual([1.5, 2.5, 2.5, 1.5]);
  });

  it('agrees with the pairwise definition on random keys with missing values', () => {
    const arb = fc.integer({ min: 1, max: 4 }).chain((nk) =>
      fc.array(fc.tuple(fc.array(fc.integer({ min: -1, max: 2 }), { minLength: nk, maxLength: nk }), fc.integer({ min: 1, max: 100 })), {
        minLength: 1,
        maxLength: 40,
      }),
    );
    fc.assert(
      fc.property(arb, fc.constantFrom(1, 0.5), (rows, alpha) => {
        const nk = rows[0]![0].length;
        const codes = Array.from({ length: nk }, (_, j) => Int32Array.from(rows.map((r) => r[0][j]!)));
        const weights = rows.map((r) => r[1]);
        const ours = freqCalc(codes, { weights, alpha });
        const expected = bruteForce(codes, weights, alpha);
        expect([...ours.fk]).toEqual(expected.fk);
        expect(ours.Fk).toHaveLength(expected.Fk.length);
        ours.Fk.forEach((F, i) => {
          expect(F).toBeCloseTo(expected.Fk[i]!, 9);
        });
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('groups exact keys and handles 1,000,000 rows × 5 keys quickly', () => {
    const n = 1_000_000;
    const codes = [7, 3, 9, 5, 40].map((card, j) => {
      const column = new Int32Array(n);
      for (let i = 0; i < n; i++) column[i] = (i * (j + 3) + (i >> (j + 2))) % card;
      return column;
    });
    const start = performance.now();
    const { fk, groups } = freqCalc(codes);
    const elapsed = performance.now() - start;
    let total = 0;
    for (let g = 0; g < groups.count; g++) total += groups.size[g]!;
    expect(total).toBe(n);
    expect(fk[0]).toBe(groups.size[groups.groupOf[0]!]);
    // target well under a second on one core; generous bound for a shared test machine
    expect(elapsed).toBeLessThan(3000);
  });
});
