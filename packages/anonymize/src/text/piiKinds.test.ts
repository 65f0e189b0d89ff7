import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCodebook, parseCsvText } from '@leakrisk/survey';
import { describe, expect, it } from 'vitest';
import { piiKindsIn } from './piiKinds.js';

// Synthetic values only (fictional numbers in the corpus's patterns, generic names).
const data = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'data');

describe('piiKindsIn: does one value look like personal data, and of which kinds', () => {
  it('finds each kind, however the number is written', () => {
    const cases: [string, string[]][] = [
      ['0300-1234567', ['PHONE']],
      ['+92 300 1234567', ['PHONE']],
      ['۰۳۰۰۱۲۳۴۵۶۷', ['PHONE']],
      ['0 3 0 0 1 2 3 4 5 6 7', ['PHONE']],
      ['03OO-l234567', ['PHONE']],
      ['o3oo1234567', ['PHONE']],
      ['0300-one-234567', ['PHONE']],
      ['AB1234567-x', ['PASSPORT']],
      ['zero three zero zero one two three four five six seven', ['PHONE']],
      ['sifar teen sifar sifar ek do teen char paanch chay saat', ['PHONE']],
      ['35202-1234567-1', ['CNIC']],
      ['ayesha.k92@gmail.com', ['EMAIL']],
      ['https://www.facebook.com/sana.k22', ['URL']],
      ['@sana_k', ['HANDLE']],
      ['insta: sana.k22', ['HANDLE']],
      ['PK36SCBL0000001123456702', ['IBAN']],
      ['AB1234567', ['PASSPORT']],
      ['house no 12, street 5, G-10/2', ['ADDRESS']],
      ['DOB: 12-03-1995', ['DOB']],
      ['mera naam Sana hai', ['NAME']],
      ['Ayesha', ['NAME']],
      ['Ayesha Khan', ['NAME']],
      ['bilal ahmed', ['NAME']],
      ['عائشہ خان', ['NAME']],
      ['mera naam Sana hai, 0300-1234567', ['PHONE', 'NAME']],
    ];
    for (const [value, kinds] of cases) expect([value, piiKindsIn(value)]).toEqual([value, kinds]);
  });

  it('never fires on ordinary answers: yes/no, Likert words, places, bands, short numbers, years, dates, times, amounts, service numbers', () => {
    for (const value of [
      '',
      'yes',
      'No',
      'ہاں',
      'Strongly agree',
      'Neither agree nor disagree',
      'بالکل متفق نہیں',
      'Punjab',
      'Khyber Pakhtunkhwa',
      'پنجاب',
      'Hassan Abdal',
      'Khan',
      'Baloch',
      'سید',
      'نور',
      '25-34',
      '66+',
      '<18',
      '12345',
      '99999',
      '12345678',
      '3.75',
      '-12.5',
      '2024',
      '1995-03-12',
      '12/03/1995',
      '10:30',
      'Rs 5000',
      '5,000',
      '1122',
      '15',
      'one two three times',
      'ek do baar',
      'insta pe bohat log hain',
      'mera naam nahi bataunga',
      'zero tolerance',
      'punjab_urban',
      'R000001',
      'R000123-ab',
      '2nd',
      'G-10',
      'Q3-2024',
      '5pm',
    ]) {
      expect([value, piiKindsIn(value)]).toEqual([value, []]);
    }
  });

  it('stays silent on every code and label of the bundled codebook and hierarchies', () => {
    const codebook = loadCodebook(join(data, 'instrument', 'codebook.json'));
    const values: string[] = [];
    for (const variable of codebook.variables) {
      for (const option of (variable as { options?: { code: string; label: Record<string, string> }[] }).options ?? []) {
        values.push(option.code, ...Object.values(option.label));
      }
    }
    for (const file of ['district.csv', 'education.csv']) {
      const table = parseCsvText(readFileSync(join(data, 'hierarchies', file), 'utf8'));
      for (const column of table.columns) values.push(...column);
    }
    expect(values.length).toBeGreaterThan(300);
    expect(values.filter((value) => piiKindsIn(value).length > 0)).toEqual([]);
  });

  it('on the synthetic sample, fires on the name, phone, CNIC and email columns and on no coded or numeric column', () => {
    const table = parseCsvText(readFileSync(join(data, 'sample', 'synthetic-survey-3000.csv'), 'utf8'));
    const share = (name: string, kind: string): number => {
      const cells = [...table.columns[table.header.indexOf(name)]!].filter((cell) => cell !== '');
      return cells.filter((cell) => piiKindsIn(cell).includes(kind as never)).length / cells.length;
    };
    expect(share('phone', 'PHONE')).toBeGreaterThanOrEqual(0.99);
    expect(share('cnic', 'CNIC')).toBeGreaterThanOrEqual(0.99);
    expect(share('email', 'EMAIL')).toBeGreaterThanOrEqual(0.99);
    expect(share('name', 'NAME')).toBeGreaterThanOrEqual(0.9);
    for (const name of table.header) {
      if (['resp_id', 'name', 'phone', 'cnic', 'email', 'comment'].includes(name)) continue;
      const column = table.columns[table.header.indexOf(name)]!;
      expect([name, [...column].filter((cell) => piiKindsIn(cell).length > 0)]).toEqual([name, []]);
    }
  });

  it('answers a repeated value the same way (remembered), with a frozen array', () => {
    const first = piiKindsIn('0321-7654321');
    expect(piiKindsIn('0321-7654321')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(piiKindsIn('Punjab'))).toBe(true);
  });
});
