import { describe, expect, it } from 'vitest';
import { LeakriskError } from '@leakrisk/survey';
import { assertAggregateCsvHeader, assertAggregateOnly, IDENTIFIER_COLUMNS } from './guard.js';

const names = { identifiers: IDENTIFIER_COLUMNS, items: ['vb1', 'vb2', 'vb3', 'age', 'psu', 'weight'] };
const valid = {
  meta: { rows: 3000 },
  results: [{ id: 'vb1', type: 'mean', variable: 'vb1', rows: [{ domain: { gender: 'female' }, estimate: 3.1, n: 1450 }] }],
};

function refusal(run: () => unknown): LeakriskError {
  try {
    run();
  } catch (error) {
    if (error instanceof LeakriskError) return error;
    throw error;
  }
  throw new Error('expected a LeakriskError');
}

describe('assertAggregateOnly', () => {
  it('accepts contract-shaped aggregate results', () => {
    expect(assertAggregateOnly(valid, 'results.json', names).results).toHaveLength(1);
  });
  it('refuses a list of records', () => {
    const error = refusal(() => assertAggregateOnly([{ resp_id: 1, vb1: 3 }], 'results.json', names));
    expect(error.message).toMatch(/respondent-level/);
    expect(error.file).toBe('results.json');
  });
  it('refuses rows that carry an identifier column, naming where', () => {
    const bad = { ...valid, results: [{ id: 'x', type: 'mean', rows: [{ estimate: 1, phone: '0300 1234567' }] }] };
    const error = refusal(() => assertAggregateOnly(bad, 'results.json', names));
    expect(error.column).toBe('results[0].rows[0].phone');
  });
  it('refuses rows that look like survey records (three or more item columns)', () => {
    const bad = { ...valid, results: [{ id: 'x', type: 'mean', rows: [{ vb1: 3, vb2: 4, vb3: 2 }] }] };
    expect(refusal(() => assertAggregateOnly(bad, 'results.json', names)).message).toMatch(/3 respondent-level item columns/);
  });
  it('refuses domains defined by an identifier', () => {
    const bad = { ...valid, results: [{ id: 'x', type: 'mean', rows: [{ domain: { resp_id: 'R1' }, estimate: 3 }] }] };
    expect(refusal(() => assertAggregateOnly(bad, 'results.json', names)).column).toBe('results[0].rows[0].domain.resp_id');
  });
  it('refuses a file without a results list', () => {
    expect(refusal(() => assertAggregateOnly({ meta: {} }, 'results.json', names)).column).toBe('results');
  });
});

describe('assertAggregateCsvHeader', () => {
  it('accepts a per-analysis CSV', () => {
    expect(() => assertAggregateCsvHeader(['id', 'gender', 'estimate', 'se', 'n'], 'vb1.csv', names)).not.toThrow();
  });
  it('refuses identifier columns with line 1 and the column named', () => {
    const error = refusal(() => assertAggregateCsvHeader(['resp_id', 'gender', 'vb1'], 'raw.csv', names));
    expect(error.line).toBe(1);
    expect(error.column).toBe('resp_id');
  });
  it('refuses a header of item columns', () => {
    expect(refusal(() => assertAggregateCsvHeader(['vb1', 'vb2', 'age', 'gender'], 'anon.csv', names)).message).toMatch(/item columns/);
  });
});
