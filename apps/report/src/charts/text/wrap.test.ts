import { describe, expect, it } from 'vitest';
import { textWidth } from './measure.js';
import { wrapText } from './wrap.js';

const style = { fontSize: 13 };

describe('wrapText', () => {
  it('keeps a label that fits on one line', () => {
    const wrapped = wrapText('Knows the law (PECA)', 400, style, 2);
    expect(wrapped).toEqual({ lines: ['Knows the law (PECA)'], shortened: false, width: textWidth('Knows the law (PECA)', style) });
  });
  it('breaks at spaces so that no line is wider than the limit', () => {
    const wrapped = wrapText('Victim blaming for leaked private images', 130, style, 3);
    expect(wrapped.lines).toEqual(['Victim blaming for', 'leaked private', 'images']);
    expect(wrapped.shortened).toBe(false);
    for (const line of wrapped.lines) expect(textWidth(line, style)).toBeLessThanOrEqual(130);
  });
  it('ends the last allowed line with an ellipsis when words are left over, and says so', () => {
    const wrapped = wrapText('Victim blaming for leaked private images', 130, style, 2);
    expect(wrapped.lines[0]).toBe('Victim blaming for');
    expect(wrapped.lines[1]).toMatch(/^leaked private.*…$/);
    expect(textWidth(wrapped.lines[1]!, style)).toBeLessThanOrEqual(130);
    expect(wrapped.shortened).toBe(true);
  });
  it('cuts a single word wider than the line', () => {
    const wrapped = wrapText('Accountability', 60, style, 2);
    expect(wrapped.lines).toHaveLength(1);
    expect(wrapped.lines[0]).toMatch(/^Acc.*…$/);
    expect(wrapped.width).toBeLessThanOrEqual(60);
    expect(wrapped.shortened).toBe(true);
  });
  it('wraps Urdu by its shaped Nastaliq widths', () => {
    const wrapped = wrapText('لیک شدہ نجی تصاویر پر متاثرہ شخص کو الزام دینا', 150, { fontSize: 15 }, 3);
    expect(wrapped.lines.length).toBeGreaterThan(1);
    for (const line of wrapped.lines) expect(textWidth(line, { fontSize: 15 })).toBeLessThanOrEqual(150);
    expect(wrapped.lines.join(' ')).toBe('لیک شدہ نجی تصاویر پر متاثرہ شخص کو الزام دینا');
  });
});

describe('wrapText and marks', () => {
  it('never leaves the asterisk of a marked row alone on a line', () => {
    const wrapped = wrapText('Urban or rural: Urban (city or town) (vs Rural (village)) *', 300, { fontSize: 13, bold: true }, 3);
    expect(wrapped.lines).toEqual(['Urban or rural: Urban (city or town) (vs Rural', '(village)) *']);
  });
});
