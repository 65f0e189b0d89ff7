import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/index.js';
import { baseCell, baseRange, publishedBase } from './baseNote.js';

describe('baseRange (the base note)', () => {
  it('skips suppressed groups, as the estimates do: no "Base: 7 to 1,981" that tells a small group’s size', () => {
    const cells = [
      { n: 7, suppressed: true },
      { n: 38, suppressed: true },
      { n: 640, suppressed: false },
      { n: 1981, suppressed: false },
    ];
    expect(baseRange(cells)).toEqual({ min: 640, max: 1981 });
  });
  it('is null when nothing with a known base is published', () => {
    expect(baseRange([{ n: 7, suppressed: true }])).toBeNull();
    expect(baseRange([{ n: null, suppressed: false }])).toBeNull();
  });
});

describe('publishedBase and baseCell', () => {
  it('never give a base below minBase as a number; a secondarily suppressed base is large enough to give', () => {
    expect(publishedBase({ n: 12, reason: 'base' })).toBeNull();
    expect(publishedBase({ n: 38, reason: 'secondary' })).toBe(38);
    expect(baseCell({ n: 12, reason: 'base' }, 30, en)).toBe('fewer than 30');
    expect(baseCell({ n: 1981, reason: null }, 30, en)).toBe('1,981');
  });
});
