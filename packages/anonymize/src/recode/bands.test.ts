import { describe, expect, it } from 'vitest';
import { bandIndex, makeBands, recodeToBand } from './bands.js';
import { autoIntervalHierarchy, bandLeafCodes } from './autoHierarchy.js';
import { isLeakriskError } from '@leakrisk/survey';

describe('makeBands', () => {
  it('labels the survey age bands with a bottom-code band and an open top band', () => {
    expect(makeBands([18, 26, 36, 46, 56, 66]).labels).toEqual(['<18', '18-25', '26-35', '36-45', '46-55', '56-65', '66+']);
  });
  it('labels non-integer breaks as half-open intervals', () => {
    expect(makeBands([0.5, 1.5]).labels).toEqual(['<0.5', '0.5-<1.5', '1.5+']);
  });
  it('rejects breaks that do not increase', () => {
    expect(() => makeBands([18, 18])).toThrow(/increase strictly/);
  });
});

describe('recodeToBand', () => {
  const bands = makeBands([18, 26, 36, 46, 56, 66]);
  it('puts boundary values in the band that starts there', () => {
    expect(['17', '18', '25', '26', '65', '66', '90'].map((c) => recodeToBand(bands, c))).toEqual(['<18', '18-25', '18-25', '26-35', '56-65', '66+', '66+']);
  });
  it('passes an existing band label through', () => {
    expect(bandIndex(bands, '26-35')).toBe(2);
  });
  it('names the row of a value that is not a number, never the value', () => {
    try {
      bandLeafCodes([18, 26], ['30', '35202-1234567-1'], (c) => c === '', { column: 'age', file: 'raw.csv' });
      expect.unreachable();
    } catch (error) {
      expect(isLeakriskError(error)).toBe(true);
      expect((error as { row: number }).row).toBe(2);
      expect((error as Error).message).toBe('the value (a text of 15 characters, 13 of them digits) is not a number, so it cannot be put into a band');
    }
    expect(() => recodeToBand(bands, 'Ayesha')).toThrow('the value (a text of 6 characters) is not a number');
  });
  it('leaves missing cells missing', () => {
    expect([...bandLeafCodes([18, 26], ['', '19', 'NA'], (c) => c === '' || c === 'NA')]).toEqual([-1, 1, -1]);
  });
});

describe('autoIntervalHierarchy', () => {
  it('merges adjacent bands pairwise up to one break', () => {
    const h = autoIntervalHierarchy('age', [18, 26, 36, 46, 56, 66]);
    const labelsAt = (level: number) => h.leaves.map((_, leaf) => h.labels[level]![h.groupOf[level]![leaf]!]);
    expect(labelsAt(0)).toEqual(['<18', '18-25', '26-35', '36-45', '46-55', '56-65', '66+']);
    expect(labelsAt(1)).toEqual(['<18', '18-35', '18-35', '36-55', '36-55', '56+', '56+']);
    expect(labelsAt(2)).toEqual(['<18', '18-55', '18-55', '18-55', '18-55', '56+', '56+']);
    expect(labelsAt(3)).toEqual(['<18', '18+', '18+', '18+', '18+', '18+', '18+']);
    expect(h.levelNames).toEqual(['age', 'age_1', 'age_2', 'age_3', '*']);
    expect([...h.leafCount[1]!]).toEqual([1, 2, 2, 2]);
  });
});
