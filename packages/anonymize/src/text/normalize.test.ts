import { describe, expect, it } from 'vitest';
import { normalizeForMatching, toOriginalSpan } from './normalize.js';
import { scrubText } from './scrub.js';

describe('normalizeForMatching', () => {
  it('leaves plain ASCII alone without an index map', () => {
    const normalized = normalizeForMatching('call 0300-1234567');
    expect(normalized.text).toBe('call 0300-1234567');
    expect(normalized.origStart).toBeNull();
  });

  it('turns Urdu and Arabic-Indic digits into ASCII digits', () => {
    expect(normalizeForMatching('۰۳۰۰۱۲۳۴۵۶۷').text).toBe('03001234567');
    expect(normalizeForMatching('٠٣٢١-٧٦٥٤٣٢١').text).toBe('0321-7654321');
  });

  it('folds Arabic letter forms to Urdu ones', () => {
    expect(normalizeForMatching('ميرا نام فاطمه').text).toBe('میرا نام فاطمہ');
    expect(normalizeForMatching('كرن').text).toBe('کرن');
    expect(normalizeForMatching('ى').text).toBe('ی');
  });

  it('drops harakat, tatweel and zero-width characters', () => {
    expect(normalizeForMatching('نَام').text).toBe('نام');
    expect(normalizeForMatching('مير\u200Cا').text).toBe('میرا');
    expect(normalizeForMatching('نـــام').text).toBe('نام');
  });

  it('maps unicode dashes, no-break spaces and curly apostrophes', () => {
    expect(normalizeForMatching('0300\u20131234567').text).toBe('0300-1234567');
    expect(normalizeForMatching('0300\u00a01234567').text).toBe('0300 1234567');
    expect(normalizeForMatching('I\u2019m').text).toBe("I'm");
  });

  it('maps a normalised span back to the original text, marks included', () => {
    const original = 'نَام ۰۳۰۰';
    const normalized = normalizeForMatching(original);
    expect(normalized.text).toBe('نام 0300');
    expect(toOriginalSpan(normalized, 0, 3)).toEqual([0, 4]);
    expect(toOriginalSpan(normalized, 4, 8)).toEqual([5, 9]);
  });
});

describe('scrubbing keeps the original text outside the replaced spans', () => {
  it('keeps diacritics and Urdu digits that are not personal data', () => {
    expect(scrubText('مَیں نے ۲۰۲۳ میں ۰۳۰۰۱۲۳۴۵۶۷ پر کال کی').text).toBe('مَیں نے ۲۰۲۳ میں [PHONE] پر کال کی');
  });

  it('keeps Arabic letter forms around a replaced name', () => {
    expect(scrubText('ميرا نام فاطمه ہے').text).toBe('ميرا نام [NAME] ہے');
  });

  it('takes a combining mark that follows the last letter into the span', () => {
    expect(scrubText('میرا نام علیؒ ہے').text).toBe('میرا نام [NAME] ہے');
  });
});
