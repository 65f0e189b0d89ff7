import { describe, expect, it } from 'vitest';
import { primarySuppression, protectGroups } from './disclosure.js';

describe('primarySuppression', () => {
  it('suppresses a base below the threshold and keeps one at it', () => {
    expect(primarySuppression(29, 30, false, 3000)).toEqual({ n: 29, suppressed: true, reason: 'base' });
    expect(primarySuppression(30, 30, false, 3000)).toEqual({ n: 30, suppressed: false, reason: null });
  });
  it('takes the sample size for a whole-population row without n, and suppresses a domain row without n', () => {
    expect(primarySuppression(undefined, 30, true, 3000)).toEqual({ n: 3000, suppressed: false, reason: null });
    expect(primarySuppression(undefined, 30, false, 3000)).toEqual({ n: null, suppressed: true, reason: 'unknown-base' });
  });
});

describe('protectGroups', () => {
  const cells = [
    { key: 'female', n: 1150, suppressed: false, reason: null },
    { key: 'male', n: 1800, suppressed: false, reason: null },
    { key: 'transgender', n: 12, suppressed: true, reason: 'base' as const },
    { key: 'prefer_not', n: 38, suppressed: false, reason: null },
  ];
  it('suppresses the next-smallest group when a single group is suppressed and the margin is published', () => {
    const out = protectGroups(cells, 30, true);
    expect(out.map((cell) => [cell.key, cell.suppressed, cell.reason])).toEqual([
      ['female', false, null],
      ['male', false, null],
      ['transgender', true, 'base'],
      ['prefer_not', true, 'secondary'],
    ]);
    expect(cells[3]!.suppressed).toBe(false);
  });
  it('changes nothing without a published margin or with two groups already suppressed', () => {
    expect(protectGroups(cells, 30, false).filter((cell) => cell.suppressed)).toHaveLength(1);
    const two = cells.map((cell) => (cell.key === 'prefer_not' ? { ...cell, suppressed: true, reason: 'base' as const } : cell));
    expect(protectGroups(two, 30, true).filter((cell) => cell.suppressed)).toHaveLength(2);
  });
});
