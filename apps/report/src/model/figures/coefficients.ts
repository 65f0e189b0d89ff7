import { coefficientPlot } from '../../charts/coefficientPlot.js';
import type { Lang } from '../../i18n/index.js';
import type { AnalysisResult, ResultRow } from '../../results/types.js';
import { isCutPoint } from '../cutPoints.js';
import { formatCell, formatCount, formatNumber, formatP } from '../format.js';
import { modelKindOf } from '../modelKind.js';
import { describeModel, outcomeOf } from '../modelWords.js';
import { TermLabeller } from '../termLabels.js';
import { isSignificant } from '../significanceTests.js';
import { coefficientInterval } from './modelIntervals.js';
import { type CsvValue, type FigureInputs, type FigureSpec, WIDE } from './spec.js';

/** One coefficient of a model, with what the report may say about it. */
interface Coefficient {
  row: ResultRow;
  term: string;
  n: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Fitted on fewer than minBase respondents: shown as suppressed, never plotted. */
  suppressed: boolean;
  /** The fit separated on this term: not estimable, never plotted. */
  separation: boolean;
  significant: boolean;
}

/**
 * The coefficients of a `glm` or `ordinal` analysis (not the intercept, not the cut points) against
 * "no difference": differences in the outcome for a linear model, odds ratios (log scale) for a
 * logistic model, odds ratios of a higher answer for an ordinal model. Terms are named in words from
 * the codebook. A term whose base `n` is below minBase is suppressed as a small estimate is; a term
 * whose fit separated is not estimable; neither is plotted, and no term of a fit that warned is marked
 * significant. Intervals come from the results rows (see `coefficientInterval`).
 */
export function coefficientFigure(inputs: FigureInputs, id: string, analysis: AnalysisResult): FigureSpec | undefined {
  const { labels, strings, minBase } = inputs;
  const kind = modelKindOf(analysis);
  const labeller = new TermLabeller(analysis, labels);
  const outcome = outcomeOf(analysis) ?? analysis.id;
  const warned = (analysis.warnings?.length ?? 0) > 0;
  let older = false;
  const coefficients: Coefficient[] = analysis.rows
    .filter((row) => row.term !== undefined && row.term !== '(Intercept)' && !isCutPoint(analysis, row) && typeof row.estimate === 'number')
    .map((row) => {
      const n = typeof row.n === 'number' ? row.n : null;
      const suppressed = n !== null && n < minBase;
      const separation = row.separation === true;
      const [ciLow, ciHigh] = coefficientInterval(row, analysis, inputs.designDf, () => {
        older = true;
      });
      const caution = separation ? ('separation' as const) : warned ? ('warning' as const) : null;
      return {
        row,
        term: row.term!,
        n,
        ciLow,
        ciHigh,
        suppressed,
        separation,
        significant: isSignificant({ pAdjusted: row.pAdjusted ?? null, suppressed, caution }),
      };
    });
  if (coefficients.length === 0) return undefined;
  if (older) {
    inputs.warnings.push(
      `results "${analysis.id}" has no ciLow/ciHigh on its model rows (a results file from an older leakrisk): its 95% intervals are computed from se and df as confint.svyglm does; run analyze again to have them from the model`,
    );
  }
  const published = (c: Coefficient) => !c.suppressed && !c.separation;
  const plotted = coefficients.filter((c) => published(c) && c.ciLow !== null && c.ciHigh !== null && Number.isFinite(c.ciLow) && Number.isFinite(c.ciHigh));
  const shown = (c: Coefficient, value: number | null | undefined): number | null => (published(c) && typeof value === 'number' ? value : null);
  const ratio = (value: number | null) => (value === null ? null : Math.exp(value));
  // Every respondent the model used enters the intercept (and an ordinal model's cut points).
  const modelN = maxOf(analysis.rows.map((row) => (typeof row.n === 'number' ? row.n : null)));
  const outcomeLabel = (lang: Lang) => labels.short(outcome, lang);
  const axisLabel = (lang: Lang) => {
    const t = strings[lang].model.axis;
    if (kind.scale === 'odds') return t.oddsRatio;
    if (kind.scale === 'rate') return t.rateRatio;
    if (kind.scale === 'higher-odds') return t.higherOddsRatio;
    if (kind.scale === 'link') return t.linkCoefficient(analysis.link ?? '');
    const range = labels.scaleRange(outcome);
    return range ? t.scoreDifference(String(range[0]), String(range[1])) : t.difference(outcomeLabel(lang));
  };
  const valueText = (value: number | null) => (value === null ? '–' : kind.ratio ? formatNumber(Math.exp(value)) : formatCell(value));
  const ratioHeader = kind.scale === 'rate' ? 'rate_ratio' : 'odds_ratio';
  const csvRows: CsvValue[][] = coefficients.map((c) => [
    c.term,
    labeller.label(c.term, 'en'),
    shown(c, c.row.estimate),
    shown(c, c.ciLow),
    shown(c, c.ciHigh),
    ...(kind.ratio ? [ratio(shown(c, c.row.estimate)), ratio(shown(c, c.ciLow)), ratio(shown(c, c.ciHigh))] : []),
    shown(c, c.row.se),
    shown(c, c.row.pValue),
    shown(c, c.row.pAdjusted),
    c.suppressed ? null : c.n,
    c.suppressed,
    c.separation,
    c.significant,
  ]);
  return {
    id,
    kind: plotted.length === 0 ? 'table' : 'coefficients',
    analyses: [analysis.id],
    title: labels.both((lang) => strings[lang].chart.coefficientTitle(outcomeLabel(lang))),
    questions: [labels.both((lang) => describeModel(analysis, labels, lang))],
    base: null,
    modelBase: modelN ?? inputs.sampleSize,
    hasSuppressed: coefficients.some((c) => c.suppressed),
    csv: {
      header: [
        'term',
        'label',
        'coefficient',
        'ci_low',
        'ci_high',
        ...(kind.ratio ? [ratioHeader, `${ratioHeader}_ci_low`, `${ratioHeader}_ci_high`] : []),
        'se',
        'p_value',
        'p_adjusted',
        'n',
        'suppressed',
        'separation',
        'significant_bh',
      ],
      rows: csvRows,
    },
    draw(document, lang, domId, layout = WIDE) {
      const t = strings[lang];
      const description = t.chart.coefficientDescription(outcomeLabel(lang), plotted.length, kind.scale);
      const svg =
        plotted.length === 0
          ? null
          : coefficientPlot(
              document,
              {
                rows: plotted.map((c) => ({
                  label: labeller.label(c.term, lang),
                  estimate: c.row.estimate!,
                  ciLow: c.ciLow,
                  ciHigh: c.ciHigh,
                  significant: c.significant,
                })),
                zeroLabel: t.chart.zeroLine,
              },
              {
                id: domId,
                width: layout.width,
                title: t.chart.coefficientTitle(outcomeLabel(lang)),
                description,
                rtl: lang === 'ur',
                // Ratios are drawn as coefficients (a log scale) and labelled exp(coefficient).
                format: kind.ratio ? (v) => formatNumber(Math.exp(v)) : (v) => formatNumber(v),
                ratio: kind.ratio,
                axisLabel: axisLabel(lang),
                markedLabel: t.figure.marked,
              },
            );
      const notes: string[] = [];
      const separated = coefficients.filter((c) => c.separation && !c.suppressed);
      if (separated.length > 0) notes.push(t.model.separationNote(separated.map((c) => labeller.label(c.term, lang))));
      if (warned) notes.push(t.model.warningNote(analysis.warnings!));
      if (kind.ratio) notes.push(t.model.ratioNote(kind.scale));
      return {
        svg,
        description,
        table: {
          head: [
            t.table.term,
            kind.ratio ? t.model.ratioHeading(kind.scale) : t.table.estimate,
            t.table.ciLow,
            t.table.ciHigh,
            t.table.pValue,
            t.table.pAdjusted,
            t.table.significant,
            t.table.base,
          ],
          rows: coefficients.map((c) => {
            const label = labeller.label(c.term, lang);
            if (c.suppressed) return [label, t.figure.suppressed, '–', '–', '–', '–', '–', t.figure.fewerThan(formatCount(minBase))];
            if (c.separation) return [label, t.model.notEstimable, '–', '–', '–', '–', '–', c.n === null ? '–' : formatCount(c.n)];
            return [
              label,
              valueText(c.row.estimate ?? null),
              valueText(c.ciLow),
              valueText(c.ciHigh),
              formatP(c.row.pValue),
              formatP(c.row.pAdjusted),
              c.significant ? t.table.yes : t.table.no,
              c.n === null ? '–' : formatCount(c.n),
            ];
          }),
        },
        notes,
      };
    },
  };
}

function maxOf(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : Math.max(...known);
}
