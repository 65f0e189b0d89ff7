import type { Codebook } from '@leakrisk/survey';
import { describe, expect, it } from 'vitest';
import { en, ur } from '../i18n/index.js';
import type { AnalysisResult } from '../results/types.js';
import { Labels } from './labels.js';
import { TermLabeller, unitOf } from './termLabels.js';

const L = (en: string, ur: string) => ({ en, ur });
const codebook = {
  id: 'test',
  version: '1',
  title: L('Test', 'ٹیسٹ'),
  synthetic: true,
  consent: L('Are you a woman or a man? Do you live in a town?', 'رضامندی'),
  ethics: { committee: 'x', reference: 'y' },
  contentNote: L('Note', 'نوٹ'),
  sections: [{ id: 'about', title: L('About you', 'آپ کے بارے میں'), variables: ['gender', 'area', 'age', 'score_item'] }],
  variables: [
    {
      name: 'gender',
      type: 'categorical',
      label: L('Gender?', 'صنف؟'),
      shortLabel: L('Gender', 'صنف'),
      options: [
        { code: 'female', label: L('Woman', 'عورت') },
        { code: 'male', label: L('Man', 'مرد') },
      ],
    },
    {
      name: 'area',
      type: 'categorical',
      label: L('Where?', 'کہاں؟'),
      shortLabel: L('Area', 'علاقہ'),
      options: [
        { code: 'town', label: L('Town', 'شہر') },
        { code: 'hyderabad', label: L('Hyderabad city', 'حیدرآباد شہر') },
      ],
    },
    { name: 'age', type: 'numeric', label: L('How old are you?', 'آپ کی عمر؟'), shortLabel: L('Age', 'عمر') },
    {
      name: 'score_item',
      type: 'likert',
      label: L('Item', 'بیان'),
      options: [
        { code: '1', label: L('Low', 'کم') },
        { code: '2', label: L('High', 'زیادہ') },
      ],
    },
  ],
  scales: [],
  knowledgeScores: [],
} as unknown as Codebook;
const labels = new Labels(codebook, { en, ur });
const glm: AnalysisResult = {
  id: 'm',
  type: 'glm',
  formula: 'score_item ~ gender * age + area',
  rows: ['(Intercept)', 'gendermale', 'age', 'areahyderabad', 'gendermale:age', 'mystery'].map((term) => ({ term, estimate: 0.1 })),
};

describe('TermLabeller', () => {
  const terms = new TermLabeller(glm, labels);
  it('writes a factor term from the codebook labels, compared with the reference level', () => {
    expect(terms.label('gendermale', 'en')).toBe('Gender: man compared with woman');
    expect(terms.referenceOf('gender')).toBe('female');
  });
  it('keeps the capitals of every level of a variable when one of them may be a name (a place)', () => {
    expect(terms.label('areahyderabad', 'en')).toBe('Area: Hyderabad city compared with Town');
  });
  it('writes a numeric term per its unit', () => {
    expect(terms.label('age', 'en')).toBe('Age (per year)');
  });
  it('writes an interaction as its parts joined', () => {
    expect(terms.label('gendermale:age', 'en')).toBe('Gender: man × Age (per year) (interaction)');
  });
  it('keeps the raw name of a term the formula does not explain', () => {
    expect(terms.label('mystery', 'en')).toBe('mystery');
  });
  it('writes the same terms in Urdu from the Urdu labels', () => {
    expect(terms.label('gendermale', 'ur')).toBe('صنف: مرد، بمقابلہ عورت');
    expect(terms.label('age', 'ur')).toBe('عمر (فی سال)');
    expect(terms.label('gendermale:age', 'ur')).toBe('صنف: مرد × عمر (فی سال) (باہمی اثر)');
  });
  it('names a variable the codebook does not know from its column name', () => {
    const derived = new TermLabeller({ id: 'd', type: 'glm', formula: 'y ~ age_band', rows: [{ term: 'age_band26-35' }] }, labels);
    expect(derived.label('age_band26-35', 'en')).toBe('Age band: 26-35');
    // A banded copy of a numeric codebook variable is named from that variable, so Urdu has Urdu words.
    expect(derived.label('age_band26-35', 'ur')).toBe('عمر کا گروپ: 26-35');
  });
  it('names a weighting copy of a banded variable like the banded variable, and leaves an unrelated column its name', () => {
    expect(labels.short('age_band_w', 'ur')).toBe('عمر کا گروپ');
    expect(labels.short('age_band_w', 'en')).toBe('Age band');
    expect(labels.short('area_group', 'ur')).toBe('Area group');
    expect(labels.short('income_band', 'ur')).toBe('Income band');
  });
});

describe('unitOf', () => {
  it('finds the unit of a numeric predictor from its name and label', () => {
    expect(unitOf('age', labels)).toBe('year');
    expect(unitOf('score_item', labels)).toBe('point');
    expect(unitOf('daily_hours', labels)).toBe('hour');
    expect(unitOf('household_size', labels)).toBe('person');
    expect(unitOf('income', labels)).toBe('unit');
  });
});
