import { describe, expect, it } from 'vitest';
import { detectPassports } from './passport.js';
import { scrubText } from './scrub.js';

describe('passport numbers', () => {
  it('replaces a passport number after a cue', () => {
    expect(scrubText('passport no: ab1234567').text).toBe('passport no: [PASSPORT]');
    expect(scrubText('mera passport number AB-1234567 hai').text).toBe('mera passport number [PASSPORT] hai');
    expect(scrubText('پاسپورٹ نمبر CD7654321').text).toBe('پاسپورٹ نمبر [PASSPORT]');
  });

  it('takes the exact upper-case shape without a cue, nothing looser', () => {
    expect(detectPassports('AB1234567')).toEqual([{ start: 0, end: 9, type: 'PASSPORT' }]);
    expect(detectPassports('ab1234567')).toEqual([]);
    expect(detectPassports('ABC1234567')).toEqual([]);
  });
});
