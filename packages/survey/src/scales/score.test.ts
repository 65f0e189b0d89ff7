import { describe, expect, it } from 'vitest';
import type { Codebook, Variable } from '../codebook/types.js';
import { LeakriskError } from '../errors.js';
import { parseCsvText } from '../io/csv.js';
import { knowledgeScore, scoreItems, scoreScale } from './score.js';

const label = { en: 'x', ur: 'x' };
const likert = (name: string, reverse = false): Variable => ({
  name,
  type: 'likert',
  label,
  options: ['1', '2', '3', '4', '5'].map((code) => ({ code, label })),
  missingCodes: [
    { code: '98', label },
    { code: '99', label },
  ],
  ...(reverse ? { reverse: true } : {}),
});
const codebook: Codebook = {
  id: 'test',
  version: '1',
  title: label,
  synthetic: true,
  consent: label,
  ethics: { committee: 'c', reference: 'r' },
  contentNote: label,
  sections: [],
  variables: [
    likert('a'),
    likert('b'),
    likert('c'),
    likert('d'),
    {
      name: 'k1',
      type: 'knowledge',
      label,
      options: [
        { code: 'x', label },
        { code: 'y', label },
      ],
      correct: 'x',
      missingCodes: [{ code: '99', label }],
    },
    {
      name: 'k2',
      type: 'knowledge',
      label,
      options: [
        { code: 'yes', label },
        { code: 'no', label },
        { code: 'dont_know', label },
      ],
      correct: 'yes',
    },
  ],
  scales: [
    {
      id: 's',
      label,
      items: ['a', 'b', 'c', 'd'],
      reverse: ['c'],
      subscales: { first: { label, items: ['a', 'b'] } },
      scoring: { method: 'mean', minAnswered: 3 },
    },
    { id: 'total', label, items: ['a', 'b'], reverse: [], scoring: { method: 'sum', minAnswered: 1 } },
  ],
  knowledgeScores: [{ id: 'know', label, items: ['k1', 'k2'] }],
};

// rows: all answered; one "don't know" (98); two missing (below minAnswered 3); a non-answer NA
const table = parseCsvText(['a,b,c,d,k1,k2', '5,4,1,5,x,yes', '2,98,4,3,y,dont_know', '1,,99,2,99,no', '3,3,3,NA,,', ''].join('\n'), 'answers.csv');

describe('scoreScale', () => {
  it('re-keys reverse items as min + max − x, treats missing codes as missing and needs minAnswered items', () => {
    const scores = scoreScale(table, codebook, 's');
    // row 1: 5, 4, 6−1 = 5, 5 → 19/4; row 2: 2, (98), 6−4 = 2, 3 → 7/3; row 3: two answered < 3 → NaN; row 4: 3, 3, 3 → 3
    expect(Array.from(scores.slice(0, 2))).toEqual([19 / 4, 7 / 3]);
    expect(scores[2]).toBeNaN();
    expect(scores[3]).toBe(3);
  });

  it('scores a subscale with the scale rule (minAnswered capped at the subscale size)', () => {
    // minAnswered 3 > 2 items: a respondent needs both
    expect(Array.from(scoreScale(table, codebook, 's', 'first'))).toEqual([4.5, NaN, NaN, 3]);
  });

  it('sums answered items for method "sum"', () => {
    expect(Array.from(scoreScale(table, codebook, 'total'))).toEqual([9, 2, 1, 6]);
  });

  it('names an unknown scale and lists the scales', () => {
    expect(() => scoreScale(table, codebook, 'nope')).toThrow(LeakriskError);
    expect(() => scoreScale(table, codebook, 'nope')).toThrow(/scales: s, total/);
  });

  it('rejects text in a scale item, naming the row', () => {
    const bad = parseCsvText('a,b,c,d\n1,2,x,4\n', 'bad.csv');
    try {
      scoreScale(bad, codebook, 's');
      throw new Error('expected an error');
    } catch (error) {
      expect((error as LeakriskError).row).toBe(1);
      expect((error as LeakriskError).column).toBe('c');
    }
  });
});

describe('knowledgeScore', () => {
  it('counts correct answers; "don\'t know" and refusals count as not knowing; all blank is missing', () => {
    expect(Array.from(knowledgeScore(table, codebook, 'know'))).toEqual([2, 0, 0, NaN]);
  });
});

describe('scoreItems', () => {
  it('leaves a respondent without enough answers missing', () => {
    const result = scoreItems([Float64Array.of(1, NaN), Float64Array.of(5, NaN)], [undefined, { min: 1, max: 5 }], { method: 'mean', minAnswered: 2 });
    expect(result[0]).toBe(1);
    expect(result[1]).toBeNaN();
  });
});
