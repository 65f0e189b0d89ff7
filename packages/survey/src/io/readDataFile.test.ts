import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { codebookFrom } from '../codebook/codebookFrom.js';
import { LeakriskError } from '../errors.js';
import type { Table } from '../table/table.js';
import { readDataFile } from './readDataFile.js';
import { readXlsxFile } from './xlsx.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/formats/', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'readers-'));
const place = (name: string, content: Buffer | string) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};
async function problem(action: () => Promise<unknown>): Promise<LeakriskError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(LeakriskError);
    return error as LeakriskError;
  }
  throw new Error('no error');
}
const column = (table: Table, name: string) => table.header.indexOf(name);
const cellAt = (table: Table, j: number, i: number) => table.columns[j]!.get(i);

describe('readDataFile: the extension chooses the reader', () => {
  it('reads a Kobo ";" CSV with the form: form names, split columns, submission columns added to the codebook', async () => {
    const form = await codebookFrom(`${fixtures}study-form.xlsx`);
    const { table, codebook, format, formExport } = await readDataFile(`${fixtures}kobo-export.csv`, { codebook: form });
    expect([format, formExport, table.nrow]).toEqual(['csv', true, 420]);
    expect(table.header.slice(0, 12)).toEqual([
      'start',
      'end',
      'today',
      'deviceid',
      'audit',
      'consent',
      'province',
      'cluster_id',
      'weight',
      'interview_date',
      'respondent_name',
      'phone',
    ]);
    expect(table.header).toContain('platforms/facebook');
    expect(table.header).toContain('_location_latitude');
    expect(table.header).toContain('instanceID');
    expect(cellAt(table, column(table, 'platforms'), 0)).toBe('whatsapp instagram youtube');
    const added = codebook!.variables.filter((v) => v.metadata === true && !form.variables.includes(v)).map((v) => v.name);
    expect(added).toEqual([
      '_location_latitude',
      '_location_longitude',
      '_location_altitude',
      '_location_precision',
      'instanceID',
      '_id',
      '_uuid',
      '_submission_time',
      '_validation_status',
      '_notes',
      '_status',
      '_submitted_by',
      '__version__',
      '_tags',
      '_index',
    ]);
    expect(table.header.every((name) => codebook!.variables.some((v) => v.name === name))).toBe(true);
  });

  it('reads the same submissions from the .xlsx export: numbers as numbers, date cells as ISO dates', async () => {
    const form = await codebookFrom(`${fixtures}study-form.xlsx`);
    const csv = (await readDataFile(`${fixtures}kobo-export.csv`, { codebook: form })).table;
    const { table } = await readDataFile(`${fixtures}kobo-export.xlsx`, { codebook: form });
    expect(table.header).toEqual(csv.header);
    for (const name of ['today', 'interview_date', 'age', 'weight', 'vb1', 'platforms/facebook', 'comments']) {
      const j = column(table, name);
      for (const i of [0, 7, 419]) expect(cellAt(table, j, i), `${name} row ${i + 1}`).toBe(cellAt(csv, column(csv, name), i));
    }
    expect(cellAt(table, column(table, '_submission_time'), 0)).toBe('2024-06-23T02:22:25');
  });

  it('reads a .sav with the codebook it carries', async () => {
    const { table, codebook, format } = await readDataFile(`${fixtures}study.sav`);
    expect(format).toBe('sav');
    expect(table.nrow).toBe(420);
    expect(codebook!.variables.find((v) => v.name === 'gender')).toMatchObject({
      type: 'categorical',
      options: [
        { code: '1', label: { en: 'Female' } },
        { code: '2', label: { en: 'Male' } },
        { code: '3', label: { en: 'Transgender' } },
      ],
      missingCodes: [{ code: '9', label: { en: 'Prefer not to say' } }],
    });
    expect(codebook!.variables.find((v) => v.name === 'vb1')!.type).toBe('likert');
    expect(codebook!.variables.find((v) => v.name === 'trust_police')!.missingCodes!.map((m) => m.code)).toEqual(['98']);
    expect(codebook!.variables.find((v) => v.name === 'interview_date')!.type).toBe('date');
  });

  it('refuses content that does not match the extension, and extensions it does not read', async () => {
    const sav = place('data.sav', 'id,age\n1,20\n');
    expect((await problem(() => readDataFile(sav))).message).toMatch(/not an SPSS system file.*CSV/);
    const xlsxAsCsv = place('data.csv', readFileSync(`${fixtures}kobo-export.xlsx`));
    expect((await problem(() => readDataFile(xlsxAsCsv))).fix).toMatch(/\.xlsx/);
    const csvAsXlsx = place('data.xlsx', 'id,age\n1,20\n');
    expect((await problem(() => readDataFile(csvAsXlsx))).message).toMatch(/not an Excel workbook \(\.xlsx\): it looks like text/);
    expect((await problem(() => readDataFile(place('data.dta', 'x')))).fix).toMatch(/\.csv, \.sav\/\.zsav .* or \.xlsx/);
  });

  it('names a Kobo header that is not in the form', async () => {
    const form = await codebookFrom(`${fixtures}study-form.xlsx`);
    const text = readFileSync(`${fixtures}kobo-export.csv`, 'utf8').replace('"attitudes/vb4"', '"attitudes/vb5"');
    const error = await problem(() => readDataFile(place('export.csv', text), { codebook: form, displayName: 'export.csv' }));
    expect(error.message).toBe('the export\'s column 33, "attitudes/vb5", matches no question of the form');
    expect(error.file).toBe('export.csv');
  });
});

describe('readXlsxFile on bad input', () => {
  it('says a password-protected workbook is encrypted (an OLE file, not a zip)', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    const error = await problem(() => readXlsxFile(place('locked.xlsx', ole), 'locked.xlsx'));
    expect(error.message).toBe('the Excel file is password-protected (encrypted), so it cannot be read');
    expect(error.file).toBe('locked.xlsx');
    expect(error.fix).toMatch(/remove the password/);
  });

  it('says a truncated or corrupt workbook is damaged', async () => {
    const bytes = readFileSync(`${fixtures}kobo-export.xlsx`);
    const error = await problem(() => readXlsxFile(place('cut.xlsx', bytes.subarray(0, bytes.length / 2)), 'cut.xlsx'));
    expect(error.message).toMatch(/^the Excel file is damaged or truncated/);
    expect(error.fix).toMatch(/save it again/);
  });

  it('refuses an XLSForm given as data, and names an empty row and a header-less value', async () => {
    copyFileSync(`${fixtures}study-form.xlsx`, join(folder, 'form.xlsx'));
    expect((await problem(() => readXlsxFile(join(folder, 'form.xlsx')))).fix).toMatch(/--codebook/);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('data').addRows([['id', 'age'], [1, 20], [], [3, 40]]);
    await workbook.xlsx.writeFile(join(folder, 'gap.xlsx'));
    const gap = await problem(() => readXlsxFile(join(folder, 'gap.xlsx'), 'gap.xlsx'));
    expect(gap.message).toBe('sheet "data": row 3 is empty');
    expect(gap.line).toBe(3);
    const extra = new ExcelJS.Workbook();
    extra.addWorksheet('data').addRows([
      ['id', 'age'],
      [1, 20, 'x'],
    ]);
    await extra.xlsx.writeFile(join(folder, 'extra.xlsx'));
    expect((await problem(() => readXlsxFile(join(folder, 'extra.xlsx')))).column).toBe('data!C2');
  });
});

describe('codebookFrom', () => {
  it('drafts a codebook from a plain CSV: numbers numeric, few values categorical in sorted order, many free text', async () => {
    const rows = ['id,age,region,comment'];
    for (let i = 0; i < 40; i++) rows.push(`${i + 1},${20 + i},${['north', 'south', 'east'][i % 3]},note number ${i}`);
    const codebook = await codebookFrom(place('plain.csv', `${rows.join('\n')}\n`));
    expect(codebook.variables.map((v) => [v.name, v.type])).toEqual([
      ['id', 'numeric'],
      ['age', 'numeric'],
      ['region', 'categorical'],
      ['comment', 'text'],
    ]);
    expect(codebook.variables[2]!.options!.map((o) => o.code)).toEqual(['east', 'north', 'south']);
    expect(codebook.source).toEqual({ format: 'csv', file: 'plain.csv' });
    expect(codebook.notes![0]).toMatch(/review/);
  });

  it('drafts from a Kobo export without its form: group paths off, submission columns typed as metadata', async () => {
    const codebook = await codebookFrom(`${fixtures}kobo-export.csv`);
    const byName = new Map(codebook.variables.map((v) => [v.name, v]));
    expect(byName.get('vb1')!.type).toBe('numeric');
    expect(byName.get('gender')).toMatchObject({ type: 'categorical' });
    expect(byName.get('_uuid')).toMatchObject({ type: 'identifier', metadata: true });
    expect(byName.get('platforms/tiktok')!.type).toBe('numeric');
  });

  it('reads Urdu (UTF-8) labels, labelled strings, the measurement level and the SPSS weight of a PSPP file', async () => {
    const codebook = await codebookFrom(`${fixtures}urdu-weighted.sav`);
    expect(codebook.languages).toEqual(['ur']);
    const byName = new Map(codebook.variables.map((v) => [v.name, v]));
    expect(byName.get('wt')).toMatchObject({ type: 'design', label: { ur: 'نمونے کا وزن' } });
    expect(byName.get('agree')).toMatchObject({ type: 'likert', missingCodes: [{ code: '9', label: { ur: 'جواب دینے سے انکار' } }] });
    expect(byName.get('agree')!.options!.map((o) => o.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(byName.get('area')!.options).toEqual([
      { code: 'rural', label: { en: 'دیہی', ur: 'دیہی' } },
      { code: 'urban', label: { en: 'شہری', ur: 'شہری' } },
    ]);
  });

  it('reads the .sav and .zsav dictionaries to the same codebook', async () => {
    const sav = await codebookFrom(`${fixtures}study.sav`);
    const zsav = await codebookFrom(`${fixtures}study.zsav`);
    expect(zsav.variables).toEqual(sav.variables);
    expect(sav.source).toEqual({ format: 'sav', file: 'study.sav' });
  });
});
