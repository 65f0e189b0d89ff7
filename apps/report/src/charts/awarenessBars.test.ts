import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { awarenessBars } from './awarenessBars.js';
import { textExtents, textOutside } from './textExtents.js';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const document = dom.window.document;
afterAll(() => dom.window.close());

const base = { title: 'Chart title', description: 'What the chart shows.' };
const data = {
  rows: [
    { label: 'Knows PECA', estimate: 0.5, ciLow: 0.45, ciHigh: 0.55, n: 2900, suppressed: false },
    { label: 'Knows the NCCIA', estimate: 0.25, ciLow: 0.2, ciHigh: 0.3, n: 2900, suppressed: false },
    { label: 'Knows in-platform reporting', estimate: 0.99, ciLow: 0.98, ciHigh: 1, n: 2900, suppressed: false },
  ],
};

describe('awarenessBars', () => {
  const svg = awarenessBars(document, data, { ...base, id: 'aw', width: 640 });
  it('draws bars proportional to the share on a 0–100% axis', () => {
    const bars = [...svg.querySelectorAll('rect.bar')].map((bar) => Number(bar.getAttribute('width')));
    expect(bars[0]! / bars[1]!).toBeCloseTo(2, 1);
    expect([...svg.querySelectorAll('text.value')].map((text) => text.textContent)).toEqual(['50%', '25%', '99%']);
  });
  it('leaves room for the value after a full bar and keeps all text inside', () => {
    expect(textOutside(svg)).toEqual([]);
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/awarenessBars.svg');
  });
});

describe('awarenessBars in Urdu', () => {
  const svg = awarenessBars(document, data, { ...base, id: 'ur', rtl: true });
  it('grows bars from 0% at the left and writes each value just right of its bar', () => {
    const bar = svg.querySelector('rect.bar')!;
    const value = textExtents(svg, 'text.value')[0]!;
    const end = Math.max(Number(bar.getAttribute('x')) + Number(bar.getAttribute('width')), Number(svg.querySelector('line.interval')!.getAttribute('x2')));
    expect(value.left).toBeGreaterThan(end);
    expect(value.left - end).toBeLessThan(8);
    expect(svg.querySelector('text.value')!.textContent).toBe('\u206650%\u2069');
    expect(textOutside(svg)).toEqual([]);
  });
});
