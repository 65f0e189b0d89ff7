import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsvBytes } from '../io/csvBytes.js';
import { parseCsvText } from '../io/csv.js';
import type { Column, DictionaryColumn } from './column.js';
import { countTexts } from './countTexts.js';
import { dictionaryColumn } from './dictionaryColumn.js';
import { ColumnScan, distinctColumns, distinctTexts } from './distinct.js';
import { numberColumn } from './numberColumn.js';
import { textColumn } from './textColumn.js';
import { utf8Column } from './utf8Column.js';

const parse = (text: string) => parseCsvBytes(Buffer.from(text, 'utf8'), 'test.csv');
/** A dictionary's codes and levels, to compare. */
const plain = (column: DictionaryColumn) => ({ codes: [...column.codes], levels: [...column.levels] });
/** The first row of each level. */
const firstRows = (column: DictionaryColumn) => column.levels.map((_, c) => column.codes.indexOf(c));

describe('distinctTexts', () => {
  it('numbers distinct texts in order of first appearance', () => {
    const column = distinctTexts(textColumn(['b', 'a', 'b', '', 'a', 'c']));
    expect(plain(column)).toEqual({ codes: [0, 1, 0, 2, 1, 3], levels: ['b', 'a', '', 'c'] });
    expect(firstRows(column)).toEqual([0, 1, 3, 5]);
    expect(column.kind).toBe('dictionary');
  });

  it('gives one value per text however the file writes it', () => {
    const table = parse('x,y\r\n1,"a"\r\n"1",a\r\n"",""""\r\n,"x""y"\r\nNA,"say ""hi"", then go"\r\n12,"a,b"\r\n"12",abc\r\n');
    const x = distinctTexts(table.columns[0]!);
    expect(plain(x)).toEqual({ codes: [0, 0, 1, 1, 2, 3, 3], levels: ['1', '', 'NA', '12'] });
    expect(firstRows(x)).toEqual([0, 2, 4, 5]);
    const y = distinctTexts(table.columns[1]!);
    expect(plain(y)).toEqual({ codes: [0, 0, 1, 2, 3, 4, 5], levels: ['a', '"', 'x"y', 'say "hi", then go', 'a,b', 'abc'] });
  });

  it('keeps unquoted cells with a quote or a lone carriage return as written', () => {
    const x = distinctTexts(parse('x\na"b\n"a""b"\nc\rd\n"c\rd"\n').columns[0]!);
    expect(plain(x)).toEqual({ codes: [0, 0, 1, 1], levels: ['a"b', 'c\rd'] });
  });

  it('tells apart texts whose hashes collide', () => {
    // "v562789" and "v779192" share the 32-bit hash the byte reader keys longer texts by.
    const x = distinctTexts(parse('x\nv562789\nv779192\nv562789\nv779192\n"v779192"\n').columns[0]!);
    expect(plain(x)).toEqual({ codes: [0, 1, 0, 1, 1], levels: ['v562789', 'v779192'] });
  });

  it('reads UTF-8 text, the last column of CRLF rows and a last row without a line end', () => {
    const table = parse('\ufeffa,b\r\nاردو,😀\r\nاردو,"😀"\r\nx,y');
    expect(table.header).toEqual(['a', 'b']);
    expect(distinctTexts(table.columns[0]!).levels).toEqual(['اردو', 'x']);
    expect(plain(distinctTexts(table.columns[1]!))).toEqual({ codes: [0, 0, 1], levels: ['😀', 'y'] });
  });

  it('gives the same dictionary from the bytes, from strings and from UTF-8 texts', () => {
    const cell = fc.oneof(fc.constantFrom('', 'NA', '1', '98', '"', 'a,b', 'x\ny', 'a\r\nb', 'ü', '😀', 'long enough text'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.tuple(cell, fc.boolean()), fc.tuple(cell, fc.boolean())), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (rows, crlf) => {
          // Quoted when the text needs it, and needlessly at random.
          const field = ([s, quote]: [string, boolean]) => (quote || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
          const eol = crlf ? '\r\n' : '\n';
          const text = `a,b${eol}${rows.map((r) => r.map(field).join(',')).join(eol)}${eol}`;
          const bytes = parse(text);
          const strings = parseCsvText(text);
          const [a, b] = distinctColumns(bytes.columns);
          for (const [j, found] of [
            [0, a!],
            [1, b!],
          ] as const) {
            const cells = rows.map((r) => r[j]![0]);
            const expected = plain(distinctTexts(textColumn(cells)));
            expect(plain(found)).toEqual(expected);
            expect(plain(distinctTexts(strings.columns[j]!))).toEqual(expected);
            expect(plain(distinctTexts(bytes.columns[j]!.utf8()))).toEqual(expected);
            // Distinct texts of distinct texts: the same dictionary.
            expect(plain(distinctTexts(found))).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tells a longer text from the one in the row above', () => {
    const x = distinctTexts(parse('x\nabc\nabc\nabd\n"abd"\nab""c\n"ab""c"\n"ab""c"\nabc\n').columns[0]!);
    expect(plain(x)).toEqual({ codes: [0, 0, 1, 1, 2, 3, 3, 0], levels: ['abc', 'abd', 'ab""c', 'ab"c'] });
  });

  it('keeps many distinct longer texts apart', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => `value-${(i * 7919) % 5000}`);
    const x = distinctTexts(parse(`x\n${[...texts, ...texts].join('\n')}\n`).columns[0]!);
    expect(plain(x)).toEqual(plain(distinctTexts(textColumn([...texts, ...texts]))));
    expect(x.levels).toHaveLength(5000);
  });

  it('merges equal levels of a dictionary and leaves out unused ones, the missing code becoming the empty text', () => {
    const x = distinctTexts(dictionaryColumn(Int32Array.from([3, 1, 0, 3, -1, 2]), ['x', 'y', 'x', 'z', 'unused']));
    expect(plain(x)).toEqual({ codes: [0, 1, 2, 0, 3, 2], levels: ['z', 'y', 'x', ''] });
  });

  it('reads numbers as their texts, 0 and −0 alike and NaN as the empty text', () => {
    const x = distinctTexts(numberColumn(Float64Array.from([2.5, Number.NaN, 0, -0, 2.5, 1e21])));
    expect(plain(x)).toEqual({ codes: [0, 1, 2, 2, 0, 3], levels: ['2.5', '', '0', '1e+21'] });
  });
});

describe('countTexts', () => {
  it("counts cells whose text is in the column's set, quoted or not, for every kind of column", () => {
    const missing = new Set(['', 'NA', '98', 'a"b']);
    const text = 'x,y\n98,1\n"98",2\n,3\n"",4\nNA,5\n980,6\n"a""b",7\na"b,8\n9,9';
    const bytes = parse(text).columns;
    expect(countTexts(bytes, [missing, new Set(['1', '9'])])).toEqual([7, 2]);
    expect(countTexts(parseCsvText(text).columns, [missing, new Set(['1', '9'])])).toEqual([7, 2]);
    expect(countTexts([bytes[1]!], [missing])).toEqual([0]);
    expect(countTexts([numberColumn(Float64Array.from([98, Number.NaN, 1]))], [missing])).toEqual([2]);
  });
});

describe('ColumnScan', () => {
  it('reads codes block by block as distinctTexts numbers them, whatever holds the cells', () => {
    const table = parse('a,b\n"x",1\ny,2\nx,"1"\n');
    const columns: Column[] = [textColumn(['p', 'q', 'p']), table.columns[0]!, dictionaryColumn(Int32Array.from([1, -1, 1]), ['u', 'v'])];
    const scan = new ColumnScan(columns);
    const first = new Int32Array(6);
    scan.readRows(0, 2, first);
    expect([...first]).toEqual([0, 1, 0, 1, 0, 1]);
    const second = new Int32Array(3);
    scan.readRows(2, 3, second);
    expect([...second]).toEqual([0, 0, 0]);
    expect(scan.levels).toEqual([
      ['p', 'q'],
      ['x', 'y'],
      ['v', ''],
    ]);
  });

  it('refuses rows out of order', () => {
    const scan = new ColumnScan(parse('a\n1\n2\n').columns);
    expect(() => scan.readRows(1, 2, new Int32Array(1))).toThrow(/out of order/);
  });

  it('reads UTF-8 texts', () => {
    const texts = utf8Column(Buffer.from('abab'), Uint32Array.from([0, 2, 1]), Uint32Array.from([2, 4, 3]));
    const scan = new ColumnScan([texts]);
    const codes = new Int32Array(3);
    scan.readRows(0, 3, codes);
    expect([...codes]).toEqual([0, 0, 1]);
    expect(scan.levels).toEqual([['ab', 'ba']]);
  });
});
