import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Column } from '../table/column.js';
import { dictionaryColumn } from '../table/dictionaryColumn.js';
import { numberColumn } from '../table/numberColumn.js';
import { textColumn } from '../table/textColumn.js';
import { parseCsvBytes } from './csvBytes.js';
import { parseCsvText } from './csv.js';
import { writeCsvFileAtomic } from './writeCsv.js';
import { writeCsvColumnsAtomic } from './writeColumns.js';

const parse = (text: string) => parseCsvBytes(Buffer.from(text, 'utf8'), 'test.csv');

function written(header: string[], columns: Column[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'leakrisk-write-')), 'out.csv');
  writeCsvColumnsAtomic(path, header, columns);
  return readFileSync(path, 'utf8');
}

/** What the string writer makes of the same texts. */
function expected(header: string[], columns: Column[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'leakrisk-write-')), 'out.csv');
  writeCsvFileAtomic(
    path,
    header,
    columns.map((column) => [...column]),
  );
  return readFileSync(path, 'utf8');
}

const sources = (table: ReturnType<typeof parse>, columns: number[]): Column[] => columns.map((j) => table.columns[j]!);

describe('writeCsvColumnsAtomic', () => {
  it('copies file cells, unquoting needless quotes and quoting texts that need it', () => {
    const table = parse('\ufeffid,note,code\r\n1,"plain",98\r\n2,"a, ""b""",""\r\n3,a"b,c\rd\r\n4,اردو 😀,\r\n5,"x\r\ny",7');
    const text = written(['id', 'note', 'code'], sources(table, [0, 1, 2]));
    expect(text).toBe('id,note,code\n1,plain,98\n2,"a, ""b""",\n3,"a""b","c\rd"\n4,اردو 😀,\n5,"x\r\ny",7\n');
    expect(text).toBe(expected(['id', 'note', 'code'], sources(table, [0, 1, 2])));
  });

  it('writes runs of file columns around columns of every other kind, in any order', () => {
    const table = parse('a,b,c,d\n1,2,3,4\n5,"6",7,8\n');
    const columns: Column[] = [
      table.columns[0]!,
      table.columns[1]!,
      textColumn(['x,y', 'é']),
      dictionaryColumn(Int32Array.from([1, 0]), ['', 'say "hi"']),
      table.columns[3]!,
      table.columns[2]!,
      dictionaryColumn(Int32Array.from([-1, 0]), ['m']),
      numberColumn(Float64Array.from([0.1, Number.NaN])),
    ];
    const header = ['a', 'b', 'new', 'f', 'd', 'c', 'g', 'x'];
    const text = written(header, columns);
    expect(text).toBe('a,b,new,f,d,c,g,x\n1,2,"x,y","say ""hi""",4,3,,0.1\n5,6,é,,8,7,m,\n');
    expect(text).toBe(expected(header, columns));
  });

  it('writes texts held as UTF-8 bytes', () => {
    const columns: Column[] = [textColumn(['plain', 'x\ny', 'say "hi"', '', 'ü']).utf8()];
    const text = written(['t'], columns);
    expect(text).toBe('t\nplain\n"x\ny"\n"say ""hi"""\n\nü\n');
    expect(text).toBe(expected(['t'], columns));
  });

  it('writes the header alone when there are no rows or no columns', () => {
    expect(written(['a', 'b,c'], sources(parse('a,b\n'), [0, 1]))).toBe('a,"b,c"\n');
    expect(written([], [])).toBe('\n');
  });

  it('writes the strings of a table read from text', () => {
    const table = parseCsvText('a,b\n"1",x\n2,"y""z"\n');
    expect(written(['b', 'a'], sources(table, [1, 0]))).toBe('b,a\nx,1\n"y""z",2\n');
  });

  it('grows its buffer for a cell larger than a chunk, and leaves no temporary file', () => {
    const big = 'é'.repeat(5_000_000);
    const dir = mkdtempSync(join(tmpdir(), 'leakrisk-write-'));
    writeCsvColumnsAtomic(join(dir, 'out.csv'), ['x'], [textColumn([big, 'a'])]);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(`x\n${big}\na\n`);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('refuses columns of different lengths and leaves nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakrisk-write-'));
    expect(() => writeCsvColumnsAtomic(join(dir, 'out.csv'), ['a', 'b'], [textColumn(['1']), textColumn([])])).toThrow(/different lengths/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('neutralises spreadsheet formulas in every kind of column, leaving numbers alone', () => {
    const formulas = ['=HYPERLINK("http://x.example","click")', '@SUM(A1:A9)', '+cmd|calc', "-2+3+cmd|' /C calc'!A0", '\t=1'];
    const numbers = ['-2.5', '+3', '-1e5', '7'];
    const cells = [...formulas, ...numbers];
    const neutral = 'f\n"\'=HYPERLINK(""http://x.example"",""click"")"\n\'@SUM(A1:A9)\n\'+cmd|calc\n\'-2+3+cmd|\' /C calc\'!A0\n\'\t=1\n-2.5\n+3\n-1e5\n7\n';
    // file cells, quoted and not, alone and in a run of columns
    const file = parse(
      `f,g\n${cells.map((c, i) => `${i % 2 ? `"${c.replace(/"/g, '""')}"` : c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c},1`).join('\n')}\n`,
    );
    expect(written(['f'], [file.columns[0]!])).toBe(neutral);
    expect(written(['f', 'g'], [file.columns[0]!, file.columns[1]!])).toBe(
      neutral
        .replace(/\n(?!$)/g, ',1\n')
        .replace('f,1\n', 'f,g\n')
        .replace(/\n$/, ',1\n'),
    );
    for (const column of [textColumn(cells), dictionaryColumn(Int32Array.from(cells.map((_, i) => i)), cells), file.columns[0]!.utf8()]) {
      expect(written(['f'], [column])).toBe(neutral);
      expect(expected(['f'], [column])).toBe(neutral);
    }
    // the header too
    expect(written(['=x'], [textColumn(['1'])])).toBe("'=x\n1\n");
  });

  it('writes file cells exactly as the string writer writes their texts', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        'NA',
        '1',
        '"',
        'a"b',
        'a,b',
        'x\ny',
        'c\rd',
        'a\r\nb',
        'ü',
        '😀',
        'long enough text',
        '=1+1',
        '-2.5',
        '@x',
        '+3',
        '-',
        '=a,b',
        '\t=1',
        "'=x",
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(cell, fc.boolean()), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        fc.subarray([0, 1, 2], { minLength: 1 }),
        (rows, crlf, lastEol, keep) => {
          // Quoted when needed or at random; unquoted quotes and lone CRs are legal inside a cell.
          const field = ([s, quote]: [string, boolean]) =>
            quote || /[,\n]/.test(s) || s.startsWith('"') || /\r(\n|$)/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
          const eol = crlf ? '\r\n' : '\n';
          const text = `a,b,c${eol}${rows.map((r) => r.map(field).join(',')).join(eol)}${lastEol ? eol : ''}`;
          const table = parse(text);
          const header = keep.map((j) => table.header[j]!);
          const columns = sources(table, keep);
          expect(written(header, columns)).toBe(expected(header, columns));
          expect(columns.map((column) => [...column])).toEqual(keep.map((j) => rows.map((r) => r[j]![0])));
        },
      ),
      { numRuns: 200 },
    );
  });
});
