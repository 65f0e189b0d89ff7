import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { labelOf, levelLabelOf, levelsOf, missingCodesOf, scaleOf, shortLabelOf, variableOf } from './accessors.js';
import { loadCodebook } from './load.js';

const codebook = loadCodebook(fileURLToPath(new URL('../../../../data/instrument/codebook.json', import.meta.url)));

describe('codebook accessors', () => {
  it('finds variables by column name', () => {
    expect(variableOf(codebook, 'vb3')?.reverse).toBe(true);
    expect(variableOf(codebook, 'nope')).toBeUndefined();
  });

  it('lists missing codes per column', () => {
    expect([...missingCodesOf(codebook, 'vb1')]).toEqual(['98', '99']);
    expect([...missingCodesOf(codebook, 'education')]).toEqual(['99']);
    expect(missingCodesOf(codebook, 'age').size).toBe(0);
    expect(missingCodesOf(codebook, 'unknown').size).toBe(0);
  });

  it('gives levels in presentation order', () => {
    expect(levelsOf(codebook, 'gender')).toEqual(['female', 'male', 'transgender', 'prefer_not']);
    expect(levelsOf(codebook, 'sb1')).toEqual(['1', '2', '3', '4', '5']);
    expect(levelsOf(codebook, 'age')).toBeUndefined();
  });

  it('gives labels in both languages, with fallbacks', () => {
    expect(labelOf(codebook, 'gender', 'en')).toBe('What is your gender?');
    expect(labelOf(codebook, 'gender', 'ur')).toBe('آپ کی صنف کیا ہے؟');
    expect(labelOf(codebook, 'victim_blaming', 'en')).toBe('Victim blaming for leaked private images');
    expect(labelOf(codebook, 'legal_knowledge', 'en')).toContain('Knowledge');
    expect(labelOf(codebook, 'age_band', 'en')).toBe('age_band');
    expect(shortLabelOf(codebook, 'province', 'en')).toBe('Province');
  });

  it('labels option and missing codes', () => {
    expect(levelLabelOf(codebook, 'vb1', '5', 'en')).toBe('Strongly agree');
    expect(levelLabelOf(codebook, 'sb1', '1', 'en')).toBe('Never');
    expect(levelLabelOf(codebook, 'vb1', '98', 'en')).toBe("Don't know");
    expect(levelLabelOf(codebook, 'province', 'khyber_pakhtunkhwa', 'ur')).toBe('خیبر پختونخوا');
    expect(levelLabelOf(codebook, 'age', '18-25', 'en')).toBe('18-25');
  });

  it('finds scales by id', () => {
    expect(scaleOf(codebook, 'victim_blaming')?.reverse).toEqual(['vb3', 'vb5', 'vb8']);
    expect(Object.keys(scaleOf(codebook, 'privacy_concern')?.subscales ?? {})).toEqual(['control', 'awareness', 'collection']);
    expect(scaleOf(codebook, 'nope')).toBeUndefined();
  });
});
