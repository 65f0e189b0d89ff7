import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classesOfRows } from './classes.js';
import { checkClasses, isDiverse } from './requirement.js';

/** Codes a list of string columns (missing '' → -1), values numbered in order of appearance. */
function encode(columns: string[][]): { codes: Int32Array[]; cards: number[] } {
  const codes: Int32Array[] = [];
  const cards: number[] = [];
  for (const column of columns) {
    const ids = new Map<string, number>();
    codes.push(
      Int32Array.from(column, (v) => {
        if (v === '') return -1;
        if (!ids.has(v)) ids.set(v, ids.size);
        return ids.get(v)!;
      }),
    );
    cards.push(ids.size);
  }
  return { codes, cards };
}

function fkOfRows(columns: string[][], missingMatches: 'any' | 'self'): number[] {
  const { codes, cards } = encode(columns);
  const n = columns[0]!.length;
  const { table, classOf } = classesOfRows(codes, cards, [], [], n);
  const { fk } = checkClasses(table, { k: 2, missingMatches });
  return Array.from(classOf, (c) => fk[c]!);
}

describe('checkClasses', () => {
  it('gives the SDC Practice guide fk (sdcMicro freqCalc) for the ten-record example', () => {
    const ref = JSON.parse(readFileSync(new URL('../../test/fixtures/risk/sdcpractice-table-4-1.json', import.meta.url), 'utf8')) as {
      keys: string[];
      rows: Record<string, string>[];
      expected: { fk: number[] };
    };
    const columns = ref.keys.map((key) => ref.rows.map((r) => r[key]!));
    expect(fkOfRows(columns, 'any')).toEqual(ref.expected.fk);
  });

  it('lets a missing key match every value under "any" (hand count) and only itself under "self"', () => {
    // rows: (a,x) (a,x) (a,'') ('',y) (b,y)
    const columns = [
      ['a', 'a', 'a', '', 'b'],
      ['x', 'x', '', 'y', 'y'],
    ];
    // row1 matches rows 1,2,3 ("a", missing) and 4 (missing, y≠x? no: y ≠ x) → 3
    // row3 (a,'') matches 1,2,3 and 4 ('' vs a ok, '' vs y ok) → 4; row4 ('',y) matches 3,4,5 → 3; row5 (b,y) matches 4,5 → 2
    expect(fkOfRows(columns, 'any')).toEqual([3, 3, 4, 3, 2]);
    expect(fkOfRows(columns, 'self')).toEqual([2, 2, 1, 1, 1]);
  });

  it('checks distinct l-diversity on the matching set', () => {
    const { codes, cards } = encode([['a', 'a', 'b', 'b', '']]);
    const sensitive = Int32Array.from([0, 0, 0, 1, 1]);
    const { table, classOf } = classesOfRows(codes, cards, [sensitive], [2], 5);
    const check = checkClasses(table, { k: 1, l: { distinct: 2 }, missingMatches: 'any' });
    // class a: rows 1,2 + wildcard row 5 → values {0,0,1}: diverse; class b: {0,1,1}: diverse
    expect(Array.from(classOf, (c) => check.violates[c])).toEqual([0, 0, 0, 0, 0]);
    const self = checkClasses(table, { k: 1, l: { distinct: 2 }, missingMatches: 'self' });
    // under self, class a holds only value 0; the all-missing row is exempt
    expect(Array.from(classOf, (c) => self.violates[c])).toEqual([1, 1, 0, 0, 0]);
  });
});

describe('isDiverse', () => {
  it('applies entropy l-diversity: counts (2,2) have entropy ln 2', () => {
    expect(isDiverse([2, 2], 0, 2, { entropy: 2 })).toBe(true);
    expect(isDiverse([3, 1], 0, 2, { entropy: 2 })).toBe(false);
  });
  it('applies recursive (c,l): r1 < c (r_l + … + r_m)', () => {
    // counts 5,3,2 with l = 2: tail = 3 + 2 = 5; c = 1.1 → 5 < 5.5 holds; c = 1 → 5 < 5 fails
    expect(isDiverse([5, 3, 2], 0, 3, { recursive: { c: 1.1, l: 2 } })).toBe(true);
    expect(isDiverse([5, 3, 2], 0, 3, { recursive: { c: 1, l: 2 } })).toBe(false);
  });
});

describe('checkClasses with fully missing keys', () => {
  it('does not count all-missing records towards others when there are two keys (sdcMicro freqCalc)', () => {
    // rows: (a,x) (a,x) ('','') — the all-missing row matches all 3, the others only each other
    const { codes, cards } = encode([
      ['a', 'a', ''],
      ['x', 'x', ''],
    ]);
    const { table, classOf } = classesOfRows(codes, cards, [], [], 3);
    const { fk } = checkClasses(table, { k: 2, missingMatches: 'any' });
    expect(Array.from(classOf, (c) => fk[c])).toEqual([2, 2, 3]);
  });
});
