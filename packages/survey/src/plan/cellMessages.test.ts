// Messages about data cells name the row and column and never print a value that may identify someone
// (the trust rules): a CNIC typed into `age`, phone numbers as the levels of a `by` variable.
import { describe, expect, it } from 'vitest';
import { LeakriskError } from '../errors.js';
import { parseCsvText } from '../io/csv.js';
import { runPlan } from './run.js';
import { checkPlan } from './schema.js';

const CNIC = '35202-1234567-1';
const PHONES = ['03001234567', '03217654321'];

function csv(ageOfRow3: string): string {
  const lines = ['age,contact,said'];
  for (let i = 0; i < 12; i++) lines.push(`${i === 2 ? ageOfRow3 : 20 + i},${PHONES[i % 2]},${i % 3 === 0 ? 1 : 0}`);
  return `${lines.join('\n')}\n`;
}

function refusal(ageOfRow3: string, analyses: unknown[], derive?: unknown[]): LeakriskError {
  const table = parseCsvText(csv(ageOfRow3), 'data.csv');
  const checked = checkPlan({ design: { ids: [] }, analyses, ...(derive ? { derive } : {}) }, 'plan.json');
  try {
    runPlan({
      table,
      plan: { ...checked, file: '/p/plan.json' },
      dataFile: 'data.csv',
      planFile: 'plan.json',
      dataSha256: '',
      now: new Date(0),
      toolVersion: '0',
    });
  } catch (error) {
    expect(error).toBeInstanceOf(LeakriskError);
    return error as LeakriskError;
  }
  throw new Error('the plan ran');
}

const text = (error: LeakriskError) => `${error.message} ${error.fix ?? ''}`;

describe('messages about cells', () => {
  it('do not echo a CNIC typed into a numeric column, naming its row and column', () => {
    const error = refusal(CNIC, [{ id: 'm', type: 'mean', variable: 'age' }]);
    expect(error.row).toBe(3);
    expect(error.column).toBe('age');
    expect(error.message).toContain('a text of 15 characters, 13 of them digits');
    expect(text(error)).not.toMatch(/35202|1234567/);
  });

  it('show a short plain value that is not a number', () => {
    expect(refusal('abc', [{ id: 'm', type: 'mean', variable: 'age' }]).message).toContain('row 3 holds "abc", which is not a number');
  });

  it('do not echo a CNIC in a column derived into bands', () => {
    const error = refusal(CNIC, [{ id: 'd', type: 'distribution', variable: 'band' }], [{ name: 'band', from: 'age', bands: [18, 30] }]);
    expect(error.column).toBe('age');
    expect(text(error)).not.toMatch(/35202|1234567/);
  });

  it('do not list phone numbers as the levels of a `by` variable', () => {
    const error = refusal('22', [{ id: 'c', type: 'contrast', variable: 'said', by: 'contact', levels: ['a', 'b'] }]);
    expect(error.message).toContain('levels: 2 values, not shown');
    for (const phone of PHONES) expect(text(error)).not.toContain(phone);
  });

  it('do not echo a number out of range in a model response', () => {
    const error = refusal('22', [{ id: 'g', type: 'glm', formula: 'contact ~ age', family: 'quasibinomial' }]);
    for (const phone of PHONES) expect(text(error)).not.toContain(phone.slice(1));
  });
});
