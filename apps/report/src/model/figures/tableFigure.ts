import type { Lang } from '../../i18n/index.js';
import type { FigureSpec } from './spec.js';

/**
 * A figure that is a table of numbers (no chart): estimates a chart would not help with (totals,
 * ratios, estimates by two groupings) and model cut points. It carries a caption and a CSV like a chart.
 */
export function tableFigure(
  table: Omit<FigureSpec, 'kind' | 'draw'> & {
    head: (lang: Lang) => string[];
    rows: (lang: Lang) => string[][];
    description: (lang: Lang) => string;
    notes?: (lang: Lang) => string[];
  },
): FigureSpec {
  const { head, rows, description, notes, ...spec } = table;
  return {
    ...spec,
    kind: 'table',
    draw: (_document, lang) => ({ svg: null, description: description(lang), table: { head: head(lang), rows: rows(lang) }, notes: notes?.(lang) ?? [] }),
  };
}
