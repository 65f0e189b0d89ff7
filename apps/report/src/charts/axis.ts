import { scaleLinear, type ScaleLinear } from 'd3';
import { displayText, round, type Group, type Typography } from './common.js';
import { palette } from './palette.js';
import { lineBox, textWidth } from './text/measure.js';

export interface Tick {
  value: number;
  label: string;
  width: number;
}

/** Smallest space between two tick labels. */
const TICK_GAP = 8;

/**
 * How a value axis is labelled: `linear` at d3's nice values; `ratio` for values that are logarithms of
 * ratios (a logistic model's coefficients): ticks at round ratios (0.5, 1, 2, 5 …) placed at their logarithm,
 * so an odds-ratio axis reads in ratios on a log scale.
 */
export type AxisKind = 'linear' | 'ratio';

/** Round ratios within a domain of log ratios, densest first: 1-2-5 per decade, then 1-3, 1, every other decade. */
function ratioTickSets(domain: [number, number]): number[][] {
  const low = Math.min(...domain);
  const high = Math.max(...domain);
  const first = Math.floor(low / Math.LN10) - 1;
  const last = Math.ceil(high / Math.LN10) + 1;
  const within = (multiples: number[], step = 1) => {
    const values: number[] = [];
    for (let decade = first; decade <= last; decade += 1) {
      if ((decade - first) % step !== 0 && decade !== 0) continue;
      for (const multiple of multiples) {
        const value = Math.log(multiple * 10 ** decade);
        if (value >= low - 1e-9 && value <= high + 1e-9) values.push(value);
      }
    }
    return values;
  };
  return [within([1, 2, 5]), within([1, 3]), within([1]), within([1], 2)];
}

/** A round ratio as a tick label: "0.5", "2", "20" (never "2.00"). */
function ratioLabel(logRatio: number): string {
  return String(Number(Math.exp(logRatio).toPrecision(2)));
}

function ticksFrom(values: number[], format: (v: number) => string, typography: Typography, kind: AxisKind = 'linear'): Tick[] {
  return values.map((value) => {
    const label = kind === 'ratio' ? ratioLabel(value) : format(value);
    return { value, label, width: textWidth(label, typography.regular) };
  });
}

function candidates(x: ScaleLinear<number, number>, count: number, kind: AxisKind): number[][] {
  if (kind === 'ratio') return ratioTickSets(x.domain() as [number, number]).filter((set) => set.length >= 2);
  const sets: number[][] = [];
  for (let wanted = count; wanted >= 2; wanted -= 1) sets.push(x.ticks(wanted));
  return sets;
}

/**
 * Tick values for a value axis at its drawn range: d3's nice ticks (or round ratios), fewer of them until
 * neighbouring labels (measured) keep a gap, and at least the two ends.
 */
export function axisTicks(x: ScaleLinear<number, number>, format: (v: number) => string, typography: Typography, count = 5, kind: AxisKind = 'linear'): Tick[] {
  for (const values of candidates(x, count, kind)) {
    const ticks = ticksFrom(values, format, typography, kind);
    const fits = ticks.every((tick, index) => {
      const next = ticks[index + 1];
      return next === undefined || Math.abs(x(next.value) - x(tick.value)) >= (tick.width + next.width) / 2 + TICK_GAP;
    });
    if (fits) return ticks;
  }
  const ticks = ticksFrom(x.ticks(2), format, typography);
  return ticks.length > 2 ? [ticks[0]!, ticks[ticks.length - 1]!] : ticks;
}

/** How far the first and last tick labels reach past the ends of the plot (half their measured widths). */
export function axisOverhang(
  domain: [number, number],
  format: (v: number) => string,
  typography: Typography,
  count = 5,
  kind: AxisKind = 'linear',
): { low: number; high: number } {
  const ticks = ticksFrom(candidates(scaleLinear().domain(domain), count, kind)[0] ?? [], format, typography, kind);
  const [low, high] = domain;
  // Only a tick near an end of the domain can reach past that end of the plot.
  const near = (value: number, end: number) => Math.abs(value - end) <= Math.abs(high - low) * 0.2;
  const first = ticks[0];
  const last = ticks[ticks.length - 1];
  return {
    low: first && near(first.value, low) ? first.width / 2 : 0,
    high: last && near(last.value, high) ? last.width / 2 : 0,
  };
}

/** Height the tick labels take below the plot. */
export function axisLabelHeight(typography: Typography): number {
  const box = lineBox('0', typography.regular);
  return 4 + box.above + box.below;
}

/**
 * Draws a value axis: grid lines from `top` to `bottom` and tick labels under them. The scale runs left
 * to right in both editions; only the text inside is isolated for right-to-left charts.
 */
export function drawValueAxis(
  group: Group,
  x: ScaleLinear<number, number>,
  ticks: Tick[],
  layout: { top: number; bottom: number; typography: Typography; strong?: (value: number) => boolean },
): void {
  const axis = group.append('g').attr('class', 'axis').attr('aria-hidden', 'true');
  const baseline = layout.bottom + 4 + lineBox('0', layout.typography.regular).above;
  for (const tick of ticks) {
    const strong = layout.strong?.(tick.value) === true;
    axis
      .append('line')
      .attr('x1', round(x(tick.value)))
      .attr('x2', round(x(tick.value)))
      .attr('y1', round(layout.top))
      .attr('y2', round(layout.bottom))
      .attr('stroke', strong ? palette.axis : palette.grid)
      .attr('stroke-width', strong ? 1.5 : 1);
    axis
      .append('text')
      .attr('x', round(x(tick.value)))
      .attr('y', round(baseline))
      .attr('text-anchor', 'middle')
      .attr('fill', palette.muted)
      .text(displayText(tick.label, layout.typography.rtl));
  }
}
