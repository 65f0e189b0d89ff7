import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { numbersOfTexts, parseNumberText, readNumber } from './numberText.js';

// R 4.2's as.numeric on 100 texts (scripts/reference/asNumeric.R): a number to 17 digits, "NaN", "Inf", "-Inf", or "NA" (refused).
const fixture = fileURLToPath(new URL('../../test/fixtures/asNumeric.json', import.meta.url));
const cases = JSON.parse(readFileSync(fixture, 'utf8')) as { text: string; value: string }[];

describe('readNumber reads a cell as R’s as.numeric does', () => {
  it.each(cases.map((c) => [JSON.stringify(c.text), c]))('%s', (_name, { text, value }) => {
    const got = readNumber(text);
    if (value === 'NA') expect(got).toBeUndefined();
    else if (value === 'NaN') expect(got).toBeNaN();
    else if (value === 'Inf') expect(got).toBe(Number.POSITIVE_INFINITY);
    else if (value === '-Inf') expect(got).toBe(Number.NEGATIVE_INFINITY);
    else expect(got).toBe(Number(value)); // 17 significant digits: the same double
  });

  it('covers the issue’s list: hex and padded numbers are numbers to R; 1_000, 1,5, TRUE, 12L, 0b1, 0x, 1d5 and blanks are not', () => {
    const accepted = ['0x1F', '  12 ', '1e', 'inf', 'Inf', '-inf', 'NaN', '.5', '5.', '+3', '1e+'];
    const refused = ['1_000', '1,5', 'TRUE', '12L', '0b1', '0x', '1d5', ' ', ''];
    for (const text of [...accepted, ...refused])
      expect(
        cases.some((c) => c.text === text),
        text,
      ).toBe(true);
    expect(accepted.map((text) => readNumber(text) !== undefined)).toEqual(accepted.map(() => true));
    expect(refused.map((text) => readNumber(text))).toEqual(refused.map(() => undefined));
    expect([readNumber('0x1F'), readNumber('  12 '), readNumber('1e+'), readNumber('0x1.8p1')]).toEqual([31, 12, 1, 3]);
  });
});

describe('parseNumberText and numbersOfTexts', () => {
  it('give NaN for what R refuses, and list those cells (not empty ones) as irregular', () => {
    expect(parseNumberText('1_000')).toBeNaN();
    expect(parseNumberText(' 7 ')).toBe(7);
    const texts = ['1', '', ' 2', 'x', 'NaN', '0x10'];
    const { values, irregular } = numbersOfTexts(texts.length, (i) => texts[i]!);
    expect([...values]).toEqual([1, Number.NaN, 2, Number.NaN, Number.NaN, 16]);
    expect(irregular).toEqual([3, 4]);
  });
});
