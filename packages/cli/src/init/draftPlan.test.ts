import { formatCsvRows, parseCsvText, type Codebook, type Variable } from '@leakrisk/survey';
import { describe, expect, it } from 'vitest';
import { draftDesign, draftPlan } from './draftPlan.js';

// 60 synthetic respondents: clusters, weights, two demographics, four agreement items of which a3
// runs against the others, a yes/no question, hours online and a 0/1 option column.
const header = ['psu', 'final_weight', 'gender', 'province', 'a1', 'a2', 'a3', 'a4', 'heard', 'hours', 'platforms/facebook', 'consent'];
const clamp = (x: number) => String(Math.max(1, Math.min(5, x)));
const rows = Array.from({ length: 60 }, (_, i) => {
  const trait = 1 + (i % 5);
  return [
    String(1 + Math.floor(i / 6)),
    String(100 + (i % 7) * 10),
    i % 2 === 0 ? 'female' : 'male',
    ['punjab', 'sindh', 'kp'][i % 3]!,
    clamp(trait + ((i * 7) % 3) - 1),
    clamp(trait + ((i * 11) % 3) - 1),
    clamp(6 - trait + ((i * 13) % 3) - 1),
    clamp(trait + ((i * 5) % 3) - 1),
    i % 4 === 0 ? 'no' : 'yes',
    String((i % 9) + 0.5),
    String(i % 2),
    'OK',
  ];
});
const table = parseCsvText(formatCsvRows(header, rows), 'export.csv');
const label = { en: 'x', ur: 'x' };
const options = (...codes: string[]) => codes.map((code) => ({ code, label }));
const variables: Variable[] = [
  { name: 'psu', type: 'numeric', label },
  { name: 'final_weight', type: 'numeric', label },
  { name: 'gender', type: 'categorical', label, options: options('female', 'male') },
  { name: 'province', type: 'categorical', label, options: options('punjab', 'sindh', 'kp') },
  { name: 'a1', type: 'likert', label, options: options('1', '2', '3', '4', '5') },
  { name: 'a2', type: 'likert', label, options: options('1', '2', '3', '4', '5') },
  { name: 'a3', type: 'likert', label, options: options('1', '2', '3', '4', '5') },
  { name: 'a4', type: 'likert', label, options: options('1', '2', '3', '4', '5') },
  { name: 'heard', type: 'categorical', label, options: options('yes', 'no') },
  { name: 'hours', type: 'numeric', label },
  { name: 'platforms/facebook', type: 'multiselect', label, options: options('0', '1') },
  { name: 'consent', type: 'categorical', label, options: options('OK'), formType: 'acknowledge' },
];
const codebook: Codebook = {
  id: 'form',
  version: '1',
  title: label,
  synthetic: true,
  sections: [
    { id: 'about', title: label, variables: ['psu', 'final_weight', 'gender', 'province', 'consent'] },
    { id: 'attitudes', title: label, variables: ['a1', 'a2', 'a3', 'a4', 'heard', 'hours', 'platforms/facebook'] },
  ],
  variables,
  scales: [],
  knowledgeScores: [],
};
const columns = {
  psu: 'keep',
  final_weight: 'keep',
  gender: { role: 'quasi' },
  province: { role: 'quasi' },
  a1: 'keep',
  a2: 'keep',
  a3: 'keep',
  a4: 'keep',
  heard: 'keep',
  hours: 'keep',
  'platforms/facebook': 'keep',
  consent: 'keep',
};

describe('draftDesign', () => {
  it('takes clusters and weights from the column names and states the assumption', () => {
    const design = draftDesign(table);
    expect(design).toMatchObject({ ids: ['psu'], weights: 'final_weight' });
    expect(design.strata).toBeUndefined();
    expect(design.assumption).toMatch(/^respondents sampled in clusters "psu", no strata, weighted by "final_weight"\./);
  });

  it('without design columns assumes a simple random sample, and says so', () => {
    const plain = parseCsvText(formatCsvRows(['age', 'vb1'], [['20', '1']]), 'plain.csv');
    expect(draftDesign(plain)).toMatchObject({
      ids: [],
      assumption: expect.stringMatching(/no clustering .* no strata, equal weights \(an unweighted, simple random sample\)/),
    });
  });
});

describe('draftPlan', () => {
  const draft = draftPlan(table, codebook, columns, draftDesign(table));
  const analyses = draft.plan['analyses'] as Record<string, unknown>[];
  const byId = (id: string) => analyses.find((a) => a['id'] === id);

  it('names the codebook and report settings, and the design', () => {
    expect(draft.plan).toMatchObject({ codebook: 'codebook.json', report: 'report.json', design: { ids: ['psu'], weights: 'final_weight' } });
  });

  it('covers every answer: distributions, means (overall and by the main demographics), categorical answers by group', () => {
    expect(draft.groupings).toEqual(['gender', 'province']);
    expect(byId('a1_dist')).toEqual({ id: 'a1_dist', type: 'distribution', variable: 'a1', naRm: true, section: 'attitudes' });
    expect(byId('a1_mean')).toMatchObject({ type: 'mean', variable: 'a1', naRm: true });
    expect(byId('a1_by_gender')).toMatchObject({ type: 'mean', variable: 'a1', by: ['gender'] });
    expect(byId('hours_by_province')).toMatchObject({ type: 'mean', variable: 'hours', by: ['province'] });
    expect(byId('platforms_facebook_mean')).toMatchObject({ type: 'mean', variable: 'platforms/facebook' });
    expect(byId('heard_by_gender')).toMatchObject({ type: 'distribution', variable: 'heard', by: ['gender'] });
    expect(byId('gender_dist')).toMatchObject({ type: 'distribution', variable: 'gender' });
    // the design columns and a one-answer acknowledgement are no answers to estimate
    for (const a of analyses) expect(['psu', 'final_weight', 'consent']).not.toContain(a['variable']);
    const answered = new Set(analyses.map((a) => a['variable']).filter((v) => v !== undefined));
    expect([...answered].sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'gender', 'heard', 'hours', 'platforms/facebook', 'province']);
  });

  it('finds the scale (Likert items of one section sharing a scale) and names the item running against the others as reverse', () => {
    expect(byId('scale_a1_alpha')).toEqual({ id: 'scale_a1_alpha', type: 'alpha', items: ['a1', 'a2', 'a3', 'a4'], reverse: ['a3'], section: 'attitudes' });
    expect(draft.scales).toEqual([{ id: 'scale_a1', items: ['a1', 'a2', 'a3', 'a4'], reverse: ['a3'] }]);
  });
});
