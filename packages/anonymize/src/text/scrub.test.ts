import { describe, expect, it } from 'vitest';
import { findPii, resolveOverlaps, scrubColumn, scrubText } from './scrub.js';

describe('scrubText', () => {
  it('replaces several kinds in one comment and counts them', () => {
    const result = scrubText('I am Ayesha Khan, CNIC 35202-1234567-1, DOB 12-03-1995, call 0300-1234567 or ayesha@example.pk');
    expect(result.text).toBe('I am [NAME], CNIC [CNIC], DOB [DOB], call [PHONE] or [EMAIL]');
    expect(result.counts).toEqual({
      PHONE: 1,
      CNIC: 1,
      EMAIL: 1,
      URL: 0,
      HANDLE: 0,
      IBAN: 0,
      NAME: 1,
      PASSPORT: 0,
      ADDRESS: 0,
      DOB: 1,
    });
  });

  it('keeps harmless numbers', () => {
    const text = 'Rs 500 diye, 5,000 rupees, PKR 1,200, in 2023 at 10:30, 10 baje, 45%, 25 saal, 3 din';
    expect(scrubText(text)).toEqual({ text, counts: scrubText('').counts });
  });

  it('replaces only the types asked for', () => {
    expect(scrubText('mera naam Ali hai, 0300-1234567', { types: ['PHONE'] }).text).toBe('mera naam Ali hai, [PHONE]');
    expect(scrubText('mera naam Ali hai, 0300-1234567', { types: ['NAME'] }).text).toBe('mera naam [NAME] hai, 0300-1234567');
  });

  it('returns spans of the original text', () => {
    const text = 'نمبر ۰۳۰۰۱۲۳۴۵۶۷';
    expect(findPii(text)).toEqual([{ start: 5, end: 16, type: 'PHONE' }]);
  });
});

describe('resolveOverlaps', () => {
  it('keeps the longer span, then the more specific type', () => {
    expect(
      resolveOverlaps([
        { start: 0, end: 10, type: 'PHONE' },
        { start: 0, end: 20, type: 'URL' },
        { start: 25, end: 30, type: 'NAME' },
        { start: 25, end: 30, type: 'HANDLE' },
      ]),
    ).toEqual([
      { start: 0, end: 20, type: 'URL' },
      { start: 25, end: 30, type: 'HANDLE' },
    ]);
  });
});

describe('scrubColumn', () => {
  it('scrubs every cell, keeps empty and harmless cells and sums the counts', () => {
    const result = scrubColumn(['', 'good survey', 'call 03001234567', 'call 03001234567', 'mera naam Sana hai', 'NA']);
    expect(result.values).toEqual(['', 'good survey', 'call [PHONE]', 'call [PHONE]', 'mera naam [NAME] hai', 'NA']);
    expect(result.counts.PHONE).toBe(2);
    expect(result.counts.NAME).toBe(1);
  });

  it('gives the same cells as scrubText', () => {
    const cells = ['DOB: 01-02-1990', 'my sister Hina', 'www.example.pk', '@someone', 'مکان نمبر ۱۲'];
    expect(scrubColumn(cells).values).toEqual(cells.map((cell) => scrubText(cell).text));
  });
});
