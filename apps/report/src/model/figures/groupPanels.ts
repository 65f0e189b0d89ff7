import type { DotRow } from '../../charts/dotInterval.js';
import { smallMultiples } from '../../charts/smallMultiples.js';
import type { AnalysisResult, ResultRow } from '../../results/types.js';
import { formatCell, formatNumber } from '../format.js';
import { baseCell, baseRange, publishedBase } from './baseNote.js';
import { GROUP_CSV_HEADER, groupRowsCsv } from './byGroup.js';
import { groupEstimates, significantLevels } from './groupEstimates.js';
import { sortByOrder } from './levelOrder.js';
import { type FigureInputs, type FigureSpec, WIDE } from './spec.js';

/**
 * Small multiples: one panel per group of `byVariable`, each showing the means of several scores on
 * one shared axis (scores with the same range), so the groups' profiles compare at a glance.
 */
export function groupPanelsFigure(
  inputs: FigureInputs,
  id: string,
  analyses: AnalysisResult[],
  byVariable: string,
  overallOf: (variable: string) => ResultRow | undefined,
): FigureSpec | undefined {
  const { labels, strings, minBase } = inputs;
  const perScore = analyses.flatMap((analysis) => {
    const variable = analysis.variable;
    if (variable === undefined) return [];
    const cells = groupEstimates(inputs, analysis, byVariable, overallOf(variable) !== undefined);
    if (cells.length === 0) return [];
    return [{ analysis: analysis.id, variable, cells, marked: significantLevels(inputs, variable, byVariable, cells).marked }];
  });
  if (perScore.length < 2) return undefined;
  const groups = sortByOrder([...new Set(perScore.flatMap((score) => score.cells.map((cell) => cell.key)))], (key) => key, labels.levelOrder(byVariable));
  const range = labels.scaleRange(perScore[0]!.variable);
  return {
    id,
    kind: 'small-multiples',
    analyses: perScore.map((score) => score.analysis),
    title: labels.both((lang) => strings[lang].chart.panelsTitle(labels.short(byVariable, lang))),
    questions: perScore.map((score) => labels.both((lang) => labels.question(score.variable, lang))),
    base: baseRange(perScore.flatMap((score) => score.cells)),
    hasSuppressed: perScore.some((score) => score.cells.some((cell) => cell.suppressed)),
    csv: { header: GROUP_CSV_HEADER, rows: perScore.flatMap((score) => groupRowsCsv(score.variable, byVariable, score.cells, score.marked, inputs)) },
    draw(document, lang, domId, layout = WIDE) {
      const t = strings[lang];
      const panels = groups.map((group) => ({
        key: group,
        title: labels.level(byVariable, group, lang),
        rows: perScore.map((score): DotRow & { base: string } => {
          const cell = score.cells.find((c) => c.key === group);
          const shown = cell !== undefined && !cell.suppressed;
          return {
            label: labels.short(score.variable, lang),
            estimate: shown ? (cell.row.estimate ?? null) : null,
            ciLow: shown ? (cell.row.ciLow ?? null) : null,
            ciHigh: shown ? (cell.row.ciHigh ?? null) : null,
            n: cell ? publishedBase(cell) : null,
            suppressed: !shown,
            marked: score.marked.has(group),
            base: cell ? baseCell(cell, minBase, t) : '–',
          };
        }),
      }));
      const description = t.chart.panelsDescription(labels.short(byVariable, lang), panels.length, perScore.length);
      const svg = smallMultiples(
        document,
        { panels },
        {
          id: domId,
          width: layout.width,
          columns: layout.narrow ? 1 : 2,
          title: t.chart.panelsTitle(labels.short(byVariable, lang)),
          description,
          rtl: lang === 'ur',
          format: (v) => formatNumber(v, 1),
          suppressedLabel: t.figure.suppressed,
          markedLabel: t.figure.marked,
          ...(range ? { domain: range } : {}),
        },
      );
      return {
        svg,
        description,
        table: {
          head: [t.table.group, t.table.scale, t.table.estimate, t.table.ciLow, t.table.ciHigh, t.table.base],
          rows: panels.flatMap((panel) =>
            panel.rows.map((row) => [
              panel.title,
              row.label,
              row.suppressed ? t.figure.suppressed : formatCell(row.estimate),
              formatCell(row.ciLow),
              formatCell(row.ciHigh),
              row.base,
            ]),
          ),
        },
        notes: [],
      };
    },
  };
}
