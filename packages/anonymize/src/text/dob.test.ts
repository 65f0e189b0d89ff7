import { describe, expect, it } from 'vitest';
import { detectDatesOfBirth } from './dob.js';
import { scrubText } from './scrub.js';

const scrub = (text: string): string => scrubText(text).text;

describe('dates of birth', () => {
  it('replaces the date after a birth cue and keeps the cue', () => {
    expect(scrub('DOB: 12-03-1995')).toBe('DOB: [DOB]');
    expect(scrub('born on the 12th of March 1995')).toBe('born on the [DOB]');
    expect(scrub('my date of birth is March 12, 1995.')).toBe('my date of birth is [DOB].');
    expect(scrub('meri paidaish 12-03-1995 ki hai')).toBe('meri paidaish [DOB] ki hai');
    expect(scrub('تاریخ پیدائش: ۱۲ مارچ ۱۹۹۵')).toBe('تاریخ پیدائش: [DOB]');
  });

  it('replaces a date followed by "ko paida"', () => {
    expect(scrub('mai 5 June 1998 ko paida hui')).toBe('mai [DOB] ko paida hui');
  });

  it('leaves dates and years without a birth cue', () => {
    expect(detectDatesOfBirth('the video leaked on 12-05-2023 and spread')).toEqual([]);
    expect(detectDatesOfBirth('I was born in 1995')).toEqual([]);
    expect(scrub('video 12-05-2023 ko leak hui')).toBe('video 12-05-2023 ko leak hui');
  });
});
