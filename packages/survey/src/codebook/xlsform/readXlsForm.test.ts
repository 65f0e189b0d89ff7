import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LeakriskError } from '../../errors.js';
import type { Variable } from '../types.js';
import { readXlsForm } from './readXlsForm.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/formats/', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'xlsform-'));

/** Writes a small XLSForm: sheet name → rows (first row the header). */
async function form(name: string, sheets: Record<string, (string | number | null)[][]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) workbook.addWorksheet(sheet).addRows(rows);
  const path = join(folder, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function problem(path: string): Promise<LeakriskError> {
  try {
    await readXlsForm(path, 'form.xlsx');
  } catch (error) {
    expect(error).toBeInstanceOf(LeakriskError);
    return error as LeakriskError;
  }
  throw new Error('no error');
}

describe('readXlsForm on the bilingual fixture form', async () => {
  const codebook = await readXlsForm(`${fixtures}study-form.xlsx`);
  const variable = (name: string): Variable => codebook.variables.find((v) => v.name === name)!;

  it('takes the study title, id, version and languages from the settings and label columns', () => {
    expect(codebook.title).toEqual({ en: 'Online safety pilot (synthetic)', ur: 'آن لائن تحفظ کا آزمائشی سروے (مصنوعی)' });
    expect(codebook.id).toBe('online_safety_pilot');
    expect(codebook.version).toBe('2024061101');
    expect(codebook.languages).toEqual(['en', 'ur']);
    expect(codebook.source).toEqual({ format: 'xlsform', file: 'study-form.xlsx' });
  });

  it('gives levels in form order with English and Urdu labels, and hints', () => {
    expect(variable('education').options!.map((o) => o.code)).toEqual(['none', 'primary', 'secondary', 'higher']);
    expect(variable('province').options![2]!.label).toEqual({ en: 'Khyber Pakhtunkhwa', ur: 'خیبر پختونخوا' });
    expect(variable('vb1').label.ur).toBe('جب کسی شخص کی نجی تصاویر لیک ہو جائیں تو اس میں کچھ قصور اسی شخص کا ہوتا ہے۔');
    expect(variable('hours_online').hint).toEqual({ en: 'Round to the nearest half hour.', ur: 'قریب ترین آدھے گھنٹے تک بتائیں۔' });
  });

  it('makes non-answers missing codes (English or Urdu wording) and keeps "don\'t know" as a level', () => {
    expect(variable('gender').missingCodes!.map((m) => m.code)).toEqual(['prefer_not_to_say']);
    expect(variable('education').missingCodes!.map((m) => m.code)).toEqual(['refused']);
    expect(variable('vb1').missingCodes).toEqual([{ code: '99', label: { en: 'Refused to answer', ur: 'جواب دینے سے انکار' } }]);
    expect(variable('blames_victim').options!.map((o) => o.code)).toEqual(['yes', 'no', 'dont_know']);
    expect(variable('blames_victim').missingCodes!.map((m) => m.code)).toEqual(['no_answer']);
  });

  it('types questions and keeps the XLSForm type and group path', () => {
    const types = Object.fromEntries(codebook.variables.map((v) => [v.name, v.type]));
    expect(types).toMatchObject({
      start: 'date',
      deviceid: 'identifier',
      audit: 'identifier',
      province: 'categorical',
      cluster_id: 'numeric',
      weight: 'numeric',
      interview_date: 'date',
      respondent_name: 'text',
      age: 'numeric',
      location: 'identifier',
      platforms: 'selectMultiple',
      'platforms/facebook': 'multiselect',
      usual_time: 'date',
      vb1: 'likert',
      trust_police: 'numeric',
      comments: 'text',
    });
    expect(variable('location').formType).toBe('geopoint');
    expect(variable('start')).toMatchObject({ formType: 'start', metadata: true });
    expect(variable('hours_online').path).toBe('online/use/hours_online');
    expect(variable('trust_police')).toMatchObject({ min: 0, max: 10, formType: 'range' });
    expect(codebook.variables.some((v) => v.name === 'intro_note' || v.name === 'thanks')).toBe(false);
  });

  it('gives a select_multiple one 0/1 variable per option, named question/option', () => {
    const facebook = variable('platforms/facebook');
    expect(facebook).toMatchObject({ group: 'platforms', option: 'facebook', path: 'online/use/platforms/facebook' });
    expect(facebook.options!.map((o) => o.code)).toEqual(['0', '1']);
    expect(facebook.shortLabel).toEqual({ en: 'Facebook', ur: 'فیس بک' });
    expect(codebook.variables.filter((v) => v.group === 'platforms')).toHaveLength(6);
  });

  it('marks questions inside a repeat, and makes sections of the top-level groups', () => {
    expect(variable('member_age').repeat).toBe('household');
    expect(codebook.sections.map((s) => s.id)).toEqual(['form_metadata', 'questions', 'sample', 'respondent', 'online', 'attitudes', 'household']);
    expect(codebook.sections.find((s) => s.id === 'online')!.title).toEqual({ en: 'Life online', ur: 'آن لائن زندگی' });
  });
});

describe('readXlsForm on other forms', () => {
  it('reads plain `label` columns, or_other, rank and an English-only form (Urdu falls back to English)', async () => {
    const path = await form('plain.xlsx', {
      survey: [
        ['type', 'name', 'label'],
        ['select_one colour or_other', 'colour', 'Favourite colour'],
        ['rank colour', 'ranking', 'Rank the colours'],
        ['phonenumber', 'phone_meta', null],
        ['calculate', 'code', null],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['colour', 'red', 'Red'],
        ['colour', 'blue', 'Blue'],
        ['colour', '88', "Don't want to say"],
      ],
    });
    const codebook = await readXlsForm(path);
    expect(codebook.languages).toEqual(['en']);
    expect(codebook.title.en).toBe('plain');
    const colour = codebook.variables.find((v) => v.name === 'colour')!;
    expect(colour.label).toEqual({ en: 'Favourite colour', ur: 'Favourite colour' });
    expect(colour.options!.map((o) => o.code)).toEqual(['red', 'blue', 'other']);
    expect(colour.missingCodes!.map((m) => m.code)).toEqual(['88']);
    expect(codebook.variables.map((v) => v.name)).toEqual(['colour', 'colour_other', 'ranking', 'phone_meta', 'code']);
    expect(codebook.variables.find((v) => v.name === 'ranking')).toMatchObject({ type: 'selectMultiple', formType: 'rank' });
    expect(codebook.variables.find((v) => v.name === 'phone_meta')).toMatchObject({ type: 'identifier', metadata: true });
  });

  it('names the choices sheet when it is missing', async () => {
    const error = await problem(
      await form('nochoices.xlsx', {
        survey: [
          ['type', 'name', 'label'],
          ['integer', 'age', 'Age'],
          ['select_one yes_no', 'q1', 'Q1'],
        ],
      }),
    );
    expect(error.message).toMatch(/no choices sheet.*row 3.*"yes_no"/);
    expect(error.file).toBe('form.xlsx');
    expect(error.column).toBe('choices');
    expect(error.fix).toMatch(/add a sheet named "choices"/);
  });

  it('names the row and the list when a select list is not defined', async () => {
    const error = await problem(
      await form('nolist.xlsx', {
        survey: [
          ['type', 'name', 'label'],
          ['select_one agree', 'q1', 'Q1'],
        ],
        choices: [
          ['list_name', 'name', 'label'],
          ['yes_no', 'yes', 'Yes'],
        ],
      }),
    );
    expect(error.message).toMatch(/survey row 2 uses the choice list "agree", which the choices sheet does not define \(lists: yes_no\)/);
    expect(error.line).toBe(2);
    expect(error.column).toBe('survey!type');
    expect(error.fix).toMatch(/list_name "agree"/);
  });

  it('refuses a workbook without a survey sheet, an unclosed group and a choice name used twice', async () => {
    expect((await problem(await form('nosurvey.xlsx', { data: [['a'], [1]] }))).message).toMatch(/no "survey" sheet/);
    const unclosed = await problem(
      await form('unclosed.xlsx', {
        survey: [
          ['type', 'name', 'label'],
          ['begin_group', 'g', 'G'],
          ['integer', 'age', 'Age'],
        ],
      }),
    );
    expect(unclosed.message).toMatch(/group "g" begun in survey row 2 is never ended/);
    const twice = await problem(
      await form('twice.xlsx', {
        survey: [
          ['type', 'name', 'label'],
          ['select_one yn', 'q', 'Q'],
        ],
        choices: [
          ['list_name', 'name', 'label'],
          ['yn', 'yes', 'Yes'],
          ['yn', 'yes', 'Yes again'],
        ],
      }),
    );
    expect(twice.message).toMatch(/"yn" has the choice name "yes" twice \(rows 2 and 3\)/);
  });

  it('reads select_one_from_file choices from the CSV beside the form', async () => {
    writeFileSync(join(folder, 'districts.csv'), 'name,label\nlahore,Lahore\nkarachi,Karachi\n');
    const codebook = await readXlsForm(
      await form('fromfile.xlsx', {
        survey: [
          ['type', 'name', 'label'],
          ['select_one_from_file districts.csv', 'district', 'District'],
        ],
      }),
    );
    expect(codebook.variables[0]!.options!.map((o) => o.code)).toEqual(['lahore', 'karachi']);
  });
});
