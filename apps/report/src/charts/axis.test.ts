import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { axisOverhang, axisTicks } from './axis.js';
import { typographyOf } from './common.js';
import { textWidth } from './text/measure.js';

const typography = typographyOf({ id: 'x', title: '', description: '' });
const format = (value: number) => value.toFixed(2);

describe('axisTicks', () => {
  it("keeps d3's five nice ticks where their labels fit", () => {
    const x = scaleLinear().domain([0, 1]).range([0, 500]);
    expect(axisTicks(x, format, typography).map((tick) => tick.label)).toEqual(['0.00', '0.20', '0.40', '0.60', '0.80', '1.00']);
  });
  it('thins the ticks until neighbouring labels keep a gap', () => {
    const x = scaleLinear().domain([0, 1]).range([0, 120]);
    const ticks = axisTicks(x, format, typography);
    expect(ticks.length).toBeLessThan(6);
    for (let index = 1; index < ticks.length; index += 1) {
      expect(x(ticks[index]!.value) - x(ticks[index - 1]!.value)).toBeGreaterThanOrEqual((ticks[index]!.width + ticks[index - 1]!.width) / 2 + 8);
    }
  });
});

describe('axisOverhang', () => {
  it('is half the measured width of the labels at the ends of the domain', () => {
    expect(axisOverhang([-1, 1], format, typography)).toEqual({
      low: textWidth('-1.00', typography.regular) / 2,
      high: textWidth('1.00', typography.regular) / 2,
    });
  });
});

describe('a ratio axis', () => {
  it('labels log ratios at round ratios, 1-2-5 per decade where they fit', () => {
    const x = scaleLinear()
      .domain([Math.log(0.05), Math.log(20)])
      .range([0, 600]);
    const ticks = axisTicks(x, format, typography, 5, 'ratio');
    expect(ticks.map((tick) => tick.label)).toEqual(['0.05', '0.1', '0.2', '0.5', '1', '2', '5', '10', '20']);
    expect(x(ticks[4]!.value)).toBeCloseTo(x(0), 6);
  });
  it('keeps fewer round ratios on a narrow axis', () => {
    const x = scaleLinear()
      .domain([Math.log(0.05), Math.log(20)])
      .range([0, 150]);
    expect(axisTicks(x, format, typography, 5, 'ratio').map((tick) => tick.label)).toEqual(['0.1', '0.3', '1', '3', '10']);
    expect(axisTicks(x.copy().range([0, 80]), format, typography, 5, 'ratio').map((tick) => tick.label)).toEqual(['0.1', '1', '10']);
  });
});
