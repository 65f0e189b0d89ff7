import { describe, expect, it } from 'vitest';
import { detectPhones, isPakistaniPhone } from './phone.js';
import { scrubText } from './scrub.js';

const scrub = (text: string): string => scrubText(text).text;

describe('Pakistani phone numbers', () => {
  it.each([
    ['0300-1234567'],
    ['03001234567'],
    ['+92 300 1234567'],
    ['+923001234567'],
    ['0092 300 1234567'],
    ['+92-300-123-4567'],
    ['0300 123 4567'],
    ['(0300) 1234567'],
    ['(042) 35761234'],
    ['042-35761234'],
    ['051-2345678'],
    ['021-111-123-456'],
    ['۰۳۰۰۱۲۳۴۵۶۷'],
    ['۰۳۰۰-۱۲۳۴۵۶۷'],
    ['٠٣٠٠١٢٣٤٥٦٧'],
    ['+92 (300) 1234567'],
    ['+92 0300 1234567'],
    ['0300.1234567'],
    ['923001234567'],
  ])('replaces %s', (phone) => {
    expect(scrub(`call ${phone} now`)).toBe('call [PHONE] now');
  });

  it('keeps the words and amounts around a number', () => {
    expect(scrub('Rs 5000 diye aur 0300-1234567 pe bheja')).toBe('Rs 5000 diye aur [PHONE] pe bheja');
    expect(scrub('mera number 0321 7654321 hai aur 2 bache')).toBe('mera number [PHONE] hai aur 2 bache');
    expect(scrub('0300 1234567 2 baje call karo')).toBe('[PHONE] 2 baje call karo');
  });

  it('finds two numbers next to each other', () => {
    expect(scrub('03001234567,03217654321')).toBe('[PHONE],[PHONE]');
    expect(scrub('0312 7654321 ya 0333-1112223')).toBe('[PHONE] ya [PHONE]');
  });

  it('includes the closing bracket of a bracketed number', () => {
    expect(scrub('(03001234567)')).toBe('[PHONE]');
  });

  it('leaves numbers that are not Pakistani phone numbers', () => {
    for (const text of [
      'Rs 500',
      '5,000 rupees',
      'PKR 1,200',
      'in 2023',
      'at 10:30',
      '45%',
      '12-05-2023',
      '1,234,567 views',
      'order 12345678',
      'call 1122',
      '1234567890123456',
    ]) {
      expect(scrub(text)).toBe(text);
    }
  });

  it('reports offsets in the text', () => {
    expect(detectPhones('call 0300-1234567 after 5')).toEqual([{ start: 5, end: 17, type: 'PHONE' }]);
  });

  it('validates by the numbering plan', () => {
    expect(isPakistaniPhone('03001234567')).toBe(true);
    expect(isPakistaniPhone('04235761234')).toBe(true);
    expect(isPakistaniPhone('00923001234567')).toBe(true);
    expect(isPakistaniPhone('0300123456')).toBe(false); // one digit short
    expect(isPakistaniPhone('04212345')).toBe(false); // Lahore needs 8 subscriber digits
    expect(isPakistaniPhone('13001234567')).toBe(false); // no trunk 0 or country code
  });
});
