import { describe, expect, it } from 'vitest';
import { scrubText } from './scrub.js';
import { detectSpelledNumbers } from './spelledNumbers.js';

// Synthetic numbers only (0300-1234567 and random-looking digits in the same fictional pattern).
const scrub = (text: string): string => scrubText(text).text;

describe('phone numbers and CNICs a plain digit pattern misses', () => {
  it('digits one by one, with spaces or other separators', () => {
    expect(scrub('0 3 0 0 1 2 3 4 5 6 7')).toBe('[PHONE]');
    expect(scrub('call 0-3-2-1-7-6-5-4-3-2-1 now')).toBe('call [PHONE] now');
    expect(scrub('0.3.0.0.1.2.3.4.5.6.7 pe')).toBe('[PHONE] pe');
    expect(scrub('0_3_4_5/1_1_2_2_3_3_4')).toBe('[PHONE]');
    expect(scrub('0 3 0 0 - 1 2 3 4 5 6 7 hai')).toBe('[PHONE] hai');
    expect(scrub('۰ ۳ ۰ ۰ ۱ ۲ ۳ ۴ ۵ ۶ ۷ پر کال کریں')).toBe('[PHONE] پر کال کریں');
    expect(scrub('card 3 5 2 0 2 - 1 2 3 4 5 6 7 - 1')).toBe('card [CNIC]');
  });

  it('the letter O for zero and l or I for one', () => {
    expect(scrub('text 03OO-l234567')).toBe('text [PHONE]');
    expect(scrub('O3OO 1234567')).toBe('[PHONE]');
    expect(scrub('o3oo1234567 pe')).toBe('[PHONE] pe');
    expect(scrub('0333 I23 4567')).toBe('[PHONE]');
  });

  it('numbers spelled out in English, Roman Urdu and Urdu, with double and triple', () => {
    expect(scrub('zero three zero zero one two three four five six seven')).toBe('[PHONE]');
    expect(scrub('Zero Three Double Zero One Two Three Triple Four Five!')).toBe('[PHONE]!');
    expect(scrub('oh three two one, seven six five, four three two one')).toBe('[PHONE]');
    expect(scrub('sifar teen sifar sifar ek do teen char paanch chay saat hai')).toBe('[PHONE] hai');
    expect(scrub('zero teen double zero aik do teen char panch che saat')).toBe('[PHONE]');
    expect(scrub('میرا نمبر صفر تین صفر صفر ایک دو تین چار پانچ چھ سات ہے')).toBe('میرا نمبر [PHONE] ہے');
    expect(scrub('صفر تین ڈبل صفر ایک دو تین چار پانچ چھ سات')).toBe('[PHONE]');
    expect(scrub('تین پانچ دو صفر دو ایک دو تین چار پانچ چھ سات ایک')).toBe('[CNIC]');
  });

  it('digits and words mixed, and a country code before words', () => {
    expect(scrub('0300 one two three 4567')).toBe('[PHONE]');
    expect(scrub('zero 3 double zero 1234567')).toBe('[PHONE]');
    expect(scrub('۰۳۰۰ ایک دو تین ۴۵۶۷ پر')).toBe('[PHONE] پر');
    expect(scrub('+92 three zero zero 1234567')).toBe('[PHONE]');
  });

  it('a number broken across a line', () => {
    expect(scrub('mera number 0300\n1234567 hai')).toBe('mera number [PHONE] hai');
    expect(scrub('0300-123\n4567')).toBe('[PHONE]');
    expect(scrub('0300\r\n1234567')).toBe('[PHONE]');
    expect(scrub('CNIC 35202-\n1234567-1')).toBe('CNIC [CNIC]');
  });

  it('reports the span of the original words', () => {
    const text = 'call zero three double zero 1234567 now';
    expect(detectSpelledNumbers(text)).toEqual([{ start: 5, end: 35, type: 'PHONE' }]);
  });

  it('leaves numbers a plain detector sees to that detector (no second span)', () => {
    expect(detectSpelledNumbers('0300-1234567')).toEqual([]);
    expect(detectSpelledNumbers('35202-1234567-1')).toEqual([]);
    expect(scrub('Rs 5000\n0300-1234567')).toBe('Rs 5000\n[PHONE]');
  });

  it('keeps counts, lists, amounts, years, times and service numbers', () => {
    for (const text of [
      'one two three times',
      'ek do baar',
      'teen char din',
      'ایک دو بار',
      'one, two, three, four, five, six, seven, eight, nine, ten',
      'ek do teen char paanch chay saat aath nau das',
      'zero one two three four five six seven eight nine',
      'ek ek do do teen teen char char paanch paanch',
      'Question 3 - 0 1 2 3 4 5 6 7 8 9 10 scale',
      'marks 0 3 0 0 1 2 3 4 5 6 7 8 9',
      'Rs 300, 500, 1000, 2000 and 0, 300, 500',
      'in 2019\n2020\n2021',
      'call 1122 or 15, Edhi 115, 1099',
      'one one two two',
      'zero tolerance',
      'main 25 saal ka hoon',
      '1 2 3 4 5 6 7 8 9 10',
      'PECA section 21. 2025 amendment',
      'I I I I I I I I I I I',
    ]) {
      expect(scrub(text)).toBe(text);
    }
  });
});
