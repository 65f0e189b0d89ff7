import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from './byteTable.js';
import { cellTexts, textAt, TextMatcher, textsOfStrings } from './cellTexts.js';
import { parseCsvText } from './csv.js';

const parse = (text: string) => parseCsvBytes(Buffer.from(text, 'utf8'), 'test.csv');
const all = (texts: ReturnType<typeof cellTexts>) => Array.from(texts.start, (_, i) => textAt(texts, i));

describe('cellTexts', () => {
  it('points into the file for plain and quoted cells, CRLF rows and a BOM', () => {
    const table = parse('\ufeffa,b\r\nR1,"x, y"\r\n"R2",\r\nاردو,"😀"');
    const a = cellTexts(table, 0);
    const b = cellTexts(table, 1);
    expect(all(a)).toEqual(['R1', 'R2', 'اردو']);
    expect(all(b)).toEqual(['x, y', '', '😀']);
    expect(b.bytes).toBe(a.bytes); // the file's own bytes, no copy
  });

  it('copies a column with escaped quotes, undoing them', () => {
    const table = parse('a,b\n"say ""hi""",1\nplain,2\n"""",3\na"b,4\n');
    const a = cellTexts(table, 0);
    expect(all(a)).toEqual(['say "hi"', 'plain', '"', 'a"b']);
    expect(all(cellTexts(table, 1))).toEqual(['1', '2', '3', '4']);
  });

  it('encodes the strings of a table that is not byte-backed', () => {
    const table = parseCsvText('a,b\nü,1\n,2\nx,3\n');
    expect(all(cellTexts(table, 0))).toEqual(['ü', '', 'x']);
    expect(all(textsOfStrings(['a\ud800', '']))).toEqual(['a\ufffd', '']);
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
