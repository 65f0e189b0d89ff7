import { LeakriskError } from '@leakrisk/survey';
import { describe, expect, it } from 'vitest';
import { en, ur } from '../i18n/index.js';
import { Labels } from '../model/labels.js';
import { publishedValues } from '../model/publishedValues.js';
import { looksLikePii, refusePiiValues } from './pii.js';
import type { ResultsFile } from './types.js';

describe('looksLikePii', () => {
  it('finds phone numbers, CNICs and e-mail addresses, and leaves ordinary levels alone', () => {
    expect(looksLikePii('0300-1234567')).toBe(true);
    expect(looksLikePii('35202-1234567-1')).toBe(true);
    expect(looksLikePii('ali@example.com')).toBe(true);
    for (const level of ['female', '18-25', '66+', 'khyber_pakhtunkhwa', '1', 'yes', '2023-05-01', '1|2']) expect(looksLikePii(level)).toBe(false);
  });
});

const labels = new Labels(undefined, { en, ur });
const phones = ['03001234567', '03217654321', '03459876543'];

describe('publishedValues + refusePiiValues', () => {
  it('refuses a `by` variable of phone numbers, naming the analysis and the column but not the number', () => {
    const results: ResultsFile = {
      meta: {},
      results: [
        { id: 'mean_ok', type: 'mean', variable: 'score', by: 'gender', rows: [{ domain: { gender: 'female' }, estimate: 1, n: 40 }] },
        {
          id: 'mean_by_contact',
          type: 'mean',
          variable: 'score',
          by: 'contact_no',
          rows: phones.map((phone) => ({ domain: { contact_no: phone }, estimate: 2, n: 1 })),
        },
      ],
    };
    let error: unknown;
    try {
      refusePiiValues(publishedValues(results, labels), 'results.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LeakriskError);
    const refusal = error as LeakriskError;
    expect(refusal.message).toContain('"mean_by_contact"');
    expect(refusal.column).toBe('contact_no');
    expect(refusal.file).toBe('results.json');
    for (const phone of phones) expect(`${refusal.message} ${refusal.fix}`).not.toContain(phone);
  });

  it('looks inside distribution levels, contrast levels, model terms and margins', () => {
    const values = (results: ResultsFile['results'], margins?: Record<string, Record<string, number>>) =>
      publishedValues({ meta: {}, results, ...(margins ? { calibration: { margins } } : {}) }, labels).map((v) => `${v.analysis}/${v.column}=${v.value}`);
    expect(values([{ id: 'd', type: 'distribution', variable: 'q', rows: [{ domain: {}, level: 'a@b.co', estimate: 0.5 }] }])).toEqual(['d/q=a@b.co']);
    expect(values([{ id: 'c', type: 'contrast', variable: 'q', by: 'g', levels: ['x', 'y'], rows: [] }])).toEqual(['c/g=x', 'c/g=y']);
    expect(
      values([{ id: 'm', type: 'glm', formula: 'y ~ phone + age', rows: [{ term: '(Intercept)' }, { term: 'phone03001234567' }, { term: 'age' }] }]),
    ).toEqual(['m/phone=03001234567']);
    expect(values([], { region: { north: 10 } })).toEqual(['calibration/region=north']);
    expect(() =>
      refusePiiValues(
        publishedValues({ meta: {}, results: [{ id: 'm', type: 'glm', formula: 'y ~ phone', rows: [{ term: 'phone03001234567' }] }] }, labels),
        'r.json',
      ),
    ).toThrow(/analysis "m": a value of "phone"/);
  });
});
