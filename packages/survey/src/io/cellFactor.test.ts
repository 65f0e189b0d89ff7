import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsvBytes } from './byteTable.js';
import { canonicalFactor, ColumnScan, countCellsIn, factorCells, factorColumns, factorStrings } from './cellFactor.js';
import { parseCsvText } from './csv.js';

const parse = (text: string) => parseCsvBytes(Buffer.from(text, 'utf8'), 'test.csv');

describe('factorStrings', () => {
  it('numbers distinct texts in order of first appearance, with their first rows', () => {
    const factor = factorStrings(['b', 'a', 'b', '', 'a', 'c']);
    expect(factor.values).toEqual(['b', 'a', '', 'c']);
    expect(Array.from(factor.index)).toEqual([0, 1, 0, 2, 1, 3]);
    expect(Array.from(factor.first)).toEqual([0, 1, 3, 5]);
  });
});

describe('factorCells', () => {
  it('gives one value per text however the file writes it', () => {
    const table = parse('x,y\r\n1,"a"\r\n"1",a\r\n"",""""\r\n,"x""y"\r\nNA,"say ""hi"", then go"\r\n12,"a,b"\r\n"12",abc\r\n');
    const x = factorCells(table, 0);
    expect(x.values).toEqual(['1', '', 'NA', '12']);
    expect(Array.from(x.index)).toEqual([0, 0, 1, 1, 2, 3, 3]);
    expect(Array.from(x.first)).toEqual([0, 2, 4, 5]);
    const y = factorCells(table, 1);
    expect(y.values).toEqual(['a', '"', 'x"y', 'say "hi", then go', 'a,b', 'abc']);
    expect(Array.from(y.index)).toEqual([0, 0, 1, 2, 3, 4, 5]);
  });

  it('keeps unquoted cells with a quote or a lone carriage return as written', () => {
    const table = parse('x\na"b\n"a""b"\nc\rd\n"c\rd"\n');
    const x = factorCells(table, 0);
    expect(x.values).toEqual(['a"b', 'c\rd']);
    expect(Array.from(x.index)).toEqual([0, 0, 1, 1]);
  });

  it('tells apart texts whose hashes collide', () => {
    // "v562789" and "v779192" share the 32-bit hash the byte reader keys longer texts by.
    const table = parse('x\nv562789\nv779192\nv562789\nv779192\n"v779192"\n');
    const x = factorCells(table, 0);
    expect(x.values).toEqual(['v562789', 'v779192']);
    expect(Array.from(x.index)).toEqual([0, 1, 0, 1, 1]);
  });

  it('reads UTF-8 text, the last column of CRLF rows and a last row without a line end', () => {
    const table = parse('\ufeffa,b\r\nاردو,😀\r\nاردو,"😀"\r\nx,y');
    expect(table.header).toEqual(['a', 'b']);
    expect(factorCells(table, 0).values).toEqual(['اردو', 'x']);
    const b = factorCells(table, 1);
    expect(b.values).toEqual(['😀', 'y']);
    expect(Array.from(b.index)).toEqual([0, 0, 1]);
  });

  it('matches factorStrings on the same cells, for byte-backed and in-memory tables', () => {
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
          const [a, b] = factorColumns(bytes, [0, 1]);
          for (const [j, factor] of [
            [0, a!],
            [1, b!],
          ] as const) {
            const expected = factorStrings(rows.map((r) => r[j]![0]));
            expect(factor).toEqual(expected);
            expect(factorCells(strings, j)).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tells a longer text from the one in the row above', () => {
    const table = parse('x\nabc\nabc\nabd\n"abd"\nab""c\n"ab""c"\n"ab""c"\nabc\n');
    const x = factorCells(table, 0);
    expect(x.values).toEqual(['abc', 'abd', 'ab""c', 'ab"c']);
    expect(Array.from(x.index)).toEqual([0, 0, 1, 1, 2, 3, 3, 0]);
  });

  it('keeps many distinct longer texts apart', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => `value-${(i * 7919) % 5000}`);
    const table = parse(`x\n${[...texts, ...texts].join('\n')}\n`);
    expect(factorCells(table, 0)).toEqual(factorStrings([...texts, ...texts]));
  });

  it('reads replaced columns as their strings', () => {
    const table = parse('x\n1\n2\n');
    table.columns[0] = ['b', 'b'];
    expect(factorCells(table, 0).values).toEqual(['b']);
  });
});

describe('canonicalFactor', () => {
  it('merges equal values and renumbers in order of first appearance, leaving out unused values', () => {
    const factor = canonicalFactor(Int32Array.from([3, 1, 0, 3, 2]), ['x', 'y', 'x', 'z', 'unused']);
    expect(factor.values).toEqual(['z', 'y', 'x']);
    expect(Array.from(factor.index)).toEqual([0, 1, 2, 0, 2]);
    expect(Array.from(factor.first)).toEqual([0, 1, 2]);
  });
});

describe('countCellsIn', () => {
  it("counts cells whose text is in the column's set, quoted or not", () => {
    const missing = new Set(['', 'NA', '98', 'a"b']);
    const text = 'x,y\n98,1\n"98",2\n,3\n"",4\nNA,5\n980,6\n"a""b",7\na"b,8\n9,9';
    expect(countCellsIn(parse(text), [0, 1], [missing, new Set(['1', '9'])])).toEqual([7, 2]);
    expect(countCellsIn(parseCsvText(text), [0, 1], [missing, new Set(['1', '9'])])).toEqual([7, 2]);
    expect(countCellsIn(parse(text), [1], [missing])).toEqual([0]);
  });
});

describe('ColumnScan', () => {
  it('reads codes block by block as factorCells numbers them, from bytes and from strings', () => {
    const table = parse('a,b\n"x",1\ny,2\nx,"1"\n');
    table.columns[1] = ['p', 'q', 'p'];
    const scan = new ColumnScan(table, [1, 0]);
    const first = new Int32Array(4);
    scan.readRows(0, 2, first);
    expect([...first]).toEqual([0, 1, 0, 1]);
    const second = new Int32Array(2);
    scan.readRows(2, 3, second);
    expect([...second]).toEqual([0, 0]);
    expect(scan.values).toEqual([
      ['p', 'q'],
      ['x', 'y'],
    ]);
    expect(scan.first).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('refuses rows out of order', () => {
    const scan = new ColumnScan(parse('a\n1\n2\n'), [0]);
    expect(() => scan.readRows(1, 2, new Int32Array(1))).toThrow(/out of order/);
  });
});
