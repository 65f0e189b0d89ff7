import type { Localized } from '@leakrisk/survey';
import { type DotRow, dotInterval } from '../../charts/dotInterval.js';
import type { AnalysisResult } from '../../results/types.js';
import { primarySuppression } from '../disclosure.js';
import { isWholePopulation } from '../domains.js';
import { formatCell, formatNumber } from '../format.js';
import { baseCell, baseRange, publishedBase } from './baseNote.js';
import { type FigureInputs, type FigureSpec, WIDE } from './spec.js';

/**
 * Dot-and-interval of the whole-population means of several scores measured on one range (say, scale
 * scores from 1 to 5), on that range's axis.
 */
export function meansFigure(inputs: FigureInputs, id: string, title: Localized, analyses: AnalysisResult[]): FigureSpec | undefined {
  const { labels, strings, minBase } = inputs;
  const entries = analyses.flatMap((analysis) => {
    const row = analysis.rows.find(isWholePopulation);
    if (!row || analysis.variable === undefined) return [];
    return [{ analysis: analysis.id, variable: analysis.variable, row, cell: primarySuppression(row.n, minBase, true, inputs.sampleSize) }];
  });
  if (entries.length === 0) return undefined;
  const range = labels.scaleRange(entries[0]!.variable);
  const shown = (entry: (typeof entries)[number], value: number | null | undefined) => (entry.cell.suppressed ? null : (value ?? null));
  return {
    id,
    kind: 'dot-interval',
    analyses: entries.map((entry) => entry.analysis),
    title,
    questions: entries.map((entry) => labels.both((lang) => labels.question(entry.variable, lang))),
    base: baseRange(entries.map((entry) => entry.cell)),
    hasSuppressed: entries.some((entry) => entry.cell.suppressed),
    csv: {
      header: ['variable', 'label', 'estimate', 'ci_low', 'ci_high', 'n', 'suppressed'],
      rows: entries.map((entry) => [
        entry.variable,
        labels.short(entry.variable, 'en'),
        shown(entry, entry.row.estimate),
        shown(entry, entry.row.ciLow),
        shown(entry, entry.row.ciHigh),
        publishedBase(entry.cell),
        entry.cell.suppressed,
      ]),
    },
    draw(document, lang, domId, layout = WIDE) {
      const t = strings[lang];
      const rows: DotRow[] = entries.map((entry) => ({
        label: labels.short(entry.variable, lang),
        estimate: shown(entry, entry.row.estimate),
        ciLow: shown(entry, entry.row.ciLow),
        ciHigh: shown(entry, entry.row.ciHigh),
        n: publishedBase(entry.cell),
        suppressed: entry.cell.suppressed,
      }));
      const description = t.chart.meansDescription(rows.length, range ? `${range[0]}` : undefined, range ? `${range[1]}` : undefined);
      const svg = dotInterval(
        document,
        { rows },
        {
          id: domId,
          width: layout.width,
          title: title[lang],
          description,
          rtl: lang === 'ur',
          format: (v) => formatNumber(v),
          suppressedLabel: t.figure.suppressed,
          ...(range ? { domain: range, axisLabel: t.chart.meanAxis(String(range[0]), String(range[1])) } : { axisLabel: t.table.estimate }),
        },
      );
      return {
        svg,
        description,
        table: {
          head: [t.table.scale, t.table.estimate, t.table.ciLow, t.table.ciHigh, t.table.base],
          rows: rows.map((row, index) => [
            row.label,
            row.suppressed ? t.figure.suppressed : formatCell(row.estimate),
            formatCell(row.ciLow),
            formatCell(row.ciHigh),
            baseCell(entries[index]!.cell, minBase, t),
          ]),
        },
        notes: [],
      };
    },
  };
}
