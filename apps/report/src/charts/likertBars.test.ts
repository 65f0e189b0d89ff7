import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { likertBars } from './likertBars.js';
import { textWidth } from './text/measure.js';
import { textExtents, textOutside } from './textExtents.js';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const document = dom.window.document;
afterAll(() => dom.window.close());

const levels = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'].map((label, index) => ({ code: String(index + 1), label }));
const data = {
  levels,
  items: [
    { id: 'vb1', label: 'Partly to blame', n: 2900, suppressed: false, shares: [0.1, 0.2, 0.4, 0.2, 0.1] },
    { id: 'vb2', label: 'Should have known', n: 2900, suppressed: false, shares: [0.05, 0.15, 0.3, 0.3, 0.2] },
    { id: 'vb3', label: 'Small group item', n: 12, suppressed: true, shares: [null, null, null, null, null] },
  ],
};
const base = { title: 'Chart title', description: 'What the chart shows.' };
const xOf = (rect: Element) => Number(rect.getAttribute('x'));
const widthOf = (rect: Element) => Number(rect.getAttribute('width'));
const zeroOf = (svg: SVGSVGElement) =>
  Number([...svg.querySelectorAll('.grid line')].find((line) => line.getAttribute('stroke-width') === '1.5')!.getAttribute('x1'));

describe('likertBars', () => {
  const svg = likertBars(document, data, { ...base, id: 'lk' });
  it('is an accessible image named by its title and description', () => {
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('lk-title lk-desc');
    expect(svg.querySelector('title')!.textContent).toBe('Chart title');
    expect(svg.querySelector('desc')!.textContent).toBe('What the chart shows.');
  });
  it('draws one segment per non-zero level of each shown item, none for a suppressed item', () => {
    expect(svg.querySelectorAll('[data-item="vb1"] rect.segment')).toHaveLength(5);
    expect(svg.querySelectorAll('[data-item="vb3"] rect.segment')).toHaveLength(0);
    expect(svg.querySelector('[data-item="vb3"] .suppressed')!.textContent).toBe('suppressed');
  });
  it('centres the neutral level on zero: disagreement plus half the neutral share lies left of zero', () => {
    const segments = [...svg.querySelectorAll('[data-item="vb1"] rect.segment')];
    // Shares 0.1, 0.2, 0.4, 0.2, 0.1: widths proportional to the shares.
    expect(widthOf(segments[2]!) / widthOf(segments[0]!)).toBeCloseTo(4, 1);
    expect(xOf(segments[2]!) + widthOf(segments[2]!) / 2).toBeCloseTo(zeroOf(svg), 0);
  });
  it('writes a share on its segment only where the measured number fits', () => {
    for (const value of svg.querySelectorAll('text.value')) {
      const segment = [...value.parentElement!.querySelectorAll('rect.segment')].find(
        (rect) => Math.abs(xOf(rect) + widthOf(rect) / 2 - Number(value.getAttribute('x'))) < 0.2,
      )!;
      expect(textWidth(value.textContent!, { fontSize: 13 })).toBeLessThanOrEqual(widthOf(segment));
    }
    // The 5% segment is narrower than "5%" with its margin: not written.
    expect([...svg.querySelectorAll('[data-item="vb2"] text.value')].map((text) => text.textContent)).toEqual(['15%', '30%', '30%', '20%']);
  });
  it('keeps every label inside the chart', () => {
    expect(textOutside(svg)).toEqual([]);
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/likertBars.svg');
  });
});

describe('likertBars in Urdu', () => {
  const rtl = likertBars(document, data, { ...base, id: 'lk', rtl: true });
  it('keeps the scale running left to right (disagreement left of zero) and moves the labels to the right', () => {
    expect(rtl.getAttribute('direction')).toBe('rtl');
    const ltr = likertBars(document, data, { ...base, id: 'lk' });
    const first = rtl.querySelector('[data-item="vb1"] rect.segment')!;
    expect(xOf(first) + widthOf(first)).toBeLessThan(zeroOf(rtl));
    const label = textExtents(rtl).find((box) => box.text === 'Partly to blame')!;
    const ltrLabel = textExtents(ltr).find((box) => box.text === 'Partly to blame')!;
    expect(label.left).toBeGreaterThan(Number([...rtl.querySelectorAll('.grid line')].at(-1)!.getAttribute('x1')));
    expect(ltrLabel.right).toBeLessThan(xOf(ltr.querySelector('[data-item="vb1"] rect.segment')!));
  });
  it('isolates the numbers it writes', () => {
    expect([...rtl.querySelectorAll('.grid text')].map((text) => text.textContent)).toEqual(['\u206650%\u2069', '\u20660%\u2069', '\u206650%\u2069']);
  });
});

describe('likertBars on a phone', () => {
  const long = {
    levels,
    items: [
      {
        id: 'a',
        label: 'Sharing a leaked video with a partner is no reason to blame the person in it',
        n: 2900,
        suppressed: false,
        shares: [0.2, 0.2, 0.2, 0.2, 0.2],
      },
      { id: 'b', label: 'Short', n: 2900, suppressed: false, shares: [0.2, 0.2, 0.2, 0.2, 0.2] },
    ],
  };
  const svg = likertBars(document, long, { ...base, id: 'ph', width: 360 });
  it('puts labels that need more than a line above their bars, giving the bars the whole width', () => {
    const label = textExtents(svg).find((box) => box.text.startsWith('Sharing'))!;
    const bar = svg.querySelector('[data-item="a"] rect.segment')!;
    expect(label.bottom).toBeLessThanOrEqual(Number(bar.getAttribute('y')));
    const segments = [...svg.querySelectorAll('[data-item="a"] rect.segment')];
    const span = xOf(segments.at(-1)!) + widthOf(segments.at(-1)!) - xOf(segments[0]!);
    // Half of the domain's width on each side of zero: the domain runs ±0.5 over nearly 360 units.
    expect(span).toBeGreaterThan(0.5 * 300);
  });
  it('keeps the full statement and every label inside the chart', () => {
    expect(
      textExtents(svg)
        .filter((box) => box.text.length > 0 && !/%$/.test(box.text))
        .map((box) => box.text)
        .join(' '),
    ).toContain('the person in it');
    expect(textOutside(svg)).toEqual([]);
  });
});
