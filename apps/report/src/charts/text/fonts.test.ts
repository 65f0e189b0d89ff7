import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONTS, NASTALIQ_RANGES } from './fonts.js';

const css = readFileSync(new URL('../../../assets/report.css', import.meta.url), 'utf8');

describe('the fonts charts are measured in', () => {
  it('are the fonts the stylesheet declares, file for file', () => {
    for (const font of BUNDLED_FONTS) {
      const rule = new RegExp(`@font-face \\{[^}]*font-family: "${font.family}";[^}]*font-weight: ${font.weight};[^}]*url\\(fonts/${font.file}\\)`);
      expect(css).toMatch(rule);
    }
  });
  it("take Nastaliq for exactly the stylesheet's unicode-range", () => {
    const ranges = [...css.matchAll(/font-family: "Noto Nastaliq Urdu";[^}]*unicode-range: ([^;]+);/g)].map((match) => match[1]);
    expect(ranges).toHaveLength(2);
    const hex = (value: number) => value.toString(16).toUpperCase().padStart(4, '0');
    const expected = NASTALIQ_RANGES.map(([low, high]) => `U+${hex(low)}-${hex(high)}`).join(', ');
    for (const range of ranges) expect(range).toBe(expected);
  });
});
