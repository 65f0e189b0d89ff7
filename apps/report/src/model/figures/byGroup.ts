import { type DotRow, dotInterval } from '../../charts/dotInterval.js';
import type { AnalysisResult, ResultRow } from '../../results/types.js';
import { formatNumber, formatPercent } from '../format.js';
import { baseCell, baseRange, publishedBase } from './baseNote.js';
import { type GroupEstimate, groupEstimates, significantLevels } from './groupEstimates.js';
import { markedNote } from './markedNote.js';
import { type CsvValue, type FigureInputs, type FigureSpec, WIDE } from './spec.js';

/** The CSV rows of group estimates: suppressed estimates (and bases below minBase) empty. */
export function groupRowsCsv(variable: string, byVariable: string, cells: GroupEstimate[], marked: Set<string>, inputs: FigureInputs): CsvValue[][] {
  return cells.map((cell) => [
    variable,
    byVariable,
    cell.key,
    inputs.labels.level(byVariable, cell.key, 'en'),
    cell.suppressed ? null : (cell.row.estimate ?? null),
    cell.suppressed ? null : (cell.row.ciLow ?? null),
    cell.suppressed ? null : (cell.row.ciHigh ?? null),
    publishedBase(cell),
    cell.suppressed,
    marked.has(cell.key),
  ]);
}

export const GROUP_CSV_HEADER = ['variable', 'group_variable', 'group', 'group_label', 'estimate', 'ci_low', 'ci_high', 'n', 'suppressed', 'significant_bh'];

/** Dot-and-interval plot of a mean (or proportion) by one grouping variable, BH-significant groups marked. */
export function byGroupFigure(
  inputs: FigureInputs,
  id: string,
  analysis: AnalysisResult,
  byVariable: string,
  overall: ResultRow | undefined,
): FigureSpec | undefined {
  const { labels, strings, minBase } = inputs;
  const variable = analysis.variable;
  if (variable === undefined) return undefined;
  const overallShown = overall !== undefined && overall.estimate !== null && overall.estimate !== undefined;
  const cells = groupEstimates(inputs, analysis, byVariable, overallShown);
  if (cells.length === 0) return undefined;
  const { marked, tests, tested } = significantLevels(inputs, variable, byVariable, cells);
  const isProportion = analysis.type === 'proportion';
  const format = isProportion ? (value: number) => formatPercent(value) : (value: number) => formatNumber(value);
  const range = labels.scaleRange(variable);
  const outcome = (lang: 'en' | 'ur') =>
    isProportion && analysis.level !== undefined
      ? `${labels.short(variable, lang)}: ${labels.level(variable, analysis.level, lang)}`
      : labels.short(variable, lang);
  return {
    id,
    kind: 'dot-interval',
    analyses: [analysis.id],
    title: labels.both((lang) => strings[lang].chart.byTitle(outcome(lang), labels.short(byVariable, lang))),
    questions: [labels.both((lang) => labels.question(variable, lang))],
    base: baseRange(cells),
    hasSuppressed: cells.some((cell) => cell.suppressed),
    csv: { header: GROUP_CSV_HEADER, rows: groupRowsCsv(variable, byVariable, cells, marked, inputs) },
    draw(document, lang, domId, layout = WIDE) {
      const t = strings[lang];
      const scale = outcome(lang);
      const group = labels.short(byVariable, lang);
      const rows: DotRow[] = cells.map((cell) => ({
        label: labels.level(byVariable, cell.key, lang),
        estimate: cell.suppressed ? null : (cell.row.estimate ?? null),
        ciLow: cell.suppressed ? null : (cell.row.ciLow ?? null),
        ciHigh: cell.suppressed ? null : (cell.row.ciHigh ?? null),
        n: publishedBase(cell),
        suppressed: cell.suppressed,
        marked: marked.has(cell.key),
      }));
      const shown = rows.filter((row) => row.estimate !== null);
      const high = shown.reduce<DotRow | undefined>((best, row) => (best === undefined || row.estimate! > best.estimate! ? row : best), undefined);
      const low = shown.reduce<DotRow | undefined>((best, row) => (best === undefined || row.estimate! < best.estimate! ? row : best), undefined);
      const description = [
        t.chart.byDescription(scale, group, rows.length),
        high ? t.chart.summaryHighest(high.label, format(high.estimate!)) : '',
        low ? t.chart.summaryLowest(low.label, format(low.estimate!)) : '',
      ]
        .filter(Boolean)
        .join(' ');
      const svg = dotInterval(
        document,
        { rows, ...(overallShown ? { reference: { value: overall!.estimate!, label: t.chart.overall } } : {}) },
        {
          id: domId,
          width: layout.width,
          title: t.chart.byTitle(scale, group),
          description,
          rtl: lang === 'ur',
          format,
          suppressedLabel: t.figure.suppressed,
          markedLabel: t.figure.marked,
          ...(isProportion ? {} : { axisLabel: range ? t.chart.meanAxis(String(range[0]), String(range[1])) : t.table.estimate }),
        },
      );
      const note = markedNote(
        tests,
        byVariable,
        cells.map((cell) => cell.key),
        labels,
        lang,
        t,
      );
      return {
        svg,
        description,
        table: {
          head: [t.table.group, t.table.estimate, t.table.ciLow, t.table.ciHigh, t.table.base, t.table.significant],
          rows: rows.map((row, index) => [
            row.label,
            row.suppressed ? t.figure.suppressed : row.estimate === null ? '–' : format(row.estimate),
            row.ciLow === null ? '–' : format(row.ciLow),
            row.ciHigh === null ? '–' : format(row.ciHigh),
            baseCell(cells[index]!, minBase, t),
            row.marked ? t.table.yes : t.table.no,
          ]),
        },
        notes: note ? [note] : tested ? [] : [t.figure.noTest],
      };
    },
  };
}
