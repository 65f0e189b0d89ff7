import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectEstimates, protectTable } from './protect.js';

describe('protectTable', () => {
  it('suppresses a small cell and closes the rectangle (hand-worked)', () => {
    // threshold 5: (a,y) = 3 is primary. Row a → smallest other cell (a,x) = 10. Column x → (c,x) = 7
    // (smaller than 12). Row c → (c,y) = 9, which also gives column y its second cell.
    const result = protectTable(
      {
        rows: ['a', 'b', 'c'],
        cols: ['x', 'y', 'z'],
        counts: [
          [10, 3, 20],
          [12, 15, 8],
          [7, 9, 30],
        ],
        values: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
      },
      { threshold: 5 },
    );
    expect(result.reason).toEqual([
      ['secondary', 'primary', null],
      [null, null, null],
      ['secondary', 'secondary', null],
    ]);
    expect(result.primary).toBe(1);
    expect(result.secondary).toBe(3);
    expect(result.counts).toEqual([
      [null, null, 20],
      [12, 15, 8],
      [null, null, 30],
    ]);
    expect(result.values).toEqual([
      [null, null, 3],
      [4, 5, 6],
      [null, null, 9],
    ]);
    expect(result.suppressed.map((s) => `${s.row}/${s.col}:${s.reason}`)).toEqual(['a/x:secondary', 'a/y:primary', 'c/x:secondary', 'c/y:secondary']);
  });

  it('gives each column of two small cells in one row its own complement', () => {
    // (a,x) = 2 and (a,y) = 1 in row a; columns x and y each then need a second cell: (b,x) and (b,y)
    const result = protectTable(
      {
        rows: ['a', 'b'],
        cols: ['x', 'y', 'z'],
        counts: [
          [2, 1, 40],
          [20, 25, 30],
        ],
      },
      { threshold: 3 },
    );
    expect(result.reason).toEqual([
      ['primary', 'primary', null],
      ['secondary', 'secondary', null],
    ]);
  });

  it('does not treat zeros as sensitive unless asked, and prefers positive complements', () => {
    const plain = protectTable({ rows: ['all'], cols: ['a', 'b', 'c', 'd', 'e'], counts: [[50, 2, 30, 8, 0]] }, { threshold: 5 });
    expect(plain.reason[0]).toEqual([null, 'primary', null, 'secondary', null]);
    const zeros = protectTable({ rows: ['all'], cols: ['a', 'b', 'c'], counts: [[0, 10, 12]] }, { threshold: 5, zerosSensitive: true });
    expect(zeros.reason[0]).toEqual(['primary', 'secondary', null]);
  });

  it('leaves a table without small cells alone', () => {
    const result = protectTable(
      {
        rows: ['a', 'b'],
        cols: ['x', 'y'],
        counts: [
          [5, 6],
          [0, 9],
        ],
      },
      { threshold: 5 },
    );
    expect(result.suppressed).toEqual([]);
  });

  it('applies only the column constraint to a one-column table', () => {
    // one column with a total: rows are its cells; (b) = 1 primary → smallest other positive, (c) = 6
    const result = protectTable({ rows: ['a', 'b', 'c'], cols: ['n'], counts: [[40], [1], [6]] }, { threshold: 3 });
    expect(result.reason.map((r) => r[0])).toEqual([null, 'primary', 'secondary']);
  });

  it('never leaves a suppressed cell alone in its row or column (property)', () => {
    const arb = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .chain(([R, C]) =>
        fc.tuple(
          fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: C, maxLength: C }), { minLength: R, maxLength: R }),
          fc.integer({ min: 1, max: 6 }),
          fc.boolean(),
        ),
      );
    fc.assert(
      fc.property(arb, ([counts, threshold, zerosSensitive]) => {
        const R = counts.length;
        const C = counts[0]!.length;
        const result = protectTable({ rows: counts.map((_, i) => `r${i}`), cols: counts[0]!.map((_, j) => `c${j}`), counts }, { threshold, zerosSensitive });
        const sup = result.reason.map((row) => row.map((x) => x !== null));
        for (let r = 0; r < R; r++)
          for (let c = 0; c < C; c++) {
            const n = counts[r]![c]!;
            const sensitive = n === 0 ? zerosSensitive : n < threshold;
            if (sensitive) expect(result.reason[r]![c]).toBe('primary');
            else expect(result.reason[r]![c]).not.toBe('primary');
          }
        if (C > 1) for (let r = 0; r < R; r++) expect(sup[r]!.filter(Boolean).length).not.toBe(1);
        if (R > 1) for (let c = 0; c < C; c++) expect(sup.filter((row) => row[c]).length).not.toBe(1);
        if (result.primary === 0) expect(result.secondary).toBe(0);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('protectEstimates', () => {
  const rows = [
    { key: 'punjab', n: 120 },
    { key: 'sindh', n: 60 },
    { key: 'balochistan', n: 4 },
    { key: 'islamabad', n: 15 },
  ];

  it('suppresses the smallest other domain when a total is published', () => {
    expect(protectEstimates(rows, 10, { hasTotal: true }).map((r) => r.reason)).toEqual([null, null, 'primary', 'secondary']);
  });

  it('suppresses only small domains without a total', () => {
    expect(protectEstimates(rows, 10, { hasTotal: false }).map((r) => r.suppressed)).toEqual([false, false, true, false]);
  });
});
