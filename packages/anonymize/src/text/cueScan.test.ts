import { describe, expect, it } from 'vitest';
import { CALL_VERB, digitsOf, HIDDEN_NUMBER, KA_NAAM, PLATFORM, scanCues } from './cueScan.js';

const has = (text: string, flag: number): boolean => (scanCues(text) & flag) !== 0;

describe('scanCues: one pass that says which detectors a comment needs', () => {
  it('counts ASCII digits', () => {
    expect(digitsOf(scanCues('call 0300-1234567 at 5'))).toBe(12);
    expect(digitsOf(scanCues('no digits here'))).toBe(0);
  });

  it('sees numbers a plain digit pattern misses', () => {
    for (const text of [
      'zero three zero zero one two three four five six seven',
      'sifar teen sifar sifar ek do teen',
      'صفر تین صفر صفر ایک دو تین',
      '0300 one two three 4567',
      'zero 3 double zero 1234567',
      '03OO-l234567',
      'O3OO 1234567',
      '0 3 0 0 1 2 3 4 5 6 7',
      '0 - 3 - 2 - 6 - 6 - 8',
      '0300\n1234567',
      '0300-\r\n1234567',
      '0300/1234567',
    ]) {
      expect([text, has(text, HIDDEN_NUMBER)]).toEqual([text, true]);
    }
  });

  it('stays closed on ordinary text, plain numbers and amounts', () => {
    for (const text of ['Platforms must act faster.', '0300-1234567', 'Rs 5,000 and 12-05-2023', 'one day', 'ek do baar', 'I am 25', 'no one helped']) {
      expect([text, has(text, HIDDEN_NUMBER)]).toEqual([text, false]);
    }
  });

  it('sees platform words, call verbs and "ka naam" in any case and script', () => {
    expect(has('follow her on Insta', PLATFORM)).toBe(true);
    expect(has('TikTok pe', PLATFORM)).toBe(true);
    expect(has('فیس بک پر', PLATFORM)).toBe(true);
    expect(has('mujhe Sana kehte hain', CALL_VERB)).toBe(true);
    expect(has('مجھے ثنا کہتے ہیں', CALL_VERB)).toBe(true);
    expect(has('meri behen ka naam Hira hai', KA_NAAM)).toBe(true);
    expect(has('us larki k naam', KA_NAAM)).toBe(true);
    expect(has('میری بہن کا نام', KA_NAAM)).toBe(true);
    expect(has('my name is Hira', KA_NAAM)).toBe(false);
    expect(has('the instant answer', PLATFORM)).toBe(false);
  });
});
