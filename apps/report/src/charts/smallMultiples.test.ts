import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { smallMultiples } from './smallMultiples.js';
import { textExtents, textOutside } from './textExtents.js';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const document = dom.window.document;
afterAll(() => dom.window.close());

const base = { title: 'Chart title', description: 'What the chart shows.' };
const panels = ['Punjab', 'Sindh', 'Balochistan'].map((title, index) => ({
  title,
  rows: [
    { label: 'Privacy concern', estimate: 3.9 + index / 10, ciLow: 3.8 + index / 10, ciHigh: 4.0 + index / 10, n: 500, suppressed: false },
    { label: 'Acceptance of resharing leaked content', estimate: 2.7, ciLow: 2.68, ciHigh: 2.72, n: 500, suppressed: index === 2, marked: index === 0 },
  ],
}));

describe('smallMultiples', () => {
  const svg = smallMultiples(document, { panels }, { ...base, id: 'sm', columns: 2, domain: [2, 5], markedLabel: 'differs' });
  it('draws one panel per group in a grid of the given columns', () => {
    const groups = [...svg.querySelectorAll('g.panel')];
    expect(groups).toHaveLength(3);
    expect(groups[2]!.getAttribute('transform')).toMatch(/^translate\(0 /);
    expect(svg.querySelectorAll('.panel-title')[1]!.textContent).toBe('Sindh');
    expect(svg.querySelectorAll('.suppressed')).toHaveLength(1);
  });
  it('lines up the panels: every panel has its axis at the same place', () => {
    const firstTick = (panel: Element) => panel.querySelector('.axis line')!.getAttribute('x1');
    const [a, b, c] = [...svg.querySelectorAll('g.panel')];
    expect(firstTick(b!)).toBe(firstTick(a!));
    expect(firstTick(c!)).toBe(firstTick(a!));
  });
  it('draws small dots over their intervals, whose end caps reach past the dot', () => {
    const row = svg.querySelector('g.panel g.row')!;
    const order = [...row.children].map((child) => child.getAttribute('class'));
    expect(order.indexOf('interval')).toBeLessThan(order.indexOf('point'));
    const dot = row.querySelector('circle.point')!;
    const cap = row.querySelector('line.interval-end')!;
    const radius = Number(dot.getAttribute('r'));
    expect(radius).toBeLessThan(5);
    expect(Number(cap.getAttribute('y2')) - Number(cap.getAttribute('y1'))).toBeGreaterThan(2 * radius);
  });
  it('writes every scale label in full and keeps all text inside the chart', () => {
    const labels = textExtents(svg, 'g.row text').map((box) => box.text);
    expect(labels.slice(0, 4)).toEqual(['Privacy concern', 'Acceptance of', 'resharing leaked', 'content *']);
    expect(labels.filter((label) => label.includes('…'))).toEqual([]);
    expect(svg.querySelectorAll('g.row text > title')).toHaveLength(0);
    expect(textOutside(svg)).toEqual([]);
  });
  it('matches its snapshot', async () => {
    await expect(svg.outerHTML).toMatchFileSnapshot('./__snapshots__/smallMultiples.svg');
  });
});

describe('smallMultiples on a phone and in Urdu', () => {
  it('stacks the panels in one column when two would be too narrow', () => {
    const phone = smallMultiples(document, { panels }, { ...base, id: 'ph', width: 360, columns: 2, domain: [2, 5] });
    expect([...phone.querySelectorAll('g.panel')].map((panel) => panel.getAttribute('transform')!.split(' ')[0])).toEqual([
      'translate(0',
      'translate(0',
      'translate(0',
    ]);
    expect(textOutside(phone)).toEqual([]);
  });
  it('places the first panel at the right in Urdu, its axis still increasing to the right', () => {
    const rtl = smallMultiples(document, { panels }, { ...base, id: 'ur', rtl: true, columns: 2, domain: [2, 5] });
    const first = rtl.querySelector('g.panel')!;
    expect(Number(/translate\(([\d.]+)/.exec(first.getAttribute('transform')!)![1])).toBeGreaterThan(300);
    const ticks = [...first.querySelectorAll('.axis text')].map((text) => Number(text.getAttribute('x')));
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    expect(textOutside(rtl)).toEqual([]);
  });
});
