import type { Localized } from '@leakrisk/survey';
import type { AnalysisResult, ResultRow } from '../results/types.js';
import { byList, isDomainOf, isWholePopulation } from './domains.js';
import { byGroupFigure } from './figures/byGroup.js';
import { coefficientFigure } from './figures/coefficients.js';
import { cutPointsTable } from './figures/cutPointsTable.js';
import { estimatesTable } from './figures/estimatesTable.js';
import { likertFigure } from './figures/likert.js';
import { meansFigure } from './figures/means.js';
import { quantileFigure } from './figures/quantiles.js';
import { type ShareEntry, sharesFigure } from './figures/shares.js';
import type { FigureInputs, FigureSpec } from './figures/spec.js';

/** The figures of one topic page, by the block of the page they go in. */
export interface SectionFigures {
  scores: string[];
  answers: string[];
  groups: string[];
  models: string[];
  estimates: string[];
}

/** Every figure of the report by id, with ids made unique as figures are added. */
export class FigureSet {
  readonly figures = new Map<string, FigureSpec>();

  /** Adds a figure (if any) under a free id based on its own, and returns the ids added. */
  add(figure: FigureSpec | undefined): string[] {
    if (!figure) return [];
    let id = figure.id.replace(/[^A-Za-z0-9_-]/g, '-');
    for (let k = 2; this.figures.has(id); k += 1) id = `${figure.id}-${k}`;
    this.figures.set(id, { ...figure, id });
    return [id];
  }
}

/** A key for "measured on the same range": scale scores from 1 to 5 share an axis. */
function rangeKey(variable: string, inputs: FigureInputs): string | undefined {
  const range = inputs.labels.scaleRange(variable);
  return range ? `${range[0]}-${range[1]}` : undefined;
}

/** Whether a distribution is of an agreement-style answer scale (diverging bars) rather than categories. */
function isLikert(analysis: AnalysisResult, inputs: FigureInputs): boolean {
  const type = inputs.labels.typeOf(analysis.variable ?? '');
  if (type !== undefined) return type === 'likert';
  const levels = analysis.rows.filter(isWholePopulation).map((row) => row.level ?? '');
  return levels.length >= 3 && levels.every((level) => /^-?\d+$/.test(level));
}

/** Groups items by a key, keeping first-appearance order of keys and items. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

/**
 * The figures of one section: means of scores on their range's axis, quantiles; the answers
 * (diverging bars of agreement items, bars of categories, shares); each mean and proportion by each
 * shown grouping; the models (coefficients, and an ordinal model's cut points); and a table of every
 * other estimate (totals, ratios, means without a range, estimates by two groupings, distributions and
 * quantiles by group). Every analysis of the section appears in one of them.
 */
export function sectionFigures(
  inputs: FigureInputs,
  set: FigureSet,
  section: { id: string; title: Localized },
  analyses: AnalysisResult[],
  groupings: readonly string[],
  overallOf: (variable: string) => ResultRow | undefined,
  onGroupFigure: (by: string, ids: string[]) => void,
): SectionFigures {
  const { labels, strings } = inputs;
  const tableParts: { analysis: AnalysisResult; rows: ResultRow[] }[] = [];
  const wholeMeans = analyses.filter((a) => a.type === 'mean' && a.variable !== undefined && a.rows.some(isWholePopulation));
  const seenMeans = new Set<string>();
  const meansByRange = groupBy(
    wholeMeans.filter((a) => {
      if (seenMeans.has(a.variable!) || rangeKey(a.variable!, inputs) === undefined) return false;
      seenMeans.add(a.variable!);
      return true;
    }),
    (a) => rangeKey(a.variable!, inputs)!,
  );
  const scores = [
    ...meansByRange.flatMap((group, index) =>
      set.add(
        meansFigure(
          inputs,
          `mean-${section.id}${index === 0 ? '' : `-${index + 1}`}`,
          labels.both((lang) => strings[lang].chart.meansTitle(section.title[lang])),
          group,
        ),
      ),
    ),
    ...analyses.filter((a) => a.type === 'quantile').flatMap((a) => set.add(quantileFigure(inputs, `dist-${a.id}`, a))),
  ];
  for (const a of wholeMeans) {
    if (rangeKey(a.variable!, inputs) === undefined || !meansByRange.some((group) => group.includes(a)))
      tableParts.push({ analysis: a, rows: a.rows.filter(isWholePopulation) });
  }

  const distributions = analyses.filter((a) => a.type === 'distribution' && a.variable !== undefined && a.rows.some(isWholePopulation));
  const likert = distributions.filter((a) => isLikert(a, inputs));
  const likertGroups = groupBy(likert, (a) => (labels.levelOrder(a.variable!) ?? []).join('|'));
  const proportions = analyses.filter((a) => a.type === 'proportion' && a.variable !== undefined && a.rows.some(isWholePopulation));
  const knowledgeOnly = proportions.length > 0 && proportions.every((a) => labels.typeOf(a.variable!) === 'knowledge');
  const answers = [
    ...likertGroups.flatMap((group, index) => set.add(likertFigure(inputs, `likert-${section.id}${index === 0 ? '' : `-${index + 1}`}`, section.title, group))),
    ...distributions
      .filter((a) => !likert.includes(a))
      .flatMap((a) => {
        const variable = a.variable!;
        const entries: ShareEntry[] = a.rows.filter(isWholePopulation).map((row) => ({
          analysis: a.id,
          variable,
          level: row.level ?? null,
          label: (lang) => labels.level(variable, row.level ?? '', lang),
          row,
        }));
        return set.add(
          sharesFigure(
            inputs,
            `answers-${a.id}`,
            labels.both((lang) => strings[lang].chart.answersTitle(labels.short(variable, lang))),
            [labels.both((lang) => labels.question(variable, lang))],
            entries,
            false,
          ),
        );
      }),
    ...set.add(
      sharesFigure(
        inputs,
        `shares-${section.id}`,
        labels.both((lang) => (knowledgeOnly ? strings[lang].chart.knowledgeTitle(section.title[lang]) : strings[lang].chart.sharesTitle(section.title[lang]))),
        proportions.map((a) => labels.both((lang) => labels.question(a.variable!, lang))),
        proportions.map((a) => ({
          analysis: a.id,
          variable: a.variable!,
          level: a.level ?? null,
          label: (lang) => labels.short(a.variable!, lang),
          row: a.rows.find(isWholePopulation)!,
        })),
        knowledgeOnly,
      ),
    ),
  ];

  const groups: string[] = [];
  for (const analysis of analyses) {
    const by = byList(analysis);
    if (by.length === 0) continue;
    const oneWay = (analysis.type === 'mean' || analysis.type === 'proportion') && analysis.variable !== undefined;
    for (const variable of by.filter((b) => groupings.includes(b))) {
      if (!oneWay) continue;
      const ids = set.add(byGroupFigure(inputs, `by-${analysis.variable}-${variable}`, analysis, variable, overallOf(analysis.variable!)));
      groups.push(...ids);
      if (ids.length > 0) onGroupFigure(variable, ids);
    }
    // Rows by two or more groupings, and distributions or quantiles by group, go to the estimates table.
    const otherDomains = analysis.rows.filter(
      (row) => !isWholePopulation(row) && Object.keys(row.domain!).every((key) => groupings.includes(key)) && !(oneWay && by.some((b) => isDomainOf(row, b))),
    );
    if (otherDomains.length > 0 && analysis.type !== 'total' && analysis.type !== 'ratio') tableParts.push({ analysis, rows: otherDomains });
  }
  for (const analysis of analyses.filter((a) => a.type === 'total' || a.type === 'ratio')) {
    tableParts.push({
      analysis,
      rows: analysis.rows.filter((row) => isWholePopulation(row) || Object.keys(row.domain!).every((key) => groupings.includes(key))),
    });
  }

  const models = analyses
    .filter((a) => a.type === 'glm' || a.type === 'ordinal')
    .flatMap((a) => [
      ...set.add(coefficientFigure(inputs, `coef-${a.id}`, a)),
      ...(a.type === 'ordinal' ? set.add(cutPointsTable(inputs, `cuts-${a.id}`, a)) : []),
    ]);

  const estimates = set.add(
    estimatesTable(
      inputs,
      `estimates-${section.id}`,
      labels.both((lang) => strings[lang].estimates.title(section.title[lang])),
      tableParts,
    ),
  );
  return { scores, answers, groups, models, estimates };
}
