import { parseFormula } from '@leakrisk/survey';
import { describe, expect, it } from 'vitest';
import { parseCutPoint, parseTermName } from './termNames.js';

const levels: Record<string, string[]> = {
  gender: ['female', 'male', 'transgender'],
  age_band: ['18-25', '26-35', '36-45'],
  area: ['urban', 'rural'],
};
const levelsOf = (variable: string) => levels[variable];

describe('parseTermName', () => {
  const formula = parseFormula('y ~ age + age_band + gender * area + hours');

  it('reads a factor level as the variable followed by the level', () => {
    expect(parseTermName('gendermale', formula, levelsOf)).toEqual([{ variable: 'gender', level: 'male' }]);
  });

  it('reads a numeric variable by its name alone', () => {
    expect(parseTermName('hours', formula, levelsOf)).toEqual([{ variable: 'hours', level: null }]);
    expect(parseTermName('age', formula, levelsOf)).toEqual([{ variable: 'age', level: null }]);
  });

  it('prefers the longer variable name the known levels confirm: age_band26-35 is not age + "_band26-35"', () => {
    expect(parseTermName('age_band26-35', formula, levelsOf)).toEqual([{ variable: 'age_band', level: '26-35' }]);
    // Without any known levels the longer name still wins.
    expect(parseTermName('age_band26-35', formula, () => undefined)).toEqual([{ variable: 'age_band', level: '26-35' }]);
  });

  it('reads an interaction part by part, in the term order', () => {
    expect(parseTermName('gendermale:arearural', formula, levelsOf)).toEqual([
      { variable: 'gender', level: 'male' },
      { variable: 'area', level: 'rural' },
    ]);
  });

  it('reads a factor × numeric interaction, and a level that holds a colon', () => {
    const withNumeric = parseFormula('y ~ gender * hours');
    expect(parseTermName('gendermale:hours', withNumeric, levelsOf)).toEqual([
      { variable: 'gender', level: 'male' },
      { variable: 'hours', level: null },
    ]);
    const colon = parseFormula('y ~ slot * area');
    expect(parseTermName('slot10:30:arearural', colon, (v) => (v === 'slot' ? ['09:00', '10:30'] : levels[v]))).toEqual([
      { variable: 'slot', level: '10:30' },
      { variable: 'area', level: 'rural' },
    ]);
  });

  it('returns undefined for the intercept and for a name no term explains', () => {
    expect(parseTermName('(Intercept)', formula, levelsOf)).toBeUndefined();
    expect(parseTermName('educationprimary', formula, levelsOf)).toBeUndefined();
  });

  it('still reads a level the codebook does not list (a generalised value)', () => {
    expect(parseTermName('genderunknown', formula, levelsOf)).toEqual([{ variable: 'gender', level: 'unknown' }]);
  });
});

describe('parseCutPoint', () => {
  it('splits at the bar between two adjacent answers', () => {
    expect(parseCutPoint('1|2', ['1', '2', '3'])).toEqual(['1', '2']);
    expect(parseCutPoint('a|b|c', ['a', 'b|c', 'd'])).toEqual(['a', 'b|c']);
    expect(parseCutPoint('x|y', undefined)).toEqual(['x', 'y']);
    expect(parseCutPoint('gendermale', ['1', '2'])).toBeUndefined();
  });
});
