import { describe, expect, it } from 'vitest';
import { humanizeName, midSentence } from './sentenceCase.js';

describe('midSentence', () => {
  it('lower-cases the first letter of an ordinary label inside an English sentence', () => {
    expect(midSentence('Victim blaming for leaked private images', 'en')).toBe('victim blaming for leaked private images');
    expect(midSentence('Gender', 'en')).toBe('gender');
  });
  it('keeps acronyms, names with inner capitals, one-letter words and Urdu as they are', () => {
    expect(midSentence('PECA awareness', 'en')).toBe('PECA awareness');
    expect(midSentence('TikTok', 'en')).toBe('TikTok');
    expect(midSentence('X (formerly Twitter)', 'en')).toBe('X (formerly Twitter)');
    expect(midSentence('صنف', 'ur')).toBe('صنف');
  });
});

describe('humanizeName', () => {
  it('writes a column name for people', () => {
    expect(humanizeName('age_band')).toBe('Age band');
    expect(humanizeName('household_size_w')).toBe('Household size w');
  });
});
