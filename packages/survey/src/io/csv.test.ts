import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeakriskError } from '../errors.js';
import { formatCsv, formatCsvRows, parseCsvText, readCsvFile } from './csv.js';
import { isMissingCell } from '../table/missingCell.js';
import type { Table } from '../table/table.js';

/** Each column's cells as texts. */
const texts = (table: Table) => table.columns.map((column) => [...column]);

function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'leakrisk-csv-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function errorOf(promise: Promise<unknown>): Promise<LeakriskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LeakriskError) return error;
    throw error;
  }
  throw new Error('expected a LeakriskError');
}

describe('readCsvFile', () => {
  it('reads columns, keeping cells exactly as written', async () => {
    const table = await readCsvFile(tempFile('a.csv', 'id,comment,age\n1,"hello, world",34\n2,,NA\n'));
    expect(table.header).toEqual(['id', 'comment', 'age']);
    expect(table.nrow).toBe(2);
    expect(texts(table)).toEqual([
      ['1', '2'],
      ['hello, world', ''],
      ['34', 'NA'],
    ]);
  });

  it('accepts a UTF-8 BOM and CRLF line ends', async () => {
    const table = await readCsvFile(tempFile('bom.csv', '\ufeffprovince,n\r\nسندھ,3\r\nPunjab,4\r\n'));
    expect(table.header).toEqual(['province', 'n']);
    expect(texts(table)).toEqual([
      ['سندھ', 'Punjab'],
      ['3', '4'],
    ]);
  });

  it('keeps quoted line breaks and doubled quotes inside a field', async () => {
    const table = await readCsvFile(tempFile('q.csv', 'a,b\n"line one\nline two","say ""hi"""\n'));
    expect(texts(table)).toEqual([['line one\nline two'], ['say "hi"']]);
  });

  it('names the line of a row with the wrong number of fields', async () => {
    const error = await errorOf(readCsvFile(tempFile('bad.csv', 'a,b\n1,2\n"x\ny",3\n4,5,6\n'), 'bad.csv'));
    expect(error.file).toBe('bad.csv');
    expect(error.row).toBe(3);
    expect(error.line).toBe(5);
    expect(error.message).toContain('3 fields but the header has 2');
  });

  it('rejects a file that is not UTF-8, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a])]);
    const error = await errorOf(readCsvFile(tempFile('latin1.csv', bytes), 'latin1.csv'));
    expect(error.message).toContain('not valid UTF-8');
    expect(error.line).toBe(3);
  });

  it('rejects broken quoting', async () => {
    const error = await errorOf(readCsvFile(tempFile('quote.csv', 'a,b\n1,"unclosed\n'), 'quote.csv'));
    expect(error.message).toContain('broken quoting');
  });

  it('rejects a duplicate header and an empty file', async () => {
    expect((await errorOf(readCsvFile(tempFile('dup.csv', 'a,a\n1,2\n')))).message).toContain('twice');
    expect((await errorOf(readCsvFile(tempFile('empty.csv', '')))).message).toContain('empty');
  });

  it('says plainly when the file does not exist', async () => {
    const error = await errorOf(readCsvFile('/nonexistent/survey.csv'));
    expect(error.message).toBe('file not found');
    expect(error.file).toBe('/nonexistent/survey.csv');
  });
});

describe('parseCsvText and formatCsv', () => {
  it('round-trips text that needs quoting (RFC 4180, LF, no BOM)', () => {
    const columns = [
      ['1', '2'],
      ['a "quoted", text', 'two\nlines'],
    ];
    const text = formatCsv(['id', 'comment'], columns);
    expect(text).toBe('id,comment\n1,"a ""quoted"", text"\n2,"two\nlines"\n');
    expect(texts(parseCsvText(text))).toEqual(columns);
  });

  it('neutralises spreadsheet formulas in every cell it writes (analysis CSVs, the report downloads)', () => {
    expect(formatCsv(['v'], [['=HYPERLINK("x")', '@SUM(A1)', '-2.5', '+3']])).toBe('v\n"\'=HYPERLINK(""x"")"\n\'@SUM(A1)\n-2.5\n+3\n');
    expect(formatCsvRows(['domain', 'estimate'], [['+92 300 1234567', '-1e5']])).toBe("domain,estimate\n'+92 300 1234567,-1e5\n");
  });

  it('treats empty cells, NA and declared codes as missing', () => {
    const codes = new Set(['98', '99']);
    expect(['', 'NA', '98', '99', '3'].map((cell) => isMissingCell(cell, codes))).toEqual([true, true, true, true, false]);
  });
});
