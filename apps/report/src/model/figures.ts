import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Localized } from '@leakrisk/survey';
import { awarenessBars } from '../charts/awarenessBars.js';
import { coefficientPlot } from '../charts/coefficientPlot.js';
import { dotInterval, type DotRow } from '../charts/dotInterval.js';
import { likertBars, type LikertItem } from '../charts/likertBars.js';
import { scoreDistribution } from '../charts/scoreDistribution.js';
import { smallMultiples } from '../charts/smallMultiples.js';
import type { Lang, Strings } from '../i18n/index.js';
import type { AnalysisResult, Domain, ResultRow } from '../results/types.js';
import { primarySuppression, protectGroups, type ProtectedCell } from './disclosure.js';
import { formatCell, formatCount, formatNumber, formatP, formatPRelation, formatPercent } from './format.js';
import type { Labels } from './labels.js';
import { isSignificant, type TestEntry } from './tests.js';

export type CsvValue = string | number | boolean | null;

/** A figure drawn in one language: the SVG, its text description, data table and notes (HTML). */
export interface DrawnFigure {
  svg: SVGSVGElement;
  description: string;
  table: { head: string[]; rows: string[][] };
  /** Extra caption notes, HTML-escaped already. */
  notes: string[];
}

/** A figure of the report, independent of language until drawn. */
export interface FigureSpec {
  id: string;
  kind: 'likert' | 'dot-interval' | 'small-multiples' | 'awareness' | 'coefficients' | 'score-distribution';
  section: string;
  title: Localized;
  /** Question wording shown in the caption (one line per question). */
  questions: Localized[];
  /** Smallest and largest unweighted base of the estimates plotted. */
  base: { min: number; max: number } | null;
  /** A regression's base: the rows of the analysed file (its own n is not in the results). */
  modelBase?: number | null;
  /** Reliability and regression figures say how they were computed instead of the weighting note. */
  weighted: boolean;
  /** Whether any estimate is suppressed (adds the suppression note). */
  hasSuppressed: boolean;
  /** Exactly the numbers plotted (suppressed estimates empty). */
  csv: { header: string[]; rows: CsvValue[][] };
  /** Draws the figure; `layout` picks the wide (default) or the narrow, phone-sized drawing. */
  draw(document: Document, lang: Lang, domId: string, layout?: ChartLayout): DrawnFigure;
}

/** Drawing width: every chart is drawn wide (640) for screens and print, and narrow (360) for phones. */
export interface ChartLayout {
  width: number;
  narrow: boolean;
}

export const WIDE: ChartLayout = { width: 640, narrow: false };
export const NARROW: ChartLayout = { width: 360, narrow: true };

export interface FigureContext {
  labels: Labels;
  strings: Record<Lang, Strings>;
  minBase: number;
  /** Rows of the analysed file: the base of whole-population rows that carry no `n`. */
  sampleSize: number | null;
  designDf: number | null;
  tests: TestEntry[];
}

const isWhole = (domain: Domain | undefined) => domain === undefined || Object.keys(domain).length === 0;

function baseRange(ns: (number | null)[]): { min: number; max: number } | null {
  const values = ns.filter((n): n is number => n !== null);
  return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
}

function sortByOrder<T>(items: T[], key: (item: T) => string, order: string[] | undefined): T[] {
  if (!order) return items;
  const rank = (value: string) => {
    const index = order.indexOf(value);
    return index === -1 ? order.length : index;
  };
  return [...items].sort((a, b) => rank(key(a)) - rank(key(b)));
}

const percentFormat = (value: number) => formatPercent(value);
const suppressedLabel = (t: Strings) => t.figure.suppressed;

/** Diverging Likert bars for the distribution analyses of one section (whole-population rows). */
export function likertFigure(ctx: FigureContext, id: string, section: string, analyses: AnalysisResult[]): FigureSpec | undefined {
  const usable = analyses.filter((a) => a.variable !== undefined && a.rows.some((row) => isWhole(row.domain)));
  if (usable.length === 0) return undefined;
  const first = usable[0]!.variable!;
  const codebookLevels = ctx.labels.levelOrder(first);
  const levels =
    codebookLevels ?? [...new Set(usable.flatMap((a) => a.rows.map((row) => row.level ?? '')))].filter(Boolean).sort((a, b) => Number(a) - Number(b));
  const items = usable.map((analysis) => {
    const rows = analysis.rows.filter((row) => isWhole(row.domain));
    const n = rows.find((row) => row.n !== undefined && row.n !== null)?.n ?? null;
    const cell = primarySuppression(n, ctx.minBase, true, ctx.sampleSize);
    const byLevel = new Map(rows.map((row) => [row.level ?? '', row]));
    return { variable: analysis.variable!, cell, byLevel };
  });
  const csvRows: CsvValue[][] = [];
  for (const item of items) {
    for (const level of levels) {
      const row = item.byLevel.get(level);
      const shown = !item.cell.suppressed && row !== undefined;
      csvRows.push([
        item.variable,
        ctx.labels.short(item.variable, 'en'),
        level,
        ctx.labels.level(item.variable, level, 'en'),
        shown ? (row.estimate ?? null) : null,
        shown ? (row.ciLow ?? null) : null,
        shown ? (row.ciHigh ?? null) : null,
        item.cell.n,
        item.cell.suppressed,
      ]);
    }
  }
  return {
    id,
    kind: 'likert',
    section,
    title: ctx.labels.both((lang) => ctx.strings[lang].chart.likertTitle(ctx.labels.sectionTitle(section, lang))),
    questions: items.map((item) => ctx.labels.both((lang) => ctx.labels.question(item.variable, lang))),
    base: baseRange(items.map((item) => item.cell.n)),
    weighted: true,
    hasSuppressed: items.some((item) => item.cell.suppressed),
    csv: { header: ['item', 'item_label', 'level', 'level_label', 'share', 'ci_low', 'ci_high', 'n', 'suppressed'], rows: csvRows },
    draw(document, lang, domId, layout = WIDE) {
      const t = ctx.strings[lang];
      const chartItems: LikertItem[] = items.map((item) => ({
        id: item.variable,
        label: ctx.labels.short(item.variable, lang),
        n: item.cell.n,
        suppressed: item.cell.suppressed,
        shares: levels.map((level) => (item.cell.suppressed ? null : (item.byLevel.get(level)?.estimate ?? null))),
      }));
      const levelLabels = levels.map((level) => ({ code: level, label: ctx.labels.level(first, level, lang) }));
      const sectionTitle = ctx.labels.sectionTitle(section, lang);
      const agreement = (item: LikertItem) => item.shares.slice(Math.ceil(levels.length / 2)).reduce<number>((sum, share) => sum + (share ?? 0), 0);
      const shown = chartItems.filter((item) => !item.suppressed);
      const top = shown.reduce<LikertItem | undefined>((best, item) => (best === undefined || agreement(item) > agreement(best) ? item : best), undefined);
      const description = `${t.chart.likertDescription(chartItems.length, sectionTitle)}${top ? ` ${t.chart.summaryHighest(top.label, formatPercent(agreement(top)))}` : ''}`;
      const title = t.chart.likertTitle(sectionTitle);
      const svg = likertBars(
        document,
        { levels: levelLabels, items: chartItems },
        {
          id: domId,
          width: layout.width,
          title,
          description,
          rtl: lang === 'ur',
          format: percentFormat,
          suppressedLabel: suppressedLabel(t),
        },
      );
      return {
        svg,
        description,
        table: {
          head: [t.table.item, ...levelLabels.map((level) => level.label), t.table.base],
          rows: chartItems.map((item) => [
            item.label,
            ...item.shares.map((share) => (item.suppressed ? t.figure.suppressed : share === null ? '–' : formatPercent(share, 1))),
            item.n === null ? '–' : formatCount(item.n),
          ]),
        },
        notes: [],
      };
    },
  };
}

interface GroupEstimate extends ProtectedCell {
  key: string;
  /** Level code per grouping variable. */
  domain: Domain;
  row: ResultRow;
}

/** Estimates of one analysis by one grouping variable, with primary and secondary suppression. */
export function groupEstimates(ctx: FigureContext, analysis: AnalysisResult, byVariable: string, marginPublished: boolean): GroupEstimate[] {
  const rows = analysis.rows.filter((row) => row.domain !== undefined && Object.keys(row.domain).length === 1 && row.domain[byVariable] !== undefined);
  const cells = rows.map((row) => ({
    key: row.domain![byVariable]!,
    domain: row.domain!,
    row,
    ...primarySuppression(row.n, ctx.minBase, false, ctx.sampleSize),
  }));
  return sortByOrder(protectGroups(cells, ctx.minBase, marginPublished), (cell) => cell.key, ctx.labels.levelOrder(byVariable));
}

/** Tests of `variable` by `byVariable` that are significant after BH, and the levels they involve. */
function significantLevels(
  ctx: FigureContext,
  variable: string,
  byVariable: string,
  levels: string[],
): { marked: Set<string>; tests: TestEntry[]; tested: boolean } {
  const tests = ctx.tests.filter((test) => (test.type === 'contrast' || test.type === 'ttest') && test.variable === variable && test.by === byVariable);
  const marked = new Set<string>();
  const significant = tests.filter((test) => isSignificant(test));
  for (const test of significant) {
    const involved = test.levels ?? (levels.length === 2 ? levels : []);
    for (const level of involved) marked.add(level);
  }
  return { marked, tests: significant, tested: tests.length > 0 };
}

function dotRowsCsv(variable: string, byVariable: string, cells: GroupEstimate[], marked: Set<string>, labels: Labels): CsvValue[][] {
  return cells.map((cell) => [
    variable,
    byVariable,
    cell.key,
    labels.level(byVariable, cell.key, 'en'),
    cell.suppressed ? null : (cell.row.estimate ?? null),
    cell.suppressed ? null : (cell.row.ciLow ?? null),
    cell.suppressed ? null : (cell.row.ciHigh ?? null),
    cell.n,
    cell.suppressed,
    marked.has(cell.key),
  ]);
}

/** Dot-and-interval plot of a mean (or proportion) by one grouping variable, BH-significant groups marked. */
export function byGroupFigure(
  ctx: FigureContext,
  id: string,
  section: string,
  analysis: AnalysisResult,
  byVariable: string,
  overall: ResultRow | undefined,
): FigureSpec | undefined {
  const variable = analysis.variable;
  if (variable === undefined) return undefined;
  const overallShown = overall !== undefined && overall.estimate !== null && overall.estimate !== undefined;
  const cells = groupEstimates(ctx, analysis, byVariable, overallShown);
  if (cells.length === 0) return undefined;
  const { marked, tests, tested } = significantLevels(
    ctx,
    variable,
    byVariable,
    cells.map((cell) => cell.key),
  );
  const isProportion = analysis.type === 'proportion';
  const format = isProportion ? percentFormat : (value: number) => formatNumber(value);
  const range = ctx.labels.scaleRange(variable);
  return {
    id,
    kind: 'dot-interval',
    section,
    title: ctx.labels.both((lang) => ctx.strings[lang].chart.byTitle(ctx.labels.short(variable, lang), ctx.labels.short(byVariable, lang))),
    questions: [ctx.labels.both((lang) => ctx.labels.question(variable, lang))],
    base: baseRange(cells.map((cell) => cell.n)),
    weighted: true,
    hasSuppressed: cells.some((cell) => cell.suppressed),
    csv: {
      header: ['variable', 'group_variable', 'group', 'group_label', 'estimate', 'ci_low', 'ci_high', 'n', 'suppressed', 'significant_bh'],
      rows: dotRowsCsv(variable, byVariable, cells, marked, ctx.labels),
    },
    draw(document, lang, domId, layout = WIDE) {
      const t = ctx.strings[lang];
      const scale = ctx.labels.short(variable, lang);
      const group = ctx.labels.short(byVariable, lang);
      const rows: DotRow[] = cells.map((cell) => ({
        label: ctx.labels.level(byVariable, cell.key, lang),
        estimate: cell.suppressed ? null : (cell.row.estimate ?? null),
        ciLow: cell.suppressed ? null : (cell.row.ciLow ?? null),
        ciHigh: cell.suppressed ? null : (cell.row.ciHigh ?? null),
        n: cell.n,
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
      const title = t.chart.byTitle(scale, group);
      const svg = dotInterval(
        document,
        {
          rows,
          ...(overallShown ? { reference: { value: overall!.estimate!, label: t.chart.overall } } : {}),
        },
        {
          id: domId,
          width: layout.width,
          title,
          description,
          rtl: lang === 'ur',
          format,
          suppressedLabel: t.figure.suppressed,
          markedLabel: t.figure.marked,
          ...(isProportion ? {} : { axisLabel: range ? t.chart.meanAxis(String(range[0]), String(range[1])) : t.table.estimate }),
        },
      );
      const notes =
        tests.length > 0
          ? tests.map((test) =>
              t.figure.markedNote(
                `${(test.levels ?? cells.map((cell) => cell.key)).map((level) => ctx.labels.level(byVariable, level, lang)).join(' / ')}: p (BH) ${formatPRelation(test.pAdjusted)}`,
              ),
            )
          : tested
            ? []
            : [t.figure.noTest];
      return {
        svg,
        description,
        table: {
          head: [t.table.group, t.table.estimate, t.table.ciLow, t.table.ciHigh, t.table.base, t.table.significant],
          rows: rows.map((row) => [
            row.label,
            row.suppressed ? t.figure.suppressed : row.estimate === null ? '–' : format(row.estimate),
            row.ciLow === null ? '–' : format(row.ciLow),
            row.ciHigh === null ? '–' : format(row.ciHigh),
            row.n === null ? '–' : formatCount(row.n),
            row.marked ? t.table.yes : t.table.no,
          ]),
        },
        notes,
      };
    },
  };
}

/** Small multiples: one panel per province, the whole-population means of several scales in each. */
export function provinceFigure(
  ctx: FigureContext,
  id: string,
  analyses: AnalysisResult[],
  overallOf: (variable: string) => ResultRow | undefined,
  byVariable = 'province',
): FigureSpec | undefined {
  const perScale = analyses.flatMap((analysis) => {
    const variable = analysis.variable;
    if (variable === undefined) return [];
    const cells = groupEstimates(ctx, analysis, byVariable, overallOf(variable) !== undefined);
    if (cells.length === 0) return [];
    return [
      {
        variable,
        cells,
        marked: significantLevels(
          ctx,
          variable,
          byVariable,
          cells.map((cell) => cell.key),
        ).marked,
      },
    ];
  });
  if (perScale.length === 0) return undefined;
  const provinces = sortByOrder(
    [...new Set(perScale.flatMap((scale) => scale.cells.map((cell) => cell.key)))],
    (key) => key,
    ctx.labels.levelOrder(byVariable),
  );
  const csvRows = perScale.flatMap((scale) => dotRowsCsv(scale.variable, byVariable, scale.cells, scale.marked, ctx.labels));
  return {
    id,
    kind: 'small-multiples',
    section: 'subgroups',
    title: ctx.labels.both((lang) => ctx.strings[lang].chart.provinceTitle),
    questions: perScale.map((scale) => ctx.labels.both((lang) => ctx.labels.question(scale.variable, lang))),
    base: baseRange(perScale.flatMap((scale) => scale.cells.map((cell) => cell.n))),
    weighted: true,
    hasSuppressed: perScale.some((scale) => scale.cells.some((cell) => cell.suppressed)),
    csv: {
      header: ['variable', 'group_variable', 'group', 'group_label', 'estimate', 'ci_low', 'ci_high', 'n', 'suppressed', 'significant_bh'],
      rows: csvRows,
    },
    draw(document, lang, domId, layout = WIDE) {
      const t = ctx.strings[lang];
      const panels = provinces.map((province) => ({
        title: ctx.labels.level(byVariable, province, lang),
        rows: perScale.map((scale): DotRow => {
          const cell = scale.cells.find((c) => c.key === province);
          const shown = cell !== undefined && !cell.suppressed;
          return {
            label: ctx.labels.short(scale.variable, lang),
            estimate: shown ? (cell.row.estimate ?? null) : null,
            ciLow: shown ? (cell.row.ciLow ?? null) : null,
            ciHigh: shown ? (cell.row.ciHigh ?? null) : null,
            n: cell?.n ?? null,
            suppressed: !shown,
            marked: scale.marked.has(province),
          };
        }),
      }));
      const description = t.chart.provinceDescription(perScale.length);
      const svg = smallMultiples(
        document,
        { panels },
        {
          id: domId,
          width: layout.width,
          columns: layout.narrow ? 1 : 2,
          title: t.chart.provinceTitle,
          description,
          rtl: lang === 'ur',
          format: (v) => formatNumber(v, 1),
          suppressedLabel: t.figure.suppressed,
          markedLabel: t.figure.marked,
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
              row.n === null ? '–' : formatCount(row.n),
            ]),
          ),
        },
        notes: [],
      };
    },
  };
}

/** Dot-and-interval of the whole-population means of several scales. */
export function scaleMeansFigure(ctx: FigureContext, id: string, analyses: AnalysisResult[]): FigureSpec | undefined {
  const entries = analyses.flatMap((analysis) => {
    const row = analysis.rows.find((r) => isWhole(r.domain));
    if (!row || analysis.variable === undefined) return [];
    return [{ variable: analysis.variable, row, cell: primarySuppression(row.n, ctx.minBase, true, ctx.sampleSize) }];
  });
  if (entries.length === 0) return undefined;
  return {
    id,
    kind: 'dot-interval',
    section: 'overview',
    title: ctx.labels.both((lang) => ctx.strings[lang].chart.meansTitle),
    questions: entries.map((entry) => ctx.labels.both((lang) => ctx.labels.question(entry.variable, lang))),
    base: baseRange(entries.map((entry) => entry.cell.n)),
    weighted: true,
    hasSuppressed: entries.some((entry) => entry.cell.suppressed),
    csv: {
      header: ['variable', 'label', 'estimate', 'ci_low', 'ci_high', 'n', 'suppressed'],
      rows: entries.map((entry) => [
        entry.variable,
        ctx.labels.short(entry.variable, 'en'),
        entry.cell.suppressed ? null : (entry.row.estimate ?? null),
        entry.cell.suppressed ? null : (entry.row.ciLow ?? null),
        entry.cell.suppressed ? null : (entry.row.ciHigh ?? null),
        entry.cell.n,
        entry.cell.suppressed,
      ]),
    },
    draw(document, lang, domId, layout = WIDE) {
      const t = ctx.strings[lang];
      const rows: DotRow[] = entries.map((entry) => ({
        label: ctx.labels.short(entry.variable, lang),
        estimate: entry.cell.suppressed ? null : (entry.row.estimate ?? null),
        ciLow: entry.cell.suppressed ? null : (entry.row.ciLow ?? null),
        ciHigh: entry.cell.suppressed ? null : (entry.row.ciHigh ?? null),
        n: entry.cell.n,
        suppressed: entry.cell.suppressed,
      }));
      const description = t.chart.meansDescription(rows.length);
      const range = ctx.labels.scaleRange(entries[0]!.variable);
      const svg = dotInterval(
        document,
        { rows },
        {
          id: domId,
          width: layout.width,
          title: t.chart.meansTitle,
          description,
          rtl: lang === 'ur',
          format: (v) => formatNumber(v),
          suppressedLabel: t.figure.suppressed,
          ...(range ? { domain: range, axisLabel: t.chart.meanAxis(String(range[0]), String(range[1])) } : {}),
        },
      );
      return {
        svg,
        description,
        table: {
          head: [t.table.scale, t.table.estimate, t.table.ciLow, t.table.ciHigh, t.table.base],
          rows: rows.map((row) => [
            row.label,
            row.suppressed ? t.figure.suppressed : formatCell(row.estimate),
            formatCell(row.ciLow),
            formatCell(row.ciHigh),
            row.n === null ? '–' : formatCount(row.n),
          ]),
        },
        notes: [],
      };
    },
  };
}

/** Bars of the share answering each knowledge item correctly (whole-population proportion rows). */
export function knowledgeFigure(ctx: FigureContext, id: string, section: string, analyses: AnalysisResult[]): FigureSpec | undefined {
  const entries = analyses.flatMap((analysis) => {
    const row = analysis.rows.find((r) => isWhole(r.domain));
    if (!row || analysis.variable === undefined) return [];
    return [{ variable: analysis.variable, level: analysis.level, row, cell: primarySuppression(row.n, ctx.minBase, true, ctx.sampleSize) }];
  });
  if (entries.length === 0) return undefined;
  const shownValue = (entry: (typeof entries)[number], value: number | null | undefined) => (entry.cell.suppressed ? null : (value ?? null));
  return {
    id,
    kind: 'awareness',
    section,
    title: ctx.labels.both((lang) =>
      section === 'legal_awareness' ? ctx.strings[lang].chart.knowledgeTitle : ctx.strings[lang].chart.sharesTitle(ctx.labels.sectionTitle(section, lang)),
    ),
    questions: entries.map((entry) => ctx.labels.both((lang) => ctx.labels.question(entry.variable, lang))),
    base: baseRange(entries.map((entry) => entry.cell.n)),
    weighted: true,
    hasSuppressed: entries.some((entry) => entry.cell.suppressed),
    csv: {
      header: ['variable', 'label', 'level', 'share', 'ci_low', 'ci_high', 'n', 'suppressed'],
      rows: entries.map((entry) => [
        entry.variable,
        ctx.labels.short(entry.variable, 'en'),
        entry.level ?? null,
        shownValue(entry, entry.row.estimate),
        shownValue(entry, entry.row.ciLow),
        shownValue(entry, entry.row.ciHigh),
        entry.cell.n,
        entry.cell.suppressed,
      ]),
    },
    draw(document, lang, domId, layout = WIDE) {
      const t = ctx.strings[lang];
      const rows = entries.map((entry) => ({
        label: ctx.labels.short(entry.variable, lang),
        estimate: shownValue(entry, entry.row.estimate),
        ciLow: shownValue(entry, entry.row.ciLow),
        ciHigh: shownValue(entry, entry.row.ciHigh),
        n: entry.cell.n,
        suppressed: entry.cell.suppressed,
      }));
      const shown = rows.filter((row) => row.estimate !== null);
      const low = shown.reduce<(typeof rows)[number] | undefined>(
        (best, row) => (best === undefined || row.estimate! < best.estimate! ? row : best),
        undefined,
      );
      const title = section === 'legal_awareness' ? t.chart.knowledgeTitle : t.chart.sharesTitle(ctx.labels.sectionTitle(section, lang));
      const description = `${section === 'legal_awareness' ? t.chart.knowledgeDescription(rows.length) : t.chart.sharesDescription(rows.length)}${low ? ` ${t.chart.summaryLowest(low.label, formatPercent(low.estimate!))}` : ''}`;
      const svg = awarenessBars(
        document,
        { rows },
        {
          id: domId,
          width: layout.width,
          title,
          description,
          rtl: lang === 'ur',
          format: percentFormat,
          suppressedLabel: t.figure.suppressed,
        },
      );
      return {
        svg,
        description,
        table: {
          head: [t.table.item, t.table.share, t.table.ciLow, t.table.ciHigh, t.table.base],
          rows: rows.map((row) => [
            row.label,
            row.suppressed ? t.figure.suppressed : row.estimate === null ? '–' : formatPercent(row.estimate, 1),
            row.ciLow === null ? '–' : formatPercent(row.ciLow, 1),
            row.ciHigh === null ? '–' : formatPercent(row.ciHigh, 1),
            row.n === null ? '–' : formatCount(row.n),
          ]),
        },
        notes: [],
      };
    },
  };
}

/** Splits a glm term (R's treatment-contrast name, e.g. `gendermale`) into its variable and level. */
export function parseTerm(term: string, variables: string[]): { variable: string; level: string | null } {
  const sorted = [...variables].sort((a, b) => b.length - a.length);
  for (const variable of sorted) {
    if (term === variable) return { variable, level: null };
    if (term.startsWith(variable)) return { variable, level: term.slice(variable.length) };
  }
  return { variable: term, level: null };
}

/**
 * Coefficient plot of a glm. The 95% CI is the row's own when given; otherwise estimate ± t(0.975, df)·se
 * with the row's df, or svyglm's residual df (design df + 1 − number of coefficients, as
 * `confint.svyglm` uses) when the row has none.
 */
export function coefficientFigure(ctx: FigureContext, id: string, section: string, analysis: AnalysisResult): FigureSpec | undefined {
  const formula = analysis.formula ?? '';
  const [lhs, rhs] = formula.split('~').map((part) => part.trim());
  const outcome = lhs || analysis.variable || analysis.id;
  const variables = (rhs ?? '')
    .split('+')
    .map((part) => part.trim())
    .filter(Boolean);
  const terms = analysis.rows.filter((row) => row.term !== undefined && row.term !== '(Intercept)' && row.estimate !== null && row.estimate !== undefined);
  if (terms.length === 0) return undefined;
  const designDf = ctx.designDf === null ? null : ctx.designDf + 1 - analysis.rows.length;
  const entries = terms.map((row) => {
    const df = row.df ?? designDf;
    const multiplier = df !== null && df > 0 ? tQuantile(0.975, df) : 1.959963984540054;
    const ciLow = row.ciLow ?? (row.se !== null && row.se !== undefined ? row.estimate! - multiplier * row.se : null);
    const ciHigh = row.ciHigh ?? (row.se !== null && row.se !== undefined ? row.estimate! + multiplier * row.se : null);
    return { row, term: row.term!, parsed: parseTerm(row.term!, variables), ciLow, ciHigh, significant: isSignificant({ pAdjusted: row.pAdjusted ?? null }) };
  });
  const modelN = analysis.rows.find((row) => row.n !== undefined && row.n !== null)?.n ?? null;
  const referenceOf = (variable: string): string | undefined => {
    const used = new Set(entries.filter((entry) => entry.parsed.variable === variable).map((entry) => entry.parsed.level));
    const order = ctx.labels.levelOrder(variable);
    return order?.find((level) => !used.has(level));
  };
  const termLabel = (entry: (typeof entries)[number], lang: Lang) => {
    const t = ctx.strings[lang];
    const variable = ctx.labels.short(entry.parsed.variable, lang);
    if (entry.parsed.level === null) return t.chart.numericTerm(variable);
    const reference = referenceOf(entry.parsed.variable);
    const level = ctx.labels.level(entry.parsed.variable, entry.parsed.level, lang);
    return reference === undefined ? `${variable}: ${level}` : t.chart.termLabel(variable, level, ctx.labels.level(entry.parsed.variable, reference, lang));
  };
  return {
    id,
    kind: 'coefficients',
    section,
    title: ctx.labels.both((lang) => ctx.strings[lang].chart.coefficientTitle(ctx.labels.short(outcome, lang))),
    questions: [ctx.labels.both((lang) => `${ctx.labels.question(outcome, lang)} ~ ${variables.map((v) => ctx.labels.short(v, lang)).join(' + ')}`)],
    base: null,
    modelBase: modelN ?? ctx.sampleSize,
    weighted: true,
    hasSuppressed: false,
    csv: {
      header: ['term', 'label', 'estimate', 'ci_low', 'ci_high', 'se', 'p_value', 'p_adjusted', 'significant_bh'],
      rows: entries.map((entry) => [
        entry.term,
        termLabel(entry, 'en'),
        entry.row.estimate!,
        entry.ciLow,
        entry.ciHigh,
        entry.row.se ?? null,
        entry.row.pValue ?? null,
        entry.row.pAdjusted ?? null,
        entry.significant,
      ]),
    },
    draw(document, lang, domId, layout = WIDE) {
      const t = ctx.strings[lang];
      const outcomeLabel = ctx.labels.short(outcome, lang);
      const description = t.chart.coefficientDescription(outcomeLabel, entries.length);
      const title = t.chart.coefficientTitle(outcomeLabel);
      const svg = coefficientPlot(
        document,
        {
          rows: entries.map((entry) => ({
            label: termLabel(entry, lang),
            estimate: entry.row.estimate!,
            ciLow: entry.ciLow,
            ciHigh: entry.ciHigh,
            significant: entry.significant,
          })),
          zeroLabel: t.chart.zeroLine,
        },
        {
          id: domId,
          width: layout.width,
          title,
          description,
          rtl: lang === 'ur',
          format: (v) => formatNumber(v),
          axisLabel: t.chart.coefficientAxis,
          markedLabel: t.figure.marked,
        },
      );
      return {
        svg,
        description,
        table: {
          head: [t.table.term, t.table.estimate, t.table.ciLow, t.table.ciHigh, t.table.pValue, t.table.pAdjusted],
          rows: entries.map((entry) => [
            termLabel(entry, lang),
            formatCell(entry.row.estimate),
            formatCell(entry.ciLow),
            formatCell(entry.ciHigh),
            formatP(entry.row.pValue),
            formatP(entry.row.pAdjusted),
          ]),
        },
        notes: [],
      };
    },
  };
}

/** The distribution of a score from a `quantile` analysis (whole-population rows). */
export function quantileFigure(ctx: FigureContext, id: string, section: string, analysis: AnalysisResult): FigureSpec | undefined {
  const variable = analysis.variable ?? analysis.id;
  const rows = analysis.rows.filter((row) => isWhole(row.domain) && row.probability !== undefined && row.estimate !== null && row.estimate !== undefined);
  if (rows.length === 0) return undefined;
  const cell = primarySuppression(rows[0]!.n, ctx.minBase, true, ctx.sampleSize);
  const range = ctx.labels.scaleRange(variable);
  return {
    id,
    kind: 'score-distribution',
    section,
    title: ctx.labels.both((lang) => ctx.strings[lang].chart.distributionTitle(ctx.labels.short(variable, lang))),
    questions: [ctx.labels.both((lang) => ctx.labels.question(variable, lang))],
    base: cell.n === null ? null : { min: cell.n, max: cell.n },
    weighted: true,
    hasSuppressed: cell.suppressed,
    csv: {
      header: ['variable', 'probability', 'estimate', 'ci_low', 'ci_high', 'n', 'suppressed'],
      rows: rows.map((row) => [
        variable,
        row.probability!,
        cell.suppressed ? null : row.estimate!,
        cell.suppressed ? null : (row.ciLow ?? null),
        cell.suppressed ? null : (row.ciHigh ?? null),
        cell.n,
        cell.suppressed,
      ]),
    },
    draw(document, lang, domId, layout = WIDE) {
      const t = ctx.strings[lang];
      const scale = ctx.labels.short(variable, lang);
      const description = t.chart.distributionDescription(scale);
      const title = t.chart.distributionTitle(scale);
      const quantiles = cell.suppressed
        ? []
        : rows.map((row) => ({ probability: row.probability!, estimate: row.estimate!, ciLow: row.ciLow ?? null, ciHigh: row.ciHigh ?? null }));
      const svg = scoreDistribution(
        document,
        { kind: 'quantiles', quantiles, ...(range ? { min: range[0], max: range[1] } : {}) },
        {
          id: domId,
          width: layout.width,
          title,
          description,
          rtl: lang === 'ur',
          format: (v) => formatNumber(v),
          quantileLabel: t.chart.quantileLabel,
          suppressedLabel: t.figure.suppressed,
          ...(range ? { axisLabel: t.chart.meanAxis(String(range[0]), String(range[1])).replace(/^[^(]*/, `${scale} `) } : {}),
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
