import { describe, expect, it } from 'vitest';
import { isNonAnswer } from './nonAnswer.js';

describe('isNonAnswer', () => {
  it('finds prefer not to say, refused and no answer by code or by label in English or Urdu', () => {
    expect(isNonAnswer('prefer_not_to_say', ['Prefer not to say'])).toBe(true);
    expect(isNonAnswer('99', ['Refused to answer', 'جواب دینے سے انکار'])).toBe(true);
    expect(isNonAnswer('9', ['', 'بتانا نہیں چاہتے'])).toBe(true);
    expect(isNonAnswer('x', ['کوئی جواب نہیں'])).toBe(true);
    expect(isNonAnswer('no_answer', [])).toBe(true);
    expect(isNonAnswer('-99', ['No response'])).toBe(true);
  });

  it("keeps don't know (and not sure) as an answer, in English or Urdu", () => {
    expect(isNonAnswer('dont_know', ["Don't know"])).toBe(false);
    expect(isNonAnswer('98', ['Do not know / refused'])).toBe(false);
    expect(isNonAnswer('8', ['معلوم نہیں'])).toBe(false);
    expect(isNonAnswer('dk', ['Not sure'])).toBe(false);
  });

  it('counts the usual codes 88/99/-99 only when their label says so', () => {
    expect(isNonAnswer('99', ['99 or more'])).toBe(false);
    expect(isNonAnswer('88', ['Other'])).toBe(false);
    expect(isNonAnswer('-88', ['Declined'])).toBe(true);
    expect(isNonAnswer('no', ['No'])).toBe(false);
  });
});
