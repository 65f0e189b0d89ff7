import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LeakriskError } from '../../errors.js';
import { importedCell, type ImportedColumn } from '../imported.js';
import { SavCursor } from './cursor.js';
import { readSavDictionary } from './dictionary.js';
import { readSavBytes, readSavFile, type SavData } from './readSav.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/formats/', import.meta.url));
const column = (data: SavData, name: string): ImportedColumn => {
  const found = data.columns.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no column ${name}`);
  return found;
};
const cells = (data: SavData, name: string, rows: number[]) => rows.map((i) => importedCell(column(data, name), i));
const kobo = readFileSync(`${fixtures}kobo-export.csv`, 'utf8').split('\r\n');
const koboField = (row: number, header: string) => {
  const names = kobo[0]!.split(';').map((h) => h.slice(1, -1));
  return kobo[row]!.split('";"')[names.indexOf(header)]!.replace(/^"|"$/g, '');
};

describe('readSavFile on the haven-written fixture (bytecode-compressed, UTF-8)', () => {
  const data = readSavFile(`${fixtures}study.sav`);

  it('reads every case and variable, with long variable names', () => {
    expect(data.nrow).toBe(420);
    expect(data.columns).toHaveLength(33);
    expect(data.columns.map((c) => c.name)).toContain('respondent_name');
    expect(data.columns.map((c) => c.name)).toContain('platforms_instagram');
    expect(data.encoding.toLowerCase()).toBe('utf-8');
  });

  it('keeps numbers in a Float64Array, exactly', () => {
    const weight = column(data, 'weight');
    expect(weight.kind).toBe('numbers');
    expect(weight.kind === 'numbers' && weight.values[0]).toBe(326.025);
    expect(cells(data, 'age', [0, 7])).toEqual(['20', '38']);
  });

  it('makes labelled variables dictionary columns: codes as levels, value labels beside them, user-missing values as missing codes', () => {
    const gender = column(data, 'gender');
    expect(gender.kind).toBe('dictionary');
    expect(gender.kind === 'dictionary' && gender.levels).toEqual(['1', '2', '3', '9']);
    expect(gender.valueLabels).toEqual([
      { code: '1', label: 'Female' },
      { code: '2', label: 'Male' },
      { code: '3', label: 'Transgender' },
      { code: '9', label: 'Prefer not to say' },
    ]);
    expect(gender.missingCodes).toEqual(['9']);
    expect(gender.label).toBe('What is your gender?');
  });

  it('turns a missing range into missing codes for the values found in it, and keeps the range', () => {
    const trust = column(data, 'trust_police');
    expect(trust.kind).toBe('numbers');
    expect(trust.missingRanges).toEqual([{ low: 97, high: 99 }]);
    expect(trust.missingCodes).toEqual(['98']);
  });

  it('keeps a labelled numeric whose labels only name missing codes as numbers', () => {
    const hours = column(data, 'hours_online');
    expect(hours.kind).toBe('numbers');
    expect(hours.missingCodes).toEqual(['-99']);
    expect(hours.valueLabels).toEqual([{ code: '-99', label: 'Not answered' }]);
  });

  it('reads dates, date-times and times as ISO text', () => {
    expect(cells(data, 'interview_date', [0])).toEqual([koboField(1, 'sample/interview_date')]);
    expect(cells(data, 'start', [0])).toEqual([koboField(1, 'start').slice(0, 19)]);
    expect(cells(data, 'usual_time', [0])).toEqual([koboField(1, 'online/use/usual_time').slice(0, 8)]);
    expect(column(data, 'start').temporal).toBe('datetime');
    expect(column(data, 'today').temporal).toBe('date');
  });

  it('stitches a very long string (over 255 bytes) from its segments', () => {
    expect(column(data, 'comments').kind).not.toBe('numbers');
    const [first, second] = cells(data, 'comments', [7, 211]);
    expect(Buffer.byteLength(first!)).toBeGreaterThan(255);
    expect(first).toBe(koboField(8, 'comments'));
    expect(second).toBe(koboField(212, 'comments'));
  });

  it('reads the zlib-compressed .zsav and the uncompressed file to the same values', () => {
    for (const other of [readSavFile(`${fixtures}study.zsav`), readSavFile(`${fixtures}study-uncompressed.sav`)]) {
      expect(other.nrow).toBe(data.nrow);
      for (const c of data.columns) {
        const mine = Array.from({ length: data.nrow }, (_, i) => importedCell(c, i));
        const theirs = Array.from({ length: data.nrow }, (_, i) => importedCell(column(other, c.name), i));
        expect(theirs, c.name).toEqual(mine);
      }
    }
  });
});

describe('readSavFile on a PSPP file in the Windows-1252 code page', () => {
  const data = readSavFile(`${fixtures}windows-1252.sav`);

  it('decodes labels and text from Windows-1252, € and curly quotes included', () => {
    expect(data.encoding.toLowerCase()).toBe('windows-1252');
    expect(cells(data, 'city', [0, 1, 4, 5])).toEqual(['Zürich', 'Besançon', 'Prix: 5 €', 'l’été']);
    expect(column(data, 'city').label).toBe('Ville où réside le répondant');
    expect(column(data, 'income').label).toBe('Revenu mensuel (€)');
    expect(column(data, 'sex').valueLabels?.map((v) => v.label)).toEqual(['Féminin', 'Masculin', 'Refusé']);
  });

  it('reads ranges open at either end (LO THRU -1 with a discrete value, 90 THRU HI)', () => {
    const income = column(data, 'income');
    expect(income.missingRanges).toEqual([{ low: Number.NEGATIVE_INFINITY, high: -1 }]);
    expect(income.missingCodes).toEqual(['-9', '-1', '9999']);
    expect(column(data, 'score').missingRanges).toEqual([{ low: 90, high: Number.POSITIVE_INFINITY }]);
    expect(column(data, 'score').missingCodes).toEqual(['95', '99']);
    expect(cells(data, 'visit', [0, 4, 5])).toEqual(['2024-06-11', '2024-02-29', '2023-12-31']);
  });
});

describe('readSavBytes on bad input: one clear error naming the file and the fix', () => {
  const good = readFileSync(`${fixtures}study.sav`);
  const zsav = readFileSync(`${fixtures}study.zsav`);
  const problem = (bytes: Buffer): LeakriskError => {
    try {
      readSavBytes(bytes, 'data.sav');
    } catch (error) {
      expect(error).toBeInstanceOf(LeakriskError);
      return error as LeakriskError;
    }
    throw new Error('no error');
  };

  it('a CSV named .sav', () => {
    const error = problem(Buffer.from('id,age\n1,20\n'));
    expect(error.message).toMatch(/not an SPSS system file.*CSV/);
    expect(error.file).toBe('data.sav');
    expect(error.fix).toMatch(/\.csv/);
  });

  it('an Excel workbook named .sav', () => {
    expect(problem(readFileSync(`${fixtures}kobo-export.xlsx`)).message).toMatch(/zip archive/);
  });

  it('a file cut short in the dictionary, in the data, or in a .zsav', () => {
    expect(problem(good.subarray(0, 600)).message).toMatch(/truncated/);
    const cut = problem(good.subarray(0, good.length - 5000));
    expect(cut.message).toMatch(/truncated.*case \d+ of the 420/);
    expect(cut.row).toBeGreaterThan(300);
    expect(problem(zsav.subarray(0, zsav.length - 100)).message).toMatch(/truncated/);
  });

  it('a damaged record type', () => {
    const broken = Buffer.from(good);
    broken.writeInt32LE(42, 176); // the first variable record's type
    expect(problem(broken).message).toMatch(/damaged: an unknown record type 42/);
  });

  it('a corrupt zlib block', () => {
    const broken = Buffer.from(zsav);
    const firstBlock = readSavDictionary(new SavCursor(zsav, 'data.zsav')).dataOffset + 24;
    broken.fill(0xab, firstBlock + 2, firstBlock + 200);
    expect(problem(broken).message).toMatch(/damaged: zlib block 1 of 1 does not decompress/);
  });
});
