import { describe, expect, it } from 'vitest';
import { detectCnics } from './cnic.js';
import { scrubText } from './scrub.js';

const scrub = (text: string): string => scrubText(text).text;

describe('CNIC numbers', () => {
  it.each([['35202-1234567-1'], ['3520212345671'], ['35202 1234567 1'], ['۳۵۲۰۲-۱۲۳۴۵۶۷-۱'], ['٤٢١٠١٢٣٤٥٦٧٨٩'], ['61101 - 7654321 - 3']])(
    'replaces %s',
    (cnic) => {
      expect(scrub(`CNIC ${cnic}.`)).toBe('CNIC [CNIC].');
    },
  );

  it('keeps Urdu words around an Urdu-digit CNIC', () => {
    expect(scrub('میرا شناختی کارڈ نمبر ۳۵۲۰۲-۱۲۳۴۵۶۷-۱ ہے')).toBe('میرا شناختی کارڈ نمبر [CNIC] ہے');
  });

  it('needs a province code 1-7 and exactly 13 digits', () => {
    expect(detectCnics('9520212345671')).toEqual([]);
    expect(detectCnics('35202123456712')).toEqual([]);
    expect(detectCnics('3520-21234567-1')).toEqual([]);
    expect(detectCnics('CNIC 35202-1234567-1')).toEqual([{ start: 5, end: 20, type: 'CNIC' }]);
  });
});
