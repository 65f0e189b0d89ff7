import { describe, expect, it } from 'vitest';
import { lineBox, textWidth } from './measure.js';

// Expected values were read from Chromium 156 (SVG getComputedTextLength and getBBox at 100 px, the
// bundled WOFF2 files loaded with @font-face), so the measurer is checked against a real browser.
describe('textWidth', () => {
  it('measures Latin text in Noto Sans, regular and bold', () => {
    expect(textWidth('Disagree', { fontSize: 100 })).toBeCloseTo(416.4, 0);
    expect(textWidth('Disagree', { fontSize: 100, bold: true })).toBeCloseTo(438.5, 0);
  });
  it('measures shaped Nastaliq, with spaces, digits and brackets set in Noto Sans', () => {
    expect(textWidth('مدد حاصل کرنے کا رجحان', { fontSize: 100 })).toBeCloseTo(911.2, 0);
    expect(textWidth('مدد حاصل کرنے کا رجحان', { fontSize: 100, bold: true })).toBeCloseTo(984.7, 0);
    expect(textWidth('اوسط اسکور (1 تا 5)', { fontSize: 100 })).toBeCloseTo(713.8, 0);
  });
  it('scales with the font size and gives bidi isolates no width', () => {
    expect(textWidth('Disagree', { fontSize: 13 })).toBeCloseTo(4.164 * 13, 1);
    expect(textWidth('\u2066-0.50\u2069', { fontSize: 13 })).toBeCloseTo(textWidth('-0.50', { fontSize: 13 }), 6);
  });
});

describe('lineBox', () => {
  it('is the Noto Sans line box for Latin text', () => {
    const box = lineBox('Sindh', { fontSize: 100 });
    expect(box.above).toBeCloseTo(106.9, 0);
    expect(box.below).toBeCloseTo(29.3, 0);
  });
  it('reaches as high and low as stacked Nastaliq letters do', () => {
    // Chromium: the box of "کبھی" runs from 2.125 em above the baseline to 0.35 em below it.
    const box = lineBox('کبھی', { fontSize: 100 });
    expect(box.above).toBeCloseTo(212, -1);
    expect(box.below).toBeCloseTo(34, -1);
    expect(lineBox('مدد حاصل کرنے کا رجحان', { fontSize: 100 }).above).toBeCloseTo(152, -1);
  });
});
