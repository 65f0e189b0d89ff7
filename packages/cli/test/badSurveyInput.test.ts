// Bad survey files through the commands: a .sav or .xlsx that is damaged, password-protected or of
// another format, an XLSForm without its choices sheet or using a choice list it does not define, an
// export header that matches no question of the form. Each is exit 1 with one line naming the file
// (and sheet, row or column where there is one) and the fix, and nothing is written.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, snapshot } from './study.js';

const fixtures = fileURLToPath(new URL('../../survey/test/fixtures/formats/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'leakrisk-bad-input-'));
const path = (name: string) => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeForm(name: string, sheets: Record<string, (string | number)[][]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) workbook.addWorksheet(sheet).addRows(rows);
  await workbook.xlsx.writeFile(path(name));
}

beforeAll(async () => {
  const sav = readFileSync(join(fixtures, 'study.sav'));
  writeFileSync(path('cut.sav'), sav.subarray(0, Math.floor(sav.length / 3)));
  writeFileSync(path('locked.sav'), Buffer.concat([Buffer.from([0x1c, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('ENCRYPTEDSAVSPSS'), Buffer.alloc(512, 7)]));
  writeFileSync(path('text.sav'), 'id,age\n1,20\n2,30\n');
  writeFileSync(path('plan.json'), JSON.stringify({ design: { ids: [] }, analyses: [{ id: 'age', type: 'mean', variable: 'age' }] }));
  const xlsx = readFileSync(join(fixtures, 'kobo-export.xlsx'));
  writeFileSync(path('cut.xlsx'), xlsx.subarray(0, Math.floor(xlsx.length / 2)));
  const ole = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
  writeFileSync(path('locked.xlsx'), ole);
  writeFileSync(path('text.xlsx'), 'id,age\n1,20\n2,30\n');
  await writeForm('no-choices.xlsx', {
    survey: [
      ['type', 'name', 'label'],
      ['select_one colour', 'favourite', 'Favourite colour'],
    ],
    settings: [['form_title'], ['A form']],
  });
  await writeForm('undefined-list.xlsx', {
    survey: [
      ['type', 'name', 'label'],
      ['select_one yes_no', 'agree', 'Do you agree?'],
      ['select_one colour', 'favourite', 'Favourite colour'],
    ],
    choices: [
      ['list_name', 'name', 'label'],
      ['yes_no', 'yes', 'Yes'],
      ['yes_no', 'no', 'No'],
    ],
  });
  copyFileSync(join(fixtures, 'study-form.xlsx'), path('form.xlsx'));
  writeFileSync(path('renamed-header.csv'), readFileSync(join(fixtures, 'kobo-export.csv'), 'utf8').replace('"attitudes/vb4"', '"attitudes/vb5"'));
});

/**
 * Runs a command that must fail: exit 1; on stderr one line naming the file, the problem and the fix
 * (`… Fix: …`, the form of every leakrisk error), no stack trace; nothing written in the folder.
 * Returns the message as one line.
 */
async function refuses(argv: string[], file: string): Promise<string> {
  const before = snapshot(dir);
  const result = await run(argv);
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toContain(`leakrisk: ${file}`);
  expect(lines[0]).toMatch(/ Fix: /);
  expect(result.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  expect(snapshot(dir)).toEqual(before);
  return lines.join(' ');
}

const init = (data: string, ...more: string[]) => ['init', '--data', path(data), ...more, '--out', path('study')];

describe('a bad SPSS file', () => {
  it('damaged (truncated): says so and how to save it again', async () => {
    expect(await refuses(init('cut.sav'), path('cut.sav'))).toMatch(
      /row 123: the SPSS file is truncated: its data end inside case 123 of the 420 it declares.*Fix: copy or export the file again from SPSS/,
    );
  });
  it('password-protected: says so and how to save a copy without the password', async () => {
    expect(await refuses(init('locked.sav'), path('locked.sav'))).toMatch(/password-protected \(encrypted\).*without one/);
  });
  it('of another format: names what it is', async () => {
    expect(await refuses(['analyze', '--data', path('text.sav'), '--plan', path('plan.json'), '--out', path('results')], path('text.sav'))).toMatch(
      /not an SPSS system file.*text \(a CSV file, perhaps\)/,
    );
  });
});

describe('a bad Excel file', () => {
  it('damaged (truncated)', async () => {
    expect(await refuses(init('cut.xlsx'), path('cut.xlsx'))).toMatch(/the Excel file is damaged or truncated.*save it again/);
  });
  it('password-protected', async () => {
    expect(await refuses(init('locked.xlsx'), path('locked.xlsx'))).toMatch(/password-protected \(encrypted\).*remove the password/);
  });
  it('of another format', async () => {
    expect(await refuses(init('text.xlsx'), path('text.xlsx'))).toMatch(/not an Excel workbook \(\.xlsx\): it looks like text/);
  });
});

describe('a bad XLSForm', () => {
  it('without its choices sheet: names the sheet to add', async () => {
    const line = await refuses(['codebook', '--from', path('no-choices.xlsx'), '--out', path('codebook.json')], path('no-choices.xlsx'));
    expect(line).toMatch(
      /no-choices\.xlsx:2, column "choices": the form has no choices sheet, but survey row 2 \("select_one colour"\) needs the choice list "colour".*add a sheet named "choices"/,
    );
  });
  it('using a choice list it does not define: names the survey row and the list', async () => {
    const line = await refuses(['codebook', '--from', path('undefined-list.xlsx'), '--out', path('codebook.json')], path('undefined-list.xlsx'));
    expect(line).toMatch(
      /undefined-list\.xlsx:3, column "survey!type": survey row 3 uses the choice list "colour", which the choices sheet does not define \(lists: yes_no\)/,
    );
  });
  it('an export header that matches no question of the form: names the column', async () => {
    const line = await refuses(init('renamed-header.csv', '--codebook', path('form.xlsx')), path('renamed-header.csv'));
    expect(line).toMatch(/:1, column "attitudes\/vb5": the export's column 33, "attitudes\/vb5", matches no question of the form.*XML values and headers/);
  });
});
