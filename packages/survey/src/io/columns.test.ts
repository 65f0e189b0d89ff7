import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv.js';
import { factorColumn, firstPresentIsNumber, numericColumn, sortLevels } from './columns.js';
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

describe('firstPresentIsNumber', () => {
  const table = parseCsvText('a,b,c,d\n,NA,99,\n 3.5,x,7,\nfoo,2,y,\n', 'first.csv');
  it('looks at the first present cell only', () => {
    expect(firstPresentIsNumber(table, 'a')).toBe(true); // " 3.5": a number (the later "foo" is not looked at)
    expect(firstPresentIsNumber(table, 'b')).toBe(false); // "x"
    expect(firstPresentIsNumber(table, 'c')).toBe(true); // "99"
    expect(firstPresentIsNumber(table, 'c', new Set(['99', '7']))).toBe(false); // 99 and 7 are missing codes: "y"
    expect(firstPresentIsNumber(table, 'd')).toBe(true); // nothing present
  });
});
