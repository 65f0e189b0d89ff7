import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv.js';
import { factorColumn, numericColumn, sortLevels } from './columns.js';
import { LeakriskError } from '../errors.js';

const table = parseCsvText('a,b\n1,x\n,NA\n98,y\n2.5e1,x\n', 'data.csv');

describe('numericColumn', () => {
  it('reads numbers; empty, NA and declared codes are NaN', () => {
    const v = numericColumn(table, 'a', { missingCodes: new Set(['98']) });
    expect([...v].map((x) => (Number.isNaN(x) ? null : x))).toEqual([1, null, null, 25]);
  });
  it('names file, row, column and value for text in a numeric column', () => {
    try {
      numericColumn(table, 'b');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LeakriskError);
      const err = e as LeakriskError;
      expect([err.file, err.row, err.column]).toEqual(['data.csv', 1, 'b']);
      expect(err.message).toContain('"x"');
      expect(err.fix).toContain('missing code');
    }
  });
});

describe('factorColumn', () => {
  it('sorts levels by code point without given levels; missing = −1', () => {
    const f = factorColumn(table, 'b');
    expect(f.levels).toEqual(['x', 'y']);
    expect([...f.codes]).toEqual([0, -1, 1, 0]);
  });
  it('follows given levels and rejects others naming the row', () => {
    expect([...factorColumn(table, 'b', { levels: ['y', 'x'] }).codes]).toEqual([1, -1, 0, 1]);
    expect(() => factorColumn(table, 'b', { levels: ['x'] })).toThrow(/row 3/);
  });
  it('sorts numeric levels numerically, as R', () => {
    expect(sortLevels(['10', '9', '1'])).toEqual(['1', '9', '10']);
    expect(sortLevels(['b', 'B', 'a'])).toEqual(['B', 'a', 'b']);
  });
});
