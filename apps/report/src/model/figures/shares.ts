import type { Localized } from '@leakrisk/survey';
import { awarenessBars } from '../../charts/awarenessBars.js';
import type { Lang } from '../../i18n/index.js';
import type { ResultRow } from '../../results/types.js';
import { primarySuppression } from '../disclosure.js';
import { formatPercent } from '../format.js';
import { baseCell, baseRange, publishedBase } from './baseNote.js';
import { type FigureInputs, type FigureSpec, WIDE } from './spec.js';

/** One bar: a whole-population share (a `proportion` row, or one level of a `distribution`). */
export interface ShareEntry {
  analysis: string;
  variable: string;
  level: string | null;
  label: (lang: Lang) => string;
  row: ResultRow;
}

/**
 * Bars of whole-population shares with their 95% CIs: the proportions of a topic (the share answering
 * each knowledge question correctly, when `correctAnswers`), or the answers to one categorical question.
 */
export function sharesFigure(
  inputs: FigureInputs,
  id: string,
  title: Localized,
  questions: Localized[],
  entries: ShareEntry[],
  correctAnswers: boolean,
): FigureSpec | undefined {
  const { strings, minBase } = inputs;
  if (entries.length === 0) return undefined;
  const cells = entries.map((entry) => ({ entry, cell: primarySuppression(entry.row.n, minBase, true, inputs.sampleSize) }));
  const shown = (index: number, value: number | null | undefined) => (cells[index]!.cell.suppressed ? null : (value ?? null));
  return {
    id,
    kind: 'awareness',
    analyses: [...new Set(entries.map((entry) => entry.analysis))],
    title,
    questions,
    base: baseRange(cells.map(({ cell }) => cell)),
    hasSuppressed: cells.some(({ cell }) => cell.suppressed),
    csv: {
      header: ['variable', 'label', 'level', 'share', 'ci_low', 'ci_high', 'n', 'suppressed'],
      rows: cells.map(({ entry, cell }, index) => [
        entry.variable,
        entry.label('en'),
        entry.level,
        shown(index, entry.row.estimate),
        shown(index, entry.row.ciLow),
        shown(index, entry.row.ciHigh),
        publishedBase(cell),
        cell.suppressed,
      ]),
    },
    draw(document, lang, domId, layout = WIDE) {
      const t = strings[lang];
      const rows = cells.map(({ entry, cell }, index) => ({
        label: entry.label(lang),
        estimate: shown(index, entry.row.estimate),
        ciLow: shown(index, entry.row.ciLow),
        ciHigh: shown(index, entry.row.ciHigh),
        n: publishedBase(cell),
        suppressed: cell.suppressed,
      }));
      const low = rows
        .filter((row) => row.estimate !== null)
        .reduce<(typeof rows)[number] | undefined>((best, row) => (best === undefined || row.estimate! < best.estimate! ? row : best), undefined);
      const description = `${correctAnswers ? t.chart.knowledgeDescription(rows.length) : t.chart.sharesDescription(rows.length)}${low ? ` ${t.chart.summaryLowest(low.label, formatPercent(low.estimate!))}` : ''}`;
      const svg = awarenessBars(
        document,
        { rows },
        {
          id: domId,
          width: layout.width,
          title: title[lang],
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
          head: [t.table.item, t.table.share, t.table.ciLow, t.table.ciHigh, t.table.base],
          rows: rows.map((row, index) => [
            row.label,
            row.suppressed ? t.figure.suppressed : row.estimate === null ? '–' : formatPercent(row.estimate, 1),
            row.ciLow === null ? '–' : formatPercent(row.ciLow, 1),
            row.ciHigh === null ? '–' : formatPercent(row.ciHigh, 1),
            baseCell(cells[index]!.cell, minBase, t),
          ]),
        },
        notes: [],
      };
    },
  };
}
