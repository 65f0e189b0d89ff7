import type { Localized } from '@leakrisk/survey';
import { likertBars, type LikertItem } from '../../charts/likertBars.js';
import type { AnalysisResult } from '../../results/types.js';
import { primarySuppression } from '../disclosure.js';
import { isWholePopulation } from '../domains.js';
import { formatPercent } from '../format.js';
import { baseCell, baseRange, publishedBase } from './baseNote.js';
import { type CsvValue, type FigureInputs, type FigureSpec, WIDE } from './spec.js';

/**
 * Diverging bars of the answers to several statements with the same answer scale (the whole-population
 * rows of `distribution` analyses), one bar per statement.
 */
export function likertFigure(inputs: FigureInputs, id: string, topic: Localized, analyses: AnalysisResult[]): FigureSpec | undefined {
  const { labels, strings } = inputs;
  const usable = analyses.filter((a) => a.variable !== undefined && a.rows.some(isWholePopulation));
  if (usable.length === 0) return undefined;
  const first = usable[0]!.variable!;
  const levels =
    labels.levelOrder(first) ?? [...new Set(usable.flatMap((a) => a.rows.map((row) => row.level ?? '')))].filter(Boolean).sort((a, b) => Number(a) - Number(b));
  const items = usable.map((analysis) => {
    const rows = analysis.rows.filter(isWholePopulation);
    const n = rows.find((row) => typeof row.n === 'number')?.n ?? null;
    return {
      variable: analysis.variable!,
      cell: primarySuppression(n, inputs.minBase, true, inputs.sampleSize),
      byLevel: new Map(rows.map((row) => [row.level ?? '', row])),
    };
  });
  const csvRows: CsvValue[][] = [];
  for (const item of items) {
    for (const level of levels) {
      const row = item.cell.suppressed ? undefined : item.byLevel.get(level);
      csvRows.push([
        item.variable,
        labels.short(item.variable, 'en'),
        level,
        labels.level(item.variable, level, 'en'),
        row?.estimate ?? null,
        row?.ciLow ?? null,
        row?.ciHigh ?? null,
        publishedBase(item.cell),
        item.cell.suppressed,
      ]);
    }
  }
  return {
    id,
    kind: 'likert',
    analyses: usable.map((a) => a.id),
    title: labels.both((lang) => strings[lang].chart.likertTitle(topic[lang])),
    questions: items.map((item) => labels.both((lang) => labels.question(item.variable, lang))),
    base: baseRange(items.map((item) => item.cell)),
    hasSuppressed: items.some((item) => item.cell.suppressed),
    csv: { header: ['item', 'item_label', 'level', 'level_label', 'share', 'ci_low', 'ci_high', 'n', 'suppressed'], rows: csvRows },
    draw(document, lang, domId, layout = WIDE) {
      const t = strings[lang];
      const chartItems: LikertItem[] = items.map((item) => ({
        id: item.variable,
        label: labels.short(item.variable, lang),
        n: publishedBase(item.cell),
        suppressed: item.cell.suppressed,
        shares: levels.map((level) => (item.cell.suppressed ? null : (item.byLevel.get(level)?.estimate ?? null))),
      }));
      const levelLabels = levels.map((level) => ({ code: level, label: labels.level(first, level, lang) }));
      const agreement = (item: LikertItem) => item.shares.slice(Math.ceil(levels.length / 2)).reduce<number>((sum, share) => sum + (share ?? 0), 0);
      const top = chartItems
        .filter((item) => !item.suppressed)
        .reduce<LikertItem | undefined>((best, item) => (best === undefined || agreement(item) > agreement(best) ? item : best), undefined);
      const description = `${t.chart.likertDescription(chartItems.length, topic[lang])}${top ? ` ${t.chart.summaryHighest(top.label, formatPercent(agreement(top)))}` : ''}`;
      const svg = likertBars(
        document,
        { levels: levelLabels, items: chartItems },
        {
          id: domId,
          width: layout.width,
          title: t.chart.likertTitle(topic[lang]),
          description,
          rtl: lang === 'ur',
          format: (value) => formatPercent(value),
          suppressedLabel: t.figure.suppressed,
        },
      );
      return {
        svg,
        description,
        table: {
          head: [t.table.item, ...levelLabels.map((level) => level.label), t.table.base],
          rows: items.map((item, index) => [
            chartItems[index]!.label,
            ...chartItems[index]!.shares.map((share) => (item.cell.suppressed ? t.figure.suppressed : share === null ? '–' : formatPercent(share, 1))),
            baseCell(item.cell, inputs.minBase, t),
          ]),
        },
        notes: [],
      };
    },
  };
}
