import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubText } from './scrub.js';

const URDU_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const digitString = (n: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** Words and harmless bits of comments around the value (no digits, so they cannot extend a number). */
const filler = fc
  .array(
    fc.constantFrom('mera', 'number', 'hai', 'call', 'karo', 'please', 'یہ', 'میرا', 'نمبر', 'ہے', 'the', 'video', 'leak', 'hui', ',', '.', ':', '-', '(', ')'),
    { maxLength: 6 },
  )
  .map((words) => words.join(' '));

const mobile = fc.tuple(fc.integer({ min: 0, max: 4 }), digitString(8)).map(([op, rest]) => `03${op}${rest}`);
const phoneFormats = fc.tuple(mobile, fc.integer({ min: 0, max: 8 }), fc.boolean()).map(([m, format, urdu]) => {
  const n = m.slice(1);
  const written = [
    `${m.slice(0, 4)}-${m.slice(4)}`,
    m,
    `+92 ${n.slice(0, 3)} ${n.slice(3)}`,
    `+92${n}`,
    `0092 ${n.slice(0, 3)} ${n.slice(3)}`,
    `+92-${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
    `${m.slice(0, 4)} ${m.slice(4, 7)} ${m.slice(7)}`,
    `(${m.slice(0, 4)}) ${m.slice(4)}`,
    `wa.me/92${n}`,
  ][format]!;
  return { written: urdu ? written.replace(/[0-9]/g, (d) => URDU_DIGITS[Number(d)]!) : written, digits: n.slice(2) };
});
const cnics = fc
  .tuple(fc.integer({ min: 1, max: 7 }), digitString(4), digitString(7), digitString(1), fc.integer({ min: 0, max: 2 }), fc.boolean())
  .map(([p, a, b, c, format, urdu]) => {
    const sep = ['-', '', ' '][format]!;
    const written = `${p}${a}${sep}${b}${sep}${c}`;
    return { written: urdu ? written.replace(/[0-9]/g, (d) => URDU_DIGITS[Number(d)]!) : written, digits: `${b}` };
  });
const emails = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._]{1,12}[a-z0-9]$/), fc.constantFrom('gmail.com', 'yahoo.com', 'example.pk', 'mail.example.com.pk'))
  .filter(([user]) => !user.includes('..'))
  .map(([user, domain]) => `${user}@${domain}`);

/** The digits of `text` with Urdu digits read as ASCII. */
const asciiDigits = (text: string): string => text.replace(/[۰-۹]/g, (d) => String(URDU_DIGITS.indexOf(d))).replace(/\D/g, '');

describe('scrubbing never lets a generated identifier through', () => {
  it('phone numbers in every format, in any surrounding text', () => {
    fc.assert(
      fc.property(filler, phoneFormats, filler, (before, phone, after) => {
        const out = scrubText(`${before} ${phone.written} ${after}`).text;
        expect(asciiDigits(out)).not.toContain(phone.digits);
      }),
      { numRuns: 400 },
    );
  });

  it('CNICs with and without separators', () => {
    fc.assert(
      fc.property(filler, cnics, filler, (before, cnic, after) => {
        const out = scrubText(`${before} ${cnic.written} ${after}`).text;
        expect(asciiDigits(out)).not.toContain(cnic.digits);
      }),
      { numRuns: 400 },
    );
  });

  it('email addresses', () => {
    fc.assert(
      fc.property(filler, emails, filler, (before, email, after) => {
        const out = scrubText(`${before} ${email} ${after}`).text;
        expect(out).not.toContain(email);
        expect(out).not.toContain('@');
      }),
      { numRuns: 400 },
    );
  });
});
