import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from '../io/csvBytes.js';
import { parseCsvText } from '../io/csv.js';
import { TextMatcher } from './textMatcher.js';
import { textColumn } from './textColumn.js';
import { utf8Column } from './utf8Column.js';

const parse = (text: string) => parseCsvBytes(Buffer.from(text, 'utf8'), 'test.csv');

describe('utf8', () => {
  it('points into the file for plain and quoted cells, CRLF rows and a BOM', () => {
    const table = parse('\ufeffa,b\r\nR1,"x, y"\r\n"R2",\r\nاردو,"😀"');
    const a = table.columns[0]!.utf8();
    const b = table.columns[1]!.utf8();
    expect([...a]).toEqual(['R1', 'R2', 'اردو']);
    expect([...b]).toEqual(['x, y', '', '😀']);
    expect(b.bytes).toBe(a.bytes); // the file's own bytes, no copy
  });

  it('copies a column with escaped quotes, undoing them', () => {
    const table = parse('a,b\n"say ""hi""",1\nplain,2\n"""",3\na"b,4\n');
    expect([...table.columns[0]!.utf8()]).toEqual(['say "hi"', 'plain', '"', 'a"b']);
    expect([...table.columns[1]!.utf8()]).toEqual(['1', '2', '3', '4']);
  });

  it('encodes the strings of other columns', () => {
    const table = parseCsvText('a,b\nü,1\n,2\nx,3\n');
    expect([...table.columns[0]!.utf8()]).toEqual(['ü', '', 'x']);
    expect([...textColumn(['a\ud800', '']).utf8()]).toEqual(['a\ufffd', '']);
  });
});

describe('utf8Column', () => {
  it('reads row i from bytes[start[i] … end[i]), as text and as numbers', () => {
    const column = utf8Column(Buffer.from('12x3.5'), Uint32Array.from([0, 2, 3, 2]), Uint32Array.from([2, 3, 6, 2]));
    expect(column.length).toBe(4);
    expect([...column]).toEqual(['12', 'x', '3.5', '']);
    const { values, irregular } = column.readNumbers();
    expect([...values]).toEqual([12, Number.NaN, 3.5, Number.NaN]);
    expect(irregular).toEqual([1]);
    expect(column.utf8()).toBe(column);
  });
});

describe('TextMatcher', () => {
  it('tells whether bytes spell one of the texts', () => {
    const matcher = new TextMatcher(['', 'NA', '98', 'ü']);
    const bytes = Buffer.from('NA98üN');
    expect(matcher.has(bytes, 0, 2)).toBe(true);
    expect(matcher.has(bytes, 2, 4)).toBe(true);
    expect(matcher.has(bytes, 4, 6)).toBe(true);
    expect(matcher.has(bytes, 3, 3)).toBe(true);
    expect(matcher.has(bytes, 1, 3)).toBe(false);
    expect(matcher.has(bytes, 6, 7)).toBe(false);
  });
});
