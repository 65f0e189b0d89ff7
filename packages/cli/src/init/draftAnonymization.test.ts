import { formatCsvRows, parseCsvText, type Codebook } from '@leakrisk/survey';
import { describe, expect, it } from 'vitest';
import { draftAnonymization } from './draftAnonymization.js';

// Synthetic respondents: 92 in two provinces, 8 each alone in a province of their own.
function survey(): ReturnType<typeof parseCsvText> {
  const rows: string[][] = [];
  for (let i = 0; i < 100; i++) {
    const province = i < 92 ? (i % 2 === 0 ? 'punjab' : 'sindh') : `island_${i}`;
    const district = i < 92 ? `${province}_${i % 4 < 2 ? 'north' : 'south'}` : `${province}_only`;
    rows.push([`R${1000 + i}`, province, district, String(1 + (i % 5)), `0300-12345${String(i).padStart(2, '0')}`]);
  }
  return parseCsvText(formatCsvRows(['resp_id', 'province', 'district', 'vb1', 'phone'], rows), 'raw.csv');
}

const label = { en: 'x', ur: 'x' };
const codebook: Codebook = {
  id: 'study',
  version: '1',
  title: label,
  synthetic: true,
  sections: [{ id: 'all', title: label, variables: ['vb1'] }],
  variables: [{ name: 'vb1', type: 'likert', label, options: [1, 2, 3, 4, 5].map((c) => ({ code: String(c), label })) }],
  scales: [],
  knowledgeScores: [],
};

describe('draftAnonymization', () => {
  const draft = draftAnonymization(survey(), codebook, undefined, []);

  it('chooses the smallest suppression budget the data meets, by running the anonymizer (8 singletons: 10%, not 5%)', () => {
    expect(draft.config.privacy.maxSuppressedShare).toBe(0.1);
    expect(draft.config.privacy.k).toBe(5);
    expect(draft.achieved.k).toBeGreaterThanOrEqual(5);
    expect(draft.achieved.suppressedShare).toBeGreaterThan(0.05);
    expect(draft.decisions.at(-1)).toMatch(/at most 10% .* smallest budget this data met in a trial run/);
  });

  it('builds the district → province hierarchy from the data and names it in the config', () => {
    expect(draft.config.columns['district']).toEqual({ role: 'quasi', hierarchy: 'hierarchy-district.csv' });
    const csv = draft.hierarchies.get('hierarchy-district.csv')!;
    expect(csv.split('\n')[0]).toBe('district,province');
    expect(csv).toContain('punjab_north,punjab\n');
    expect(csv).toContain('island_95_only,island_95\n');
  });

  it('classifies every column, with a key for the pseudonyms', () => {
    expect(draft.config.columns).toMatchObject({ resp_id: 'pseudonymize', phone: 'drop', vb1: 'keep', province: { role: 'quasi' } });
    expect(draft.config.keyFrom).toBe('env:LEAKRISK_KEY');
    expect(Object.values(draft.config.columns)).not.toContain('undecided');
  });

  it('drops a column it cannot judge rather than leaving it undecided', () => {
    const table = parseCsvText(
      formatCsvRows(
        ['mystery', 'vb1'],
        [
          ['x1', '1'],
          ['x2', '2'],
          ['x3', '3'],
        ],
      ),
      'raw.csv',
    );
    const small = draftAnonymization(table, undefined, undefined, []);
    expect(small.config.columns['mystery']).toBe('drop');
    expect(small.decisions.join('\n')).toMatch(/mystery: not recognised; dropped to be safe/);
  });
});
