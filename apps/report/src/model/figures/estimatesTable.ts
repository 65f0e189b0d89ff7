import type { Localized } from '@leakrisk/survey';
import type { Lang } from '../../i18n/index.js';
import type { AnalysisResult, ResultRow } from '../../results/types.js';
import { type ProtectedCell, primarySuppression, protectGroups } from '../disclosure.js';
import { isWholePopulation } from '../domains.js';
import { formatCell, formatCount, formatPercent } from '../format.js';
import { baseCell, baseRange, publishedBase } from './baseNote.js';
import type { FigureInputs, FigureSpec } from './spec.js';
import { tableFigure } from './tableFigure.js';

/** One line of an estimates table: one row of one analysis, with its suppression. */
interface EstimateLine {
  analysis: AnalysisResult;
  row: ResultRow;
  cell: ProtectedCell;
}

/** How an analysis' estimates are written: shares as percentages, totals as counts, others with two decimals. */
function formatterOf(analysis: AnalysisResult): (value: number | null | undefined) => string {
  if (analysis.type === 'proportion' || analysis.type === 'distribution') return (value) => (typeof value === 'number' ? formatPercent(value, 1) : '–');
  if (analysis.type === 'total') return (value) => (typeof value === 'number' ? formatCount(value) : '–');
  return (value) => formatCell(value);
}

/**
 * The lines of `rows` of one analysis, suppressed as charts suppress: a base below minBase, and the
 * next-smallest group of a partition (rows with the same grouping variables and the same answer or
 * quantile) when its whole-population estimate is published.
 */
function linesOf(inputs: FigureInputs, analysis: AnalysisResult, rows: ResultRow[]): EstimateLine[] {
  const partitions = new Map<string, ResultRow[]>();
  for (const row of rows) {
    const key = `${Object.keys(row.domain ?? {}).join('|')}#${row.level ?? ''}#${row.probability ?? ''}`;
    partitions.set(key, [...(partitions.get(key) ?? []), row]);
  }
  const lines: EstimateLine[] = [];
  for (const members of partitions.values()) {
    if (members.every(isWholePopulation)) {
      for (const row of members) lines.push({ analysis, row, cell: primarySuppression(row.n, inputs.minBase, true, inputs.sampleSize) });
      continue;
    }
    const whole = analysis.rows.find((r) => isWholePopulation(r) && r.level === members[0]!.level && r.probability === members[0]!.probability);
    const marginPublished = whole !== undefined && !primarySuppression(whole.n, inputs.minBase, true, inputs.sampleSize).suppressed;
    const cells = members.map((row, index) => ({ key: String(index), row, ...primarySuppression(row.n, inputs.minBase, false, inputs.sampleSize) }));
    for (const { row, key: _key, ...cell } of protectGroups(cells, inputs.minBase, marginPublished)) lines.push({ analysis, row, cell });
  }
  return lines;
}

/**
 * A table of estimates that have no chart: totals, ratios, means without a known range, and the rows of
 * any analysis by two or more groupings (or of a distribution or quantile by a grouping). Each line
 * names what is estimated and for which group.
 */
export function estimatesTable(
  inputs: FigureInputs,
  id: string,
  title: Localized,
  parts: { analysis: AnalysisResult; rows: ResultRow[] }[],
): FigureSpec | undefined {
  const { labels, strings, minBase } = inputs;
  const lines = parts.flatMap((part) => linesOf(inputs, part.analysis, part.rows));
  if (lines.length === 0) return undefined;
  const what = (line: EstimateLine, lang: Lang): string => {
    const { analysis, row } = line;
    const t = strings[lang].estimates;
    const variable = analysis.variable ?? analysis.id;
    const name = labels.short(variable, lang);
    switch (analysis.type) {
      case 'total':
        return t.total(name);
      case 'ratio':
        return t.ratio(labels.short(analysis.numerator ?? variable, lang), labels.short(analysis.denominator ?? '', lang));
      case 'proportion':
        return `${name}: ${labels.level(variable, analysis.level ?? row.level ?? '', lang)}`;
      case 'distribution':
        return `${name}: ${labels.level(variable, row.level ?? '', lang)}`;
      case 'quantile':
        return `${name}: ${strings[lang].chart.quantileLabel(row.probability ?? 0)}`;
      default:
        return t.mean(name);
    }
  };
  const group = (row: ResultRow, lang: Lang): string =>
    isWholePopulation(row)
      ? strings[lang].chart.overall
      : Object.entries(row.domain!)
          .map(([variable, level]) => `${labels.short(variable, lang)}: ${labels.level(variable, level, lang)}`)
          .join(lang === 'ur' ? '، ' : ', ');
  const value = (line: EstimateLine, field: 'estimate' | 'ciLow' | 'ciHigh') => (line.cell.suppressed ? null : (line.row[field] ?? null));
  return tableFigure({
    id,
    analyses: [...new Set(parts.map((part) => part.analysis.id))],
    title,
    questions: [...new Set(parts.map((part) => part.analysis.variable ?? part.analysis.numerator).filter((v): v is string => v !== undefined))].map(
      (variable) => labels.both((lang) => labels.question(variable, lang)),
    ),
    base: baseRange(lines.map((line) => line.cell)),
    hasSuppressed: lines.some((line) => line.cell.suppressed),
    csv: {
      header: ['analysis', 'estimate_of', 'group', 'estimate', 'ci_low', 'ci_high', 'n', 'suppressed'],
      rows: lines.map((line) => [
        line.analysis.id,
        what(line, 'en'),
        group(line.row, 'en'),
        value(line, 'estimate'),
        value(line, 'ciLow'),
        value(line, 'ciHigh'),
        publishedBase(line.cell),
        line.cell.suppressed,
      ]),
    },
    head: (lang) => {
      const t = strings[lang].table;
      return [t.estimateOf, t.group, t.estimate, t.ciLow, t.ciHigh, t.base];
    },
    rows: (lang) =>
      lines.map((line) => {
        const format = formatterOf(line.analysis);
        return [
          what(line, lang),
          group(line.row, lang),
          line.cell.suppressed ? strings[lang].figure.suppressed : format(line.row.estimate),
          format(value(line, 'ciLow')),
          format(value(line, 'ciHigh')),
          baseCell(line.cell, minBase, strings[lang]),
        ];
      }),
    description: (lang) => strings[lang].estimates.description(lines.length),
  });
}
