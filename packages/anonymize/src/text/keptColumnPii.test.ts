import { describe, expect, it } from 'vitest';
import { PII_SAMPLE_VALUES, piiInKeptColumn } from './keptColumnPii.js';

const notMissing = (value: string) => value === '';

describe('piiInKeptColumn', () => {
  it('finds phone numbers, CNICs and emails in a kept column, counting cells', () => {
    const values = ['0300-1234567', 'yes', '35202-1234567-1', 'a.b@example.pk', '+92 321 7654321'];
    expect(piiInKeptColumn(values, [3, 10, 2, 1, 1], notMissing)).toEqual([
      { kind: 'PHONE', cells: 4 },
      { kind: 'CNIC', cells: 2 },
      { kind: 'EMAIL', cells: 1 },
    ]);
  });

  it('finds nothing in weights, Likert codes, bands and answer words', () => {
    const values = ['42134.10', '1', '5', '98', '25-34', 'strongly_agree', 'Strongly agree', 'punjab_urban', '2024-03-01', '1122'];
    expect(piiInKeptColumn(values, new Array(values.length).fill(1), notMissing)).toEqual([]);
  });

  it('reads the whole column once the sample finds something, and only then', () => {
    const values = Array.from({ length: PII_SAMPLE_VALUES + 3 }, (_, v) => String(v));
    values[10] = '0300-1234567';
    values[PII_SAMPLE_VALUES + 1] = '0321-7654321';
    const rows = new Array(values.length).fill(2);
    expect(piiInKeptColumn(values, rows, notMissing)).toEqual([{ kind: 'PHONE', cells: 4 }]);
    // beyond the sample, in a column whose sample is clean: not read (the sample is the price of speed)
    values[10] = '10';
    expect(piiInKeptColumn(values, rows, notMissing)).toEqual([]);
  });

  it('skips missing cells', () => {
    expect(piiInKeptColumn(['0300-1234567'], [5], () => true)).toEqual([]);
  });
});
