import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classesOfRows } from './classes.js';
import { achievedPrivacy, checkClasses } from './requirement.js';

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

describe('achievedPrivacy', () => {
  it('gives the smallest fk and the smallest distinct and entropy l of a matching set', () => {
    // keys: a a a b b (no missing); sensitive: 0 1 1 0 0 → class a {0:1, 1:2}, class b {0:2}
    const { table } = classesOfRows([Int32Array.from([0, 0, 0, 1, 1])], [2], [Int32Array.from([0, 1, 1, 0, 0])], [2], 5);
    const achieved = achievedPrivacy(table, { k: 2, l: { distinct: 2 }, missingMatches: 'any' }, ['s']);
    expect(achieved.minFk).toBe(2);
    expect(achieved.violatingRecords).toBe(2); // class b has one value
    expect(achieved.l).toEqual([{ column: 's', distinct: 1, entropy: 1 }]);
  });

  it('leaves out the classes exempt under self (every key missing)', () => {
    // keys: a a -1 ; the all-missing record alone would give fk 1
    const { table } = classesOfRows([Int32Array.from([0, 0, -1])], [1], [Int32Array.from([0, 1, 0])], [2], 3);
    const self = achievedPrivacy(table, { k: 2, missingMatches: 'self' }, ['s']);
    expect(self.minFk).toBe(2);
    expect(self.l[0]!.distinct).toBe(2);
    expect(self.l[0]!.entropy).toBeCloseTo(2, 14);
    expect(achievedPrivacy(table, { k: 2, missingMatches: 'any' }, ['s']).minFk).toBe(3);
  });
});
