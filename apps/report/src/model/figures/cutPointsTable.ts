import type { AnalysisResult } from '../../results/types.js';
import { isCutPoint } from '../cutPoints.js';
import { formatCell } from '../format.js';
import { outcomeOf } from '../modelWords.js';
import { parseCutPoint } from '../termNames.js';
import type { FigureInputs, FigureSpec } from './spec.js';
import { tableFigure } from './tableFigure.js';

/**
 * The cut points of an ordinal model (`svyolr`'s thresholds `"1|2"`, `"2|3"`, … on the latent scale)
 * as a table, each named by the two answers it separates. They locate the answer categories; they
 * are not findings, so they are not charted.
 */
export function cutPointsTable(inputs: FigureInputs, id: string, analysis: AnalysisResult): FigureSpec | undefined {
  const { labels, strings } = inputs;
  const outcome = outcomeOf(analysis) ?? analysis.id;
  const rows = analysis.rows.filter((row) => isCutPoint(analysis, row));
  if (rows.length === 0) return undefined;
  const levels = labels.levelOrder(outcome);
  const between = (term: string, lang: 'en' | 'ur') => {
    const pair = parseCutPoint(term, levels);
    return pair ? strings[lang].model.cutPoint(labels.level(outcome, pair[0], lang), labels.level(outcome, pair[1], lang)) : term;
  };
  return tableFigure({
    id,
    analyses: [analysis.id],
    title: labels.both((lang) => strings[lang].model.cutPointsTitle(labels.short(outcome, lang))),
    questions: [labels.both((lang) => labels.question(outcome, lang))],
    base: null,
    hasSuppressed: false,
    csv: {
      header: ['term', 'between', 'estimate', 'se'],
      rows: rows.map((row) => [row.term!, between(row.term!, 'en'), row.estimate ?? null, row.se ?? null]),
    },
    head: (lang) => [strings[lang].model.cutPointHeading, strings[lang].model.threshold, strings[lang].model.se],
    rows: (lang) => rows.map((row) => [between(row.term!, lang), formatCell(row.estimate), formatCell(row.se)]),
    description: (lang) => strings[lang].model.cutPointsDescription(rows.length),
  });
}
