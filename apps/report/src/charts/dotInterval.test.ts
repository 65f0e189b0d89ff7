import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { dotInterval, intervalDomain } from './dotInterval.js';
import { textWidth } from './text/measure.js';
import { textExtents, textOutside } from './textExtents.js';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const document = dom.window.document;
afterAll(() => dom.window.close());

const data = {
  rows: [
    { label: 'Female', estimate: 2.3, ciLow: 2.2, ciHigh: 2.4, n: 1150, suppressed: false, marked: true },
    { label: 'Male', estimate: 2.9, ciLow: 2.8, ciHigh: 3.0, n: 1800, suppressed: false, marked: true },
    { label: 'Transgender', estimate: null, ciLow: null, ciHigh: null, n: 12, suppressed: true },
  ],
  reference: { value: 2.7, label: 'All adults' },
};
const base = { title: 'Chart title', description: 'What the chart shows.' };
const tickX = (svg: SVGSVGElement) =>
  [...svg.querySelectorAll('.axis text')].map((text) => [text.textContent!.replace(/[\u2066\u2069]/g, ''), Number(text.getAttribute('x'))] as const);

describe('dotInterval', () => {
  const svg = dotInterval(document, data, { ...base, id: 'dot', domain: [2, 3.2], markedLabel: 'differs significantly' });
  it('draws marked rows as diamonds with a bold label and an asterisk, and suppressed rows as text', () => {
    expect(svg.querySelectorAll('path.point')).toHaveLength(2);
    expect(svg.querySelectorAll('circle.point')).toHaveLength(0);
    expect(textExtents(svg).map((box) => box.text)).toContain('Female *');
    expect(svg.querySelector('.suppressed')!.textContent).toBe('suppressed');
  });
  it('places the interval ends on the axis scale', () => {
    const line = svg.querySelector('line.interval')!;
    const at = new Map(tickX(svg));
    // Female's interval is 2.2 to 2.4: exactly on the 2.20 and 2.40 grid lines.
    expect(Number(line.getAttribute('x1'))).toBeCloseTo(at.get('2.20')!, 0);
    expect(Number(line.getAttribute('x2'))).toBeCloseTo(at.get('2.40')!, 0);
  });
  it('draws each interval before its dot, so the dot is on top', () => {
    const row = svg.querySelector('g.row')!;
    const order = [...row.children].map((child) => child.getAttribute('class'));
    expect(order.indexOf('interval')).toBeLessThan(order.indexOf('point'));
  });
  it('draws the legend mark as a shape and keeps every text inside the chart', () => {
    expect(svg.querySelector('.legend path')).not.toBeNull();
    expect(svg.querySelector('.legend')!.textContent).toBe('* differs significantly');
    expect(textOutside(svg)).toEqual([]);
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/dotInterval.svg');
  });
  it('pads the domain around all intervals and the reference', () => {
    const [low, high] = intervalDomain(data.rows, 2.7);
    expect(low).toBeLessThanOrEqual(2.2);
    expect(high).toBeGreaterThanOrEqual(3.0);
  });
});

describe('dotInterval with long labels', () => {
  const long = {
    rows: [
      {
        label: 'Islamabad Capital Territory and the federally administered areas around it',
        estimate: 0.4,
        ciLow: 0.3,
        ciHigh: 0.5,
        n: 300,
        suppressed: false,
      },
      { label: 'Pneumonoultramicroscopicsilicovolcanoconiosis-affected respondents', estimate: 0.5, ciLow: 0.4, ciHigh: 0.6, n: 300, suppressed: false },
      { label: 'Sindh', estimate: 0.6, ciLow: 0.5, ciHigh: 0.7, n: 300, suppressed: false },
    ],
  };
  const svg = dotInterval(document, long, { ...base, id: 'long', axisLabel: 'A long axis title that has to wrap on a phone-sized drawing of the chart' });
  it('wraps labels in a column of at most 38% of the width, and every line ends before the plot', () => {
    const plotStart = Math.min(...[...svg.querySelectorAll('.axis line')].map((line) => Number(line.getAttribute('x1'))));
    const labels = textExtents(svg, 'g.row text');
    expect(labels.length).toBeGreaterThanOrEqual(4);
    for (const box of labels) {
      expect(box.right - box.left).toBeLessThanOrEqual(640 * 0.38 + 0.5);
      expect(box.right).toBeLessThan(plotStart);
    }
  });
  it('shortens only a word wider than the column, with the full label in a <title> and the description', () => {
    const titles = [...svg.querySelectorAll('g.row text > title')].map((title) => title.textContent);
    expect(titles).toEqual(['Pneumonoultramicroscopicsilicovolcanoconiosis-affected respondents']);
    expect(svg.querySelector('desc')!.textContent).toContain('Pneumonoultramicroscopicsilicovolcanoconiosis-affected respondents');
    expect(textExtents(svg, 'g.row text').map((box) => box.text)).toEqual([
      'Islamabad Capital Territory and the',
      'federally administered areas around it',
      'Pneumonoultramicroscopicsilicovolca…',
      'respondents',
      'Sindh',
    ]);
  });
  it('keeps a wrapped axis title on a phone inside the chart', () => {
    const phone = dotInterval(document, long, {
      ...base,
      id: 'p',
      width: 360,
      axisLabel: 'A long axis title that has to wrap on a phone-sized drawing of the chart',
    });
    expect(phone.querySelectorAll('.axis-label tspan').length).toBe(2);
    expect(textOutside(phone)).toEqual([]);
  });
});

describe('dotInterval in Urdu', () => {
  const rows = [
    { label: 'عورت', estimate: -0.5, ciLow: -0.62, ciHigh: -0.38, n: 900, suppressed: false, marked: true },
    { label: 'مرد', estimate: 0.25, ciLow: 0.1, ciHigh: 0.4, n: 900, suppressed: false },
  ];
  const svg = dotInterval(document, { rows, reference: { value: 0, label: 'کوئی فرق نہیں' } }, { ...base, id: 'ur', rtl: true, markedLabel: 'نمایاں فرق' });
  it('keeps the value axis increasing from left to right', () => {
    const ticks = tickX(svg);
    for (let index = 1; index < ticks.length; index += 1) expect(ticks[index]![1]).toBeGreaterThan(ticks[index - 1]![1]);
    expect(Number(svg.querySelector('circle.point')!.getAttribute('cx'))).toBeGreaterThan(Number(svg.querySelector('line.reference')!.getAttribute('x1')));
  });
  it('writes negative ticks and intervals as isolated left-to-right runs', () => {
    expect([...svg.querySelectorAll('.axis text')].map((text) => text.textContent)).toContain('\u2066-0.60\u2069');
    expect(svg.querySelector('path.point title')!.textContent).toBe('عورت: \u2066-0.50\u2069 (\u2066-0.62–-0.38\u2069)');
  });
  it('puts the labels at the right, beside the plot, and keeps all text inside', () => {
    const label = textExtents(svg).find((box) => box.text === 'مرد')!;
    const plotEnd = Math.max(...[...svg.querySelectorAll('.axis line')].map((line) => Number(line.getAttribute('x1'))));
    expect(label.left).toBeGreaterThan(plotEnd);
    expect(label.right).toBeLessThanOrEqual(640);
    expect(textOutside(svg)).toEqual([]);
  });
  it('measures Nastaliq labels, so a column fits its widest label exactly', () => {
    const widest = Math.max(textWidth('عورت *', { fontSize: 15, bold: true }), textWidth('مرد', { fontSize: 15 }));
    const boxes = textExtents(svg).filter((box) => box.text === 'عورت *' || box.text === 'مرد');
    expect(Math.max(...boxes.map((box) => box.right)) - Math.min(...boxes.map((box) => box.left))).toBeCloseTo(widest, 0);
  });
});
