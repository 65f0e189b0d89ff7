import { describe, expect, it } from 'vitest';
import { detectAddresses } from './address.js';
import { scrubText } from './scrub.js';

const scrub = (text: string): string => scrubText(text).text;

describe('street addresses', () => {
  it('replaces an address chain after a cue', () => {
    expect(scrub('house no 12, street 5, G-10/2 mein')).toBe('[ADDRESS] mein');
    expect(scrub('H# 45-B, Block C, Gulberg III Lahore')).toBe('[ADDRESS] Lahore');
    expect(scrub('flat 3, Block 5, Gulshan-e-Iqbal Karachi')).toBe('[ADDRESS] Karachi');
    expect(scrub('gali no 7 mein unka ghar hai')).toBe('[ADDRESS] mein unka ghar hai');
    expect(scrub('makan number 12, gali 4')).toBe('[ADDRESS]');
  });

  it('replaces Urdu addresses with Urdu digits', () => {
    expect(scrub('مکان نمبر ۱۲، گلی نمبر ۵ راولپنڈی')).toBe('[ADDRESS] راولپنڈی');
  });

  it('replaces a sector with sub-sector on its own', () => {
    expect(scrub('they live in F-7/3 near the market')).toBe('they live in [ADDRESS] near the market');
  });

  it('leaves everyday words with numbers', () => {
    expect(detectAddresses('I had to block 3 people')).toEqual([]);
    expect(detectAddresses('ghar 2 ghante baad pohancha')).toEqual([]);
    expect(detectAddresses('the F-16 flew over')).toEqual([]);
    expect(detectAddresses('flat rate of 500 per month')).toEqual([]);
  });
});
