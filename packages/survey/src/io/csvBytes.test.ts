import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LeakriskError } from '../errors.js';
import { parseCsvBytes } from './csvBytes.js';
import { numericColumn } from './columns.js';

const parse = (text: string) => parseCsvBytes(Buffer.from(text, 'utf8'), 'test.csv');

describe('parseCsvBytes', () => {
  it('keeps cells in the bytes, unquoting fields when read', () => {
    const table = parse('id,comment,code\r\n1,"a, ""b""\r\nc",98\r\n2,plain,98\r\n');
    expect(table.nrow).toBe(2);
    expect(table.columns.map((column) => column.kind)).toEqual(['bytes', 'bytes', 'bytes']);
    expect(table.columns[1]!.get(0)).toBe('a, "b"\r\nc');
    expect([...table.columns[1]!]).toEqual(['a, "b"\r\nc', 'plain']);
    expect([...table.columns[2]!]).toEqual(['98', '98']);
  });

  it('names the line of a bad row after a quoted line break', () => {
    try {
      parse('a,b\n"x\ny",1\n1,2,3\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LeakriskError);
      expect((error as LeakriskError).line).toBe(4);
      expect((error as LeakriskError).row).toBe(2);
    }
  });

  it('rejects text after a closing quote and an empty line in the middle', () => {
    expect(() => parse('a,b\n"x"y,1\n')).toThrow(/broken quoting/);
    expect(() => parse('a,b\n1,2\n\n3,4\n')).toThrow(/empty line/);
    expect(parse('a,b\n1,2\n\n').nrow).toBe(1);
  });

  it('parses plain decimals from the bytes exactly as Number() does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 50 }), (pairs) => {
        const cells = pairs.map(([m, k]) => (k === 0 ? String(m) : (m / 10 ** k).toFixed(k)));
        const table = parse(`x\n${cells.join('\n')}\n`);
        const parsed = table.columns[0]!.readNumbers();
        expect(Array.from(parsed.values)).toEqual(cells.map(Number));
      }),
    );
  });

  it('treats declared missing codes, NA and empty cells as missing in numeric columns', () => {
    const table = parse('x,y\n98,1\n3.5,2\nNA,3\n,4\n1e3,5\n098,6\n');
    const x = numericColumn(table, 'x', { missingCodes: new Set(['98', '99']) });
    expect(Array.from(x)).toEqual([Number.NaN, 3.5, Number.NaN, Number.NaN, 1000, 98]);
    expect(() => numericColumn(parse('x\n1\nabc\n'), 'x')).toThrow(/row 2 holds "abc"/);
  });

  it('reads rows without quotes and rows with them alike: CRLF, a lone CR inside a cell, no final line end', () => {
    const table = parse('a,b\r\n1,x\ry\r\n"2",",z"\r\n3,\r\n,last\r');
    expect(table.columns.map((column) => [...column])).toEqual([
      ['1', '2', '3', ''],
      ['x\ry', ',z', '', 'last'],
    ]);
    expect(() => parse('a,b\n1,2,3\n')).toThrow(/row 1 has 3 fields but the header has 2/);
    expect(() => parse('a,b\n1\n')).toThrow(/row 1 has 1 field but the header has 2/);
  });

  it('leaves only non-empty cells that are not plain decimals to be read as text', () => {
    const parsed = parse('x\n1\n\nNA\n"2"\n1e3\n-0.5\n').columns[0]!.readNumbers();
    expect(Array.from(parsed.values)).toEqual([1, Number.NaN, Number.NaN, Number.NaN, Number.NaN, -0.5]);
    expect(parsed.irregular).toEqual([2, 3, 4]);
  });
});
