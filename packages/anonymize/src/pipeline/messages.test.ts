import { describe, expect, it } from 'vitest';
import { LeakriskError, parseCsvText } from '@leakrisk/survey';
import { parseAnonymizeConfig } from '../config/load.js';
import { measureRisk } from '../risk/measureRisk.js';
import { anonymize } from './anonymize.js';

// Trust rules: messages name row and column; they never print a value of a dropped, pseudonymized,
// scrubbed or quasi-identifying column, nor any value that looks like personal data.
const KEY = new TextEncoder().encode('0123456789abcdef0123456789abcdef');
const CNIC = '35202-1234567-1';
const HIERARCHY = 'district,province\nlahore,punjab\nkasur,punjab\n';

function errorOf(fn: () => unknown): LeakriskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LeakriskError) return error;
    throw error;
  }
  throw new Error('expected a LeakriskError');
}

function run(csv: string, columns: Record<string, unknown>, privacy: Record<string, unknown> = {}) {
  const config = parseAnonymizeConfig({ columns, privacy: { k: 2, ...privacy } }, { file: 'anon.json', dir: '/cfg', readText: () => HIERARCHY });
  return () => anonymize({ table: parseCsvText(csv, 'raw.csv'), config, key: KEY, configFile: 'anon.json' });
}

describe('messages about cells', () => {
  it('do not echo a CNIC typed into age (bands), naming its row and column', () => {
    const error = errorOf(run(`age,vb1\n25,1\n${CNIC},2\n30,3\n`, { age: { role: 'quasi', recode: { bands: [18, 26] } }, vb1: 'keep' }));
    expect([error.file, error.row, error.column]).toEqual(['raw.csv', 2, 'age']);
    expect(error.message).toBe('the value (a text of 15 characters, 13 of them digits) is not a number, so it cannot be put into a band');
    expect(error.format()).not.toContain('1234567');
  });

  it('do not echo a value of a quasi-identifier missing from its hierarchy, nor one to top-code', () => {
    const district = errorOf(run('district,vb1\nlahore,1\nAyesha Khan,2\n', { district: { role: 'quasi', hierarchy: 'd.csv' }, vb1: 'keep' }));
    expect(district.message).toBe('1 value of column "district" is not in its hierarchy /cfg/d.csv: row 2 (a text of 11 characters)');
    const topCoded = errorOf(run(`age,vb1\n25,1\n${CNIC},2\n`, { age: { role: 'quasi', recode: { topCode: 80 } }, vb1: 'keep' }));
    expect(topCoded.message).toBe('the value (a text of 15 characters, 13 of them digits) is not a number, so it cannot be top- or bottom-coded');
    for (const error of [district, topCoded]) expect(error.format()).not.toMatch(/Ayesha|1234567/);
  });

  it('show a bad weight of a kept column only when it is plainly harmless', () => {
    const columns = { age: { role: 'quasi' }, w: 'keep' };
    expect(errorOf(run('age,w\n20,1\n30,-2\n', columns, { weights: 'w' })).message).toBe('the weight in row 2 is "-2", not a positive number');
    expect(errorOf(run('age,w\n20,1\n30,0300-1234567\n', columns, { weights: 'w' })).message).toBe(
      'the weight in row 2 is a text of 12 characters, 11 of them digits, not a positive number',
    );
    const dropped = { age: { role: 'quasi' }, w: 'drop' };
    expect(errorOf(run('age,w\n20,1\n30,abc\n', dropped, { weights: 'w' })).message).toBe(
      'the weight in row 2 is a text of 3 characters, not a positive number',
    );
    const config = parseAnonymizeConfig({ columns: dropped, privacy: { k: 2, weights: 'w' } }, { file: 'anon.json', dir: '/' });
    expect(errorOf(() => measureRisk(parseCsvText('age,w\n20,1\n30,abc\n', 'raw.csv'), config)).message).toBe(
      'the weight in row 2 is a text of 3 characters, not a positive number',
    );
  });
});
