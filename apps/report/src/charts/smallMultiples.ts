import { scaleLinear } from 'd3';
import { axisLabelHeight, axisOverhang, axisTicks, drawValueAxis } from './axis.js';
import { createSvg, defaultNumber, describeFullLabels, round, typographyOf, type ChartOptions } from './common.js';
import { drawDotRows, dotRowLabel, type DotRow } from './dotRows.js';
import { intervalDomain } from './dotInterval.js';
import { drawMarkLegend, markLegendHeight } from './markLegend.js';
import { EDGE, layoutRowLabels, layoutRowLabelsLike, rowBands, shortenedLabels } from './rowLabels.js';
import { blockHeight, drawTextBlock, layoutText } from './textBlock.js';

export interface SmallMultiplesData {
  /** One panel per group (e.g. province), each with the same rows (e.g. scales). */
  panels: { title: string; rows: DotRow[] }[];
}

export interface SmallMultiplesOptions extends ChartOptions {
  /** Panels per row at most. Default 2; fewer when a panel would be too narrow for its labels and axis. */
  columns?: number;
  /** Shared x-axis range; default: all intervals' range. */
  domain?: [number, number];
  markedLabel?: string;
}

const GAP = 24;
const GUTTER = 10;
const RADIUS = 4.5;
/** A panel narrower than this gets a column of its own. */
const MIN_PANEL = 280;

/**
 * Small multiples: the same dot-and-interval rows drawn once per group on a shared axis, so groups
 * can be compared panel by panel (e.g. scale means by province). Dots are small so that their
 * intervals show around them.
 */
export function smallMultiples(document: Document, data: SmallMultiplesData, options: SmallMultiplesOptions): SVGSVGElement {
  const typography = typographyOf(options);
  const { width, rtl } = typography;
  const format = options.format ?? defaultNumber;
  let columns = Math.max(1, Math.min(options.columns ?? 2, data.panels.length || 1));
  while (columns > 1 && (width - GAP * (columns - 1)) / columns < MIN_PANEL) columns -= 1;
  const panelWidth = (width - GAP * (columns - 1)) / columns;
  const domain = options.domain ?? intervalDomain(data.panels.flatMap((panel) => panel.rows));
  const overhang = axisOverhang(domain, format, typography, 3);

  // One label column for every panel (sized for the longest label, marked and bold), so that the panels'
  // axes line up and compare at a glance.
  const everyLabel = data.panels.flatMap((panel) => panel.rows.map((row) => dotRowLabel({ ...row, marked: true })));
  const shape = layoutRowLabels(everyLabel, panelWidth, typography);
  const panelLayouts = data.panels.map((panel) => {
    const labels = layoutRowLabelsLike(panel.rows.map(dotRowLabel), shape, panelWidth, typography);
    const title = layoutText(panel.title, panelWidth - 2 * EDGE, typography.bold, 2, typography);
    return { panel, labels, title };
  });
  const titleHeight = Math.max(0, ...panelLayouts.map((layout) => blockHeight(layout.title))) + 6;
  const withBands = panelLayouts.map((layout) => {
    const bands = rowBands(layout.labels, titleHeight + 2, RADIUS + 2, layout.labels.mode === 'side' ? 3 : 2);
    const bottom = bands.length > 0 ? bands[bands.length - 1]!.top + bands[bands.length - 1]!.height : titleHeight;
    return { ...layout, bands, bottom };
  });
  const panelHeight = Math.max(...withBands.map((layout) => layout.bottom)) + axisLabelHeight(typography) + 14;
  const gridRows = Math.ceil(data.panels.length / columns);
  const hasMarked = options.markedLabel !== undefined && data.panels.some((panel) => panel.rows.some((row) => row.marked));
  const legendTop = gridRows * panelHeight;
  const height = legendTop + (hasMarked ? markLegendHeight(options.markedLabel!, width, typography) : 0) + 4;
  const svg = createSvg(document, options, width, height, 'small-multiples');

  withBands.forEach(({ panel, labels, title, bands, bottom }, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const offsetX = column * (panelWidth + GAP);
    // Panels are placed from the start edge (the right in Urdu); each panel's value axis runs left to right.
    const panelX = rtl ? width - offsetX - panelWidth : offsetX;
    const group = svg
      .append('g')
      .attr('class', 'panel')
      .attr('transform', `translate(${round(panelX)} ${round(row * panelHeight)})`);
    drawTextBlock(group, title, {
      x: rtl ? panelWidth - EDGE : EDGE,
      y: 2 - title.top,
      anchor: 'start',
      typography,
      className: 'panel-title',
    });
    const labelColumn = labels.mode === 'side' ? EDGE + labels.column + GUTTER : 0;
    const markRoom = RADIUS + 3;
    const low = Math.max(EDGE + overhang.low, markRoom, rtl ? 0 : labelColumn + markRoom);
    const high = panelWidth - Math.max(EDGE + overhang.high, markRoom, rtl ? labelColumn + markRoom : 0);
    const x = scaleLinear().domain(domain).range([low, high]);
    const top = titleHeight;
    drawValueAxis(group, x, axisTicks(x, format, typography, 3), { top, bottom, typography });
    drawDotRows(group, panel.rows, {
      x,
      labels,
      bands,
      width: panelWidth,
      typography,
      format,
      suppressedLabel: options.suppressedLabel ?? 'suppressed',
      radius: RADIUS,
    });
  });
  if (hasMarked) drawMarkLegend(svg, options.markedLabel!, legendTop, width, typography);
  describeFullLabels(svg, options, [
    ...new Set([...shortenedLabels(panelLayouts.flatMap((layout) => layout.labels.blocks)), ...shortenedLabels(panelLayouts.map((layout) => layout.title))]),
  ]);
  return svg.node()!;
}
