import { describe, expect, it } from 'vitest';
import { bytesStartFormula, neutralizeFormula, startsFormula } from './neutralizeFormula.js';

const formulas = [
  '=HYPERLINK("http://x.example","click")',
  '@SUM(A1:A9)',
  '+cmd|calc',
  "-2+3+cmd|' /C calc'!A0",
  '=1+1',
  '\t=1',
  '\r=1',
  '-',
  '+92 300 1234567',
  '-Inf',
];
const plain = ['-2.5', '+3', '-1e5', '1e-5', '.5', '-.5', '42', 'yes', '', ' =1', "'=1", 'a=b', 'ٹیکسٹ'];

describe('neutralizeFormula', () => {
  it('puts a quote before a text that would start a formula', () => {
    for (const text of formulas) expect(neutralizeFormula(text)).toBe(`'${text}`);
  });
  it('leaves numbers and other texts as they are', () => {
    for (const text of plain) expect(neutralizeFormula(text)).toBe(text);
  });
  it('gives the same answer on UTF-8 bytes, inside a larger buffer', () => {
    for (const text of [...formulas, ...plain]) {
      const bytes = Buffer.from(`xx${text}yy`, 'utf8');
      expect(bytesStartFormula(bytes, 2, bytes.length - 2)).toBe(startsFormula(text));
    }
  });
});
