import { describe, expect, it } from 'vitest';
import { scrubText } from './scrub.js';

const scrub = (text: string): string => scrubText(text).text;

describe('email addresses', () => {
  it('replaces addresses and keeps the sentence', () => {
    expect(scrub('write to ayesha.k92@gmail.com.')).toBe('write to [EMAIL].');
    expect(scrub('(hamza_99@yahoo.com)')).toBe('([EMAIL])');
    expect(scrub('info.help@example.com.pk, thanks')).toBe('[EMAIL], thanks');
  });

  it('is one email, not a handle and a link', () => {
    expect(scrubText('email ali@gmail.com now').counts).toMatchObject({ EMAIL: 1, HANDLE: 0, URL: 0 });
  });

  it('replaces spelled-out addresses at the big providers', () => {
    expect(scrub('ali.k [at] gmail [dot] com')).toBe('[EMAIL]');
    expect(scrub('email ali dot khan at gmail dot com please')).toBe('email [EMAIL] please');
  });

  it('leaves an at-sign that is not an address', () => {
    expect(scrub('meet @ 5 at the office')).toBe('meet @ 5 at the office');
  });
});
