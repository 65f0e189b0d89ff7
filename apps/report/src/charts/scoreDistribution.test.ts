import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreDistribution } from './scoreDistribution.js';
import { textExtents, textOutside } from './textExtents.js';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const document = dom.window.document;
afterAll(() => dom.window.close());

const base = { title: 'Chart title', description: 'What the chart shows.' };
const quantiles = (estimates: number[]) => ({
  kind: 'quantiles' as const,
  quantiles: [0.1, 0.25, 0.5, 0.75, 0.9].map((probability, index) => ({
    probability,
    estimate: estimates[index]!,
    ciLow: estimates[index]! - 0.05,
    ciHigh: estimates[index]! + 0.1,
  })),
  min: 1,
  max: 5,
});

describe('scoreDistribution (quantiles)', () => {
  const svg = scoreDistribution(document, quantiles([1.5, 2, 2.5, 3, 3.5]), { ...base, id: 'sd' });
  it('draws a box from the lower to the upper quartile and labels each quantile', () => {
    expect(Number(svg.querySelector('.box rect')!.getAttribute('width'))).toBeGreaterThan(0);
    expect([...svg.querySelectorAll('.quantile text')].map((text) => text.textContent)).toEqual(['P10 1.50', 'P25 2.00', 'P50 2.50', 'P75 3.00', 'P90 3.50']);
  });
  it('keeps labels at the ends of the scale inside the chart and apart from each other', () => {
    const crowded = scoreDistribution(document, quantiles([1, 1.02, 1.05, 1.1, 4.99]), { ...base, id: 'cr', width: 360 });
    expect(textOutside(crowded)).toEqual([]);
    const labels = textExtents(crowded, '.quantile text');
    for (const a of labels)
      for (const b of labels) {
        if (a === b) continue;
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `${a.text} / ${b.text}`).toBe(false);
      }
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/scoreDistribution.svg');
  });
});

describe('scoreDistribution (histogram)', () => {
  it('draws bars from shares, score values increasing to the right in both editions', () => {
    const bins = [
      { label: '1', share: 0.2, suppressed: false },
      { label: '2', share: 0.4, suppressed: false },
      { label: '3', share: null, suppressed: true },
    ];
    for (const rtl of [false, true]) {
      const histogram = scoreDistribution(document, { kind: 'histogram', bins }, { ...base, id: 'hist', rtl });
      const rects = [...histogram.querySelectorAll('.bin rect')];
      const heights = rects.map((rect) => Number(rect.getAttribute('height')));
      expect(heights).toHaveLength(2);
      expect(heights[1]! / heights[0]!).toBeCloseTo(2, 1);
      expect(Number(rects[1]!.getAttribute('x'))).toBeGreaterThan(Number(rects[0]!.getAttribute('x')));
      expect(textOutside(histogram)).toEqual([]);
    }
  });
});
