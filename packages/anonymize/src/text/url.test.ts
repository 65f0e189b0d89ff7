import { describe, expect, it } from 'vitest';
import { detectUrls } from './url.js';
import { scrubText } from './scrub.js';

const scrub = (text: string): string => scrubText(text).text;

describe('links', () => {
  it('replaces scheme, www and bare-domain links without trailing punctuation', () => {
    expect(scrub('visit https://facebook.com/ayesha.k?id=3, ok')).toBe('visit [URL], ok');
    expect(scrub('www.example.com/x.')).toBe('[URL].');
    expect(scrub('see bit.ly/abc123 and instagram.com/some.account')).toBe('see [URL] and [URL]');
    expect(scrub('یہ لنک https://t.me/leaks_channel۔')).toBe('یہ لنک [URL]۔');
  });

  it('tags a link holding a phone number once, as a link', () => {
    const result = scrubText('msg karo wa.me/923001234567 pe');
    expect(result.text).toBe('msg karo [URL] pe');
    expect(result.counts).toMatchObject({ URL: 1, PHONE: 0 });
    expect(scrub('https://wa.me/923331234567?text=hi')).toBe('[URL]');
  });

  it('tags a link holding a handle once', () => {
    expect(scrubText('https://www.tiktok.com/@sana.k22/video/7123').counts).toMatchObject({ URL: 1, HANDLE: 0 });
  });

  it('leaves abbreviations, decimals and sentence ends', () => {
    expect(detectUrls('e.g. it happens, i.e. often. Version 3.2.1, 2.5 million.')).toEqual([]);
  });
});
