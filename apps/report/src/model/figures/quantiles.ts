import { scoreDistribution } from '../../charts/scoreDistribution.js';
import type { AnalysisResult } from '../../results/types.js';
import { primarySuppression } from '../disclosure.js';
import { isWholePopulation } from '../domains.js';
import { formatCell, formatNumber } from '../format.js';
import { baseRange, publishedBase } from './baseNote.js';
import { type FigureInputs, type FigureSpec, WIDE } from './spec.js';

/** The distribution of a score or amount from a `quantile` analysis (its whole-population rows). */
export function quantileFigure(inputs: FigureInputs, id: string, analysis: AnalysisResult): FigureSpec | undefined {
  const { labels, strings } = inputs;
  const variable = analysis.variable ?? analysis.id;
  const rows = analysis.rows.filter((row) => isWholePopulation(row) && row.probability !== undefined && row.estimate !== null && row.estimate !== undefined);
  if (rows.length === 0) return undefined;
  const cell = primarySuppression(rows[0]!.n, inputs.minBase, true, inputs.sampleSize);
  const range = labels.scaleRange(variable);
  return {
    id,
    kind: 'score-distribution',
    analyses: [analysis.id],
    title: labels.both((lang) => strings[lang].chart.distributionTitle(labels.short(variable, lang))),
    questions: [labels.both((lang) => labels.question(variable, lang))],
    base: baseRange([cell]),
    hasSuppressed: cell.suppressed,
    csv: {
      header: ['variable', 'probability', 'estimate', 'ci_low', 'ci_high', 'n', 'suppressed'],
      rows: rows.map((row) => [
        variable,
        row.probability!,
        cell.suppressed ? null : row.estimate!,
        cell.suppressed ? null : (row.ciLow ?? null),
        cell.suppressed ? null : (row.ciHigh ?? null),
        publishedBase(cell),
        cell.suppressed,
      ]),
    },
    draw(document, lang, domId, layout = WIDE) {
      const t = strings[lang];
      const scale = labels.short(variable, lang);
      const description = t.chart.distributionDescription(scale);
      const quantiles = cell.suppressed
        ? []
        : rows.map((row) => ({ probability: row.probability!, estimate: row.estimate!, ciLow: row.ciLow ?? null, ciHigh: row.ciHigh ?? null }));
      const svg = scoreDistribution(
        document,
        { kind: 'quantiles', quantiles, ...(range ? { min: range[0], max: range[1] } : {}) },
        {
          id: domId,
          width: layout.width,
          title: t.chart.distributionTitle(scale),
          description,
          rtl: lang === 'ur',
          format: (v) => formatNumber(v),
          quantileLabel: t.chart.quantileLabel,
          suppressedLabel: t.figure.suppressed,
          axisLabel: range ? t.chart.scoreAxis(scale, String(range[0]), String(range[1])) : scale,
        },
      );
      return {
        svg,
        description,
        table: {
          head: [t.table.quantile, t.table.estimate, t.table.ciLow, t.table.ciHigh],
          rows: rows.map((row) => [
            t.chart.quantileLabel(row.probability!),
            cell.suppressed ? t.figure.suppressed : formatCell(row.estimate),
            cell.suppressed ? '–' : formatCell(row.ciLow),
            cell.suppressed ? '–' : formatCell(row.ciHigh),
          ]),
        },
        notes: [],
      };
    },
  };
}
