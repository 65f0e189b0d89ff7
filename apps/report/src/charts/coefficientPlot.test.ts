import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { coefficientPlot } from './coefficientPlot.js';
import { textOutside } from './textExtents.js';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const document = dom.window.document;
afterAll(() => dom.window.close());

const base = { title: 'Chart title', description: 'What the chart shows.' };
const data = {
  rows: [
    { label: 'Gender: male (vs female)', estimate: 0.58, ciLow: 0.44, ciHigh: 0.72, significant: true },
    { label: 'Area: rural (vs urban)', estimate: -0.32, ciLow: -0.48, ciHigh: -0.16, significant: false },
  ],
  zeroLabel: 'no difference',
};

describe('coefficientPlot', () => {
  const svg = coefficientPlot(document, data, { ...base, id: 'co', markedLabel: 'significant', axisLabel: 'Difference in score' });
  it('draws a zero reference line and marks significant terms', () => {
    expect(svg.getAttribute('class')).toBe('chart chart-coefficients');
    expect(svg.querySelector('line.reference')).not.toBeNull();
    expect(svg.querySelectorAll('path.point')).toHaveLength(1);
    expect(svg.querySelectorAll('circle.point')).toHaveLength(1);
  });
  it('puts a negative coefficient left of the zero line', () => {
    const zero = Number(svg.querySelector('line.reference')!.getAttribute('x1'));
    expect(Number(svg.querySelector('circle.point')!.getAttribute('cx'))).toBeLessThan(zero);
    expect(textOutside(svg)).toEqual([]);
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/coefficientPlot.svg');
  });
  it('keeps the same left-to-right axis in Urdu, negative values left of zero, signs isolated', () => {
    const rtl = coefficientPlot(document, data, { ...base, id: 'ur', rtl: true, markedLabel: 'significant' });
    const zero = Number(rtl.querySelector('line.reference')!.getAttribute('x1'));
    expect(Number(rtl.querySelector('circle.point')!.getAttribute('cx'))).toBeLessThan(zero);
    const ticks = [...rtl.querySelectorAll('.axis text')].map((text) => text.textContent!);
    expect(ticks.filter((tick) => tick.includes('-')).every((tick) => /^\u2066-[\d.]+\u2069$/.test(tick))).toBe(true);
    expect(ticks.some((tick) => tick.includes('-'))).toBe(true);
    expect(textOutside(rtl)).toEqual([]);
  });
});
