import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { awarenessBars } from './awarenessBars.js';
import { coefficientPlot } from './coefficientPlot.js';
import { dotInterval, intervalDomain } from './dotInterval.js';
import { likertBars } from './likertBars.js';
import { contrastRatio, likertColors, palette } from './palette.js';
import { scoreDistribution } from './scoreDistribution.js';
import { smallMultiples } from './smallMultiples.js';
import { wrapLabel } from './common.js';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const document = dom.window.document;
afterAll(() => dom.window.close());

const levels = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'].map((label, index) => ({ code: String(index + 1), label }));
const likertData = {
  levels,
  items: [
    { id: 'vb1', label: 'Partly to blame', n: 2900, suppressed: false, shares: [0.1, 0.2, 0.4, 0.2, 0.1] },
    { id: 'vb2', label: 'Should have known', n: 2900, suppressed: false, shares: [0.05, 0.15, 0.3, 0.3, 0.2] },
    { id: 'vb3', label: 'Small group item', n: 12, suppressed: true, shares: [null, null, null, null, null] },
  ],
};
const dotData = {
  rows: [
    { label: 'Female', estimate: 2.3, ciLow: 2.2, ciHigh: 2.4, n: 1150, suppressed: false, marked: true },
    { label: 'Male', estimate: 2.9, ciLow: 2.8, ciHigh: 3.0, n: 1800, suppressed: false, marked: true },
    { label: 'Transgender', estimate: null, ciLow: null, ciHigh: null, n: 12, suppressed: true },
  ],
  reference: { value: 2.7, label: 'All adults' },
};
const base = { title: 'Chart title', description: 'What the chart shows.' };

function parse(svg: SVGSVGElement): SVGSVGElement {
  return svg;
}

describe('likertBars', () => {
  const svg = parse(likertBars(document, likertData, { ...base, id: 'lk' }));
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
    const widths = segments.map((rect) => Number(rect.getAttribute('width')));
    // Shares 0.1, 0.2, 0.4, 0.2, 0.1: widths proportional to the shares.
    expect(widths[2]! / widths[0]!).toBeCloseTo(4, 1);
    const neutral = segments[2]!;
    const mid = Number(neutral.getAttribute('x')) + Number(neutral.getAttribute('width')) / 2;
    const zero = [...svg.querySelectorAll('.grid line')].find((line) => line.getAttribute('stroke-width') === '1.5')!;
    expect(mid).toBeCloseTo(Number(zero.getAttribute('x1')), 0);
  });
  it('mirrors for right-to-left: the first segment of an item starts where the left-to-right one ends', () => {
    const rtl = likertBars(document, likertData, { ...base, id: 'lk', rtl: true, width: 640, fontSize: 13 });
    expect(rtl.getAttribute('direction')).toBe('rtl');
    const ltrRect = svg.querySelector('[data-item="vb1"] rect.segment')!;
    const rtlRect = rtl.querySelector('[data-item="vb1"] rect.segment')!;
    const ltrX = Number(ltrRect.getAttribute('x'));
    const rtlX = Number(rtlRect.getAttribute('x'));
    expect(rtlX).toBeCloseTo(640 - ltrX - Number(ltrRect.getAttribute('width')), 0);
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/likertBars.svg');
  });
});

describe('dotInterval', () => {
  const svg = dotInterval(document, dotData, { ...base, id: 'dot', domain: [2, 3.2], markedLabel: 'differs significantly' });
  it('draws marked rows as diamonds with an asterisk and suppressed rows as text', () => {
    expect(svg.querySelectorAll('rect.point')).toHaveLength(2);
    expect(svg.querySelectorAll('circle.point')).toHaveLength(0);
    expect(svg.textContent).toContain('Female *');
    expect(svg.querySelector('.suppressed')!.textContent).toBe('suppressed');
  });
  it('places the interval ends on the axis scale', () => {
    const line = svg.querySelector('line.interval')!;
    // domain [2, 3.2] over the plot range; 2.2 and 2.4 are 1/6 and 2/6 of the way along.
    const tickAt = (label: string) => Number([...svg.querySelectorAll('.axis text')].find((text) => text.textContent === label)!.getAttribute('x'));
    // Female's interval is 2.2 to 2.4: exactly on the 2.20 and 2.40 grid lines.
    expect(Number(line.getAttribute('x1'))).toBeCloseTo(tickAt('2.20'), 0);
    expect(Number(line.getAttribute('x2'))).toBeCloseTo(tickAt('2.40'), 0);
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/dotInterval.svg');
  });
  it('pads the domain around all intervals and the reference', () => {
    const [low, high] = intervalDomain(dotData.rows, 2.7);
    expect(low).toBeLessThanOrEqual(2.2);
    expect(high).toBeGreaterThanOrEqual(3.0);
  });
});

describe('smallMultiples', () => {
  const panels = ['Punjab', 'Sindh', 'Balochistan'].map((title, index) => ({
    title,
    rows: [
      { label: 'Privacy concern', estimate: 3.9 + index / 10, ciLow: 3.8 + index / 10, ciHigh: 4.0 + index / 10, n: 500, suppressed: false },
      { label: 'Victim blaming', estimate: 2.7, ciLow: 2.6, ciHigh: 2.8, n: 500, suppressed: index === 2 },
    ],
  }));
  const svg = smallMultiples(document, { panels }, { ...base, id: 'sm', columns: 2, domain: [2, 5] });
  it('draws one panel per group in a grid of the given columns', () => {
    const groups = [...svg.querySelectorAll('g.panel')];
    expect(groups).toHaveLength(3);
    expect(groups[2]!.getAttribute('transform')).toMatch(/^translate\(0 /);
    expect(svg.querySelectorAll('.panel-title')[1]!.textContent).toBe('Sindh');
    expect(svg.querySelectorAll('.suppressed')).toHaveLength(1);
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/smallMultiples.svg');
  });
});

describe('awarenessBars', () => {
  const svg = awarenessBars(
    document,
    {
      rows: [
        { label: 'Knows PECA', estimate: 0.5, ciLow: 0.45, ciHigh: 0.55, n: 2900, suppressed: false },
        { label: 'Knows the NCCIA', estimate: 0.25, ciLow: 0.2, ciHigh: 0.3, n: 2900, suppressed: false },
      ],
    },
    { ...base, id: 'aw', width: 640 },
  );
  it('draws bars proportional to the share on a 0–100% axis', () => {
    const bars = [...svg.querySelectorAll('rect.bar')].map((bar) => Number(bar.getAttribute('width')));
    expect(bars[0]! / bars[1]!).toBeCloseTo(2, 1);
    expect([...svg.querySelectorAll('text.value')].map((text) => text.textContent)).toEqual(['50%', '25%']);
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/awarenessBars.svg');
  });
});

describe('coefficientPlot', () => {
  const svg = coefficientPlot(
    document,
    {
      rows: [
        { label: 'Gender: male (vs female)', estimate: 0.58, ciLow: 0.44, ciHigh: 0.72, significant: true },
        { label: 'Area: rural (vs urban)', estimate: 0.02, ciLow: -0.08, ciHigh: 0.12, significant: false },
      ],
      zeroLabel: 'no difference',
    },
    { ...base, id: 'co', markedLabel: 'significant' },
  );
  it('draws a zero reference line and marks significant terms', () => {
    expect(svg.getAttribute('class')).toBe('chart chart-coefficients');
    expect(svg.querySelector('line.reference')).not.toBeNull();
    expect(svg.querySelectorAll('rect.point')).toHaveLength(1);
    expect(svg.querySelectorAll('circle.point')).toHaveLength(1);
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/coefficientPlot.svg');
  });
});

describe('scoreDistribution', () => {
  const quantiles = scoreDistribution(
    document,
    {
      kind: 'quantiles',
      quantiles: [0.1, 0.25, 0.5, 0.75, 0.9].map((probability, index) => ({
        probability,
        estimate: 1.5 + index * 0.5,
        ciLow: 1.45 + index * 0.5,
        ciHigh: 1.6 + index * 0.5,
      })),
      min: 1,
      max: 5,
    },
    { ...base, id: 'sd' },
  );
  it('draws a box from the lower to the upper quartile and labels each quantile', () => {
    const box = quantiles.querySelector('.box rect')!;
    expect(Number(box.getAttribute('width'))).toBeGreaterThan(0);
    expect([...quantiles.querySelectorAll('.quantile text')].map((text) => text.textContent)).toEqual([
      'P10 1.50',
      'P25 2.00',
      'P50 2.50',
      'P75 3.00',
      'P90 3.50',
    ]);
  });
  it('draws a histogram from shares', () => {
    const histogram = scoreDistribution(
      document,
      {
        kind: 'histogram',
        bins: [
          { label: '1', share: 0.2, suppressed: false },
          { label: '2', share: 0.4, suppressed: false },
          { label: '3', share: null, suppressed: true },
        ],
      },
      { ...base, id: 'hist' },
    );
    const heights = [...histogram.querySelectorAll('.bin rect')].map((rect) => Number(rect.getAttribute('height')));
    expect(heights).toHaveLength(2);
    expect(heights[1]! / heights[0]!).toBeCloseTo(2, 1);
  });
  it('matches its snapshot', async () => {
    await expect(quantiles.outerHTML).toMatchFileSnapshot('./__snapshots__/scoreDistribution.svg');
  });
});

describe('palette', () => {
  it('keeps marks at WCAG 1.4.11 contrast (3:1) against white', () => {
    for (const color of [palette.point, palette.marked, palette.bar, palette.axis]) expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(3);
    // Text colours reach AA (4.5:1).
    for (const color of [palette.ink, palette.muted, palette.suppressed, palette.marked]) expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
  it('runs from orange (disagree) to purple (agree) with a grey middle for odd scales', () => {
    expect(likertColors(5)).toEqual(['#e66101', '#fdb863', palette.neutral, '#b2abd2', '#5e3c99']);
  });
});

describe('wrapLabel', () => {
  it('splits at word boundaries and ellipsises beyond the line limit', () => {
    expect(wrapLabel('one two three', 30, 10, 3)).toEqual(['one', 'two', 'three']);
    expect(wrapLabel('one two three four', 30, 10, 2)).toEqual(['one', 'two…']);
  });
});
