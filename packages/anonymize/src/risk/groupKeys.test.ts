import { describe, expect, it } from 'vitest';
import { groupKeys } from './groupKeys.js';

describe('groupKeys', () => {
  it('numbers groups in first-seen order, missing (−1) a category of its own', () => {
    const g = groupKeys([Int32Array.from([0, 1, 0, -1]), Int32Array.from([0, 0, 0, 0])]);
    expect([...g.groupOf]).toEqual([0, 1, 0, 2]);
    expect(g.count).toBe(3);
    expect([...g.firstRow]).toEqual([0, 1, 3]);
    expect([...g.size]).toEqual([2, 1, 1]);
  });

  it('gives the same groups with the cardinalities given as read from the codes', () => {
    const a = Int32Array.from([2, 0, 2, -1, 1, 0]);
    const b = Int32Array.from([1, 1, 1, 0, -1, 1]);
    const read = groupKeys([a, b]);
    const given = groupKeys([a, b], 6, [3, 2]);
    expect([...given.groupOf]).toEqual([...read.groupOf]);
    expect([...read.groupOf]).toEqual([0, 1, 0, 2, 3, 1]);
  });

  it('groups through a Map when the pairs (group, code) are too many for a table', () => {
    // 4,000 groups after the first key, then a key of 5,000 codes: 20 million pairs (> 2^24).
    const n = 5000;
    const a = Int32Array.from({ length: n }, (_, i) => i % 4000);
    const b = Int32Array.from({ length: n }, (_, i) => (i < 4000 ? 4999 : 0));
    const g = groupKeys([a, b], n, [4000, 5000]);
    expect(g.count).toBe(5000);
    expect(g.groupOf[4000]).toBe(4000);
    const same = groupKeys([a, Int32Array.from({ length: n }, () => 4999)], n, [4000, 5000]);
    expect(same.count).toBe(4000);
    expect(same.groupOf[4000]).toBe(0);
  });

  it('has no group for no elements', () => {
    expect(groupKeys([new Int32Array(0)]).count).toBe(0);
    expect(groupKeys([], 3).count).toBe(1);
  });
});
