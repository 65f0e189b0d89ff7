import { describe, expect, it } from 'vitest';
import { en, ur } from '../../i18n/index.js';
import { Labels } from '../labels.js';
import type { TestEntry } from '../significanceTests.js';
import { markedNote } from './markedNote.js';

const test = (type: string, pAdjusted: number): TestEntry => ({
  analysisId: type,
  type,
  variable: 'score',
  by: 'gender',
  levels: ['male', 'female'],
  term: undefined,
  statistic: 1,
  df: 100,
  estimate: 0.3,
  pValue: pAdjusted / 2,
  pAdjusted,
  method: undefined,
  n: 500,
  suppressed: false,
  caution: null,
});

describe('markedNote', () => {
  it('explains the marks once, however many tests compare the same two groups', () => {
    const labels = new Labels(undefined, { en, ur });
    const note = markedNote([test('contrast', 0.002), test('ttest', 0.0004)], 'gender', [], labels, 'en', en);
    expect(note).toBe('Marked (◆ *), differs significantly after the Benjamini–Hochberg adjustment: male / female: p (BH) < 0.001.');
    expect(note!.match(/Marked/g)).toHaveLength(1);
    expect(markedNote([], 'gender', [], labels, 'en', en)).toBeUndefined();
  });
});
