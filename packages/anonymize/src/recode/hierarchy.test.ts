import { describe, expect, it } from 'vitest';
import { buildHierarchy, flatHierarchy, generalizeLeaf, hierarchyFromTable, leafCodes } from './hierarchy.js';

const table = {
  file: '/abs/district.csv',
  path: 'district.csv',
  header: ['district', 'division', 'province'],
  rows: [
    ['lahore', 'lahore_div', 'punjab'],
    ['kasur', 'lahore_div', 'punjab'],
    ['multan', 'multan_div', 'punjab'],
    ['karachi_south', 'karachi_div', 'sindh'],
  ],
  levels: 3,
};

describe('hierarchyFromTable', () => {
  it('maps each value to its group at every level, with * on top', () => {
    const h = hierarchyFromTable('district', table);
    expect(h.levelNames).toEqual(['district', 'division', 'province', '*']);
    expect([0, 1, 2, 3].map((level) => generalizeLeaf(h, 1, level))).toEqual(['kasur', 'lahore_div', 'punjab', '*']);
    expect([...h.leafCount[2]!]).toEqual([3, 1]);
  });
  it('drops a written-out * column', () => {
    const h = hierarchyFromTable('district', { ...table, header: undefined, rows: table.rows.map((r) => [...r, '*']), levels: 4 });
    expect(h.levelNames).toEqual(['district', 'district_1', 'district_2', '*']);
  });
  it('refuses a group with two parents, naming the row', () => {
    expect(() =>
      buildHierarchy(
        'd',
        ['d', 'a', 'b'],
        ['x', 'y'],
        [
          ['g', 'g'],
          ['p', 'q'],
        ],
        { rowOf: (i) => i + 2 },
      ),
    ).toThrow(/not a tree: the group "g" is grouped into both "p" and "q"/);
  });
  it('refuses a value listed twice without naming it', () => {
    expect(() => buildHierarchy('d', ['d'], ['lahore', 'lahore'], [], { rowOf: (i) => i + 2 })).toThrow(
      'the same value is listed twice in the hierarchy (rows 2 and 3)',
    );
  });
  it('names the row of a value that is not in the hierarchy', () => {
    const h = hierarchyFromTable('district', table);
    expect(() => leafCodes(h, ['lahore', 'quetta'], (c) => c === '')).toThrow('a value (a text of 6 characters) is not in the hierarchy');
    expect([...leafCodes(h, ['multan', '', 'lahore'], (c) => c === '')]).toEqual([2, -1, 0]);
  });
});

describe('flatHierarchy', () => {
  it('orders values by the given order, then by code units', () => {
    const h = flatHierarchy('gender', ['male', 'zz', 'female', 'aa', 'male'], ['female', 'male', 'transgender']);
    expect(h.leaves).toEqual(['female', 'male', 'aa', 'zz']);
    expect(h.levelNames).toEqual(['gender', '*']);
  });
});
