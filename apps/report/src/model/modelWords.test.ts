import { describe, expect, it } from 'vitest';
import { en, ur } from '../i18n/index.js';
import { Labels } from './labels.js';
import { describeModel, outcomeOf } from './modelWords.js';

const labels = new Labels(undefined, { en, ur });

describe('describeModel', () => {
  it('describes a model in words instead of R notation', () => {
    const linear = { id: 'a', type: 'glm', formula: 'victim_blaming ~ age_band + gender + area', family: 'gaussian', rows: [] };
    expect(describeModel(linear, labels, 'en')).toBe('Linear regression of victim blaming on age band, gender and area.');
    expect(describeModel(linear, labels, 'en')).not.toContain('~');
    const logistic = { id: 'b', type: 'glm', formula: 'posts_self ~ gender * area', family: 'quasibinomial', success: 'yes', rows: [] };
    expect(describeModel(logistic, labels, 'en')).toBe('Logistic regression of posts self (yes) on gender, area and gender × area.');
    const ordinal = { id: 'c', type: 'ordinal', formula: 'vb1 ~ gender', link: 'logit', rows: [] };
    expect(describeModel(ordinal, labels, 'en')).toBe('Ordinal regression (proportional odds, logit link) of vb1 on gender.');
    expect(describeModel(linear, labels, 'ur')).toBe('Victim blaming کی Age band، Gender اور Area پر لکیری ریگریشن۔');
    expect(outcomeOf(linear)).toBe('victim_blaming');
  });
});
