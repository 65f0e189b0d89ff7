import { type Lang, midSentence, type Strings } from '../i18n/index.js';
import { formatCell, formatNumber, formatP } from '../model/format.js';
import type { SiteModel } from '../model/site.js';
import { modelKindOf } from '../model/modelKind.js';
import { TermLabeller } from '../model/termLabels.js';
import { isSignificant, type TestEntry } from '../model/significanceTests.js';
import { dataTableHtml } from './dataTable.js';
import { figureHtml } from './figure.js';
import { escapeHtml } from './html.js';
import type { PageInfo } from './layout.js';
import { GROUPS_FILE } from './nav.js';

/**
 * What a test compares, in words of the page's language (never the plan's own label, which has one
 * language, nor R's term names): "Victim blaming: Gender: male compared with female" for a model term,
 * "Victim blaming: male compared with female" for a contrast or t-test (in the direction of its
 * estimate: a contrast is the first level minus the second, a t-test the second minus the first, as
 * R's `svyttest`), "Partly to blame × gender" for a chi-squared test.
 */
function testWhat(model: SiteModel, test: TestEntry, lang: Lang, t: Strings, labellers: Map<string, TermLabeller>): string {
  const labels = model.labels;
  const outcome = labels.short(test.variable ?? '', lang);
  if ((test.type === 'glm' || test.type === 'ordinal') && test.term !== undefined) {
    let labeller = labellers.get(test.analysisId);
    if (!labeller) {
      const analysis = model.results.results.find((a) => a.id === test.analysisId)!;
      labeller = new TermLabeller(analysis, labels);
      labellers.set(test.analysisId, labeller);
    }
    return t.model.testTerm(outcome, labeller.label(test.term, lang));
  }
  if ((test.type === 'contrast' || test.type === 'ttest') && test.by !== undefined && test.levels?.length === 2) {
    const [first, second] = test.levels.map((level) => labels.levelInSentence(test.by!, level, lang)) as [string, string];
    return test.type === 'contrast' ? t.model.comparedWith(outcome, first, second) : t.model.comparedWith(outcome, second, first);
  }
  const by = test.by ? midSentence(labels.short(test.by, lang), lang) : '';
  if (test.variable !== undefined) return `${outcome}${by ? ` × ${by}` : ''}`;
  // A results file that does not name what was tested (an older chisq): the plan's label, else the grouping.
  return model.results.results.find((a) => a.id === test.analysisId)?.label ?? by;
}

/** How a test was made, in words: "Chi-squared test of independence (Rao-Scott F)", "Linear regression". */
function testMethod(model: SiteModel, test: TestEntry, t: Strings): string {
  const words = t.subgroups.method;
  if (test.type === 'chisq') return words.chisq(test.method);
  if (test.type === 'ttest') return words.ttest;
  if (test.type === 'contrast') return words.contrast;
  const analysis = model.results.results.find((a) => a.id === test.analysisId);
  return analysis ? words.models[modelKindOf(analysis).kind] : (test.method ?? test.type);
}

/** Differences between groups: the tests table, then the charts grouped by grouping variable. */
export function groupsPage(document: Document, model: SiteModel, lang: Lang, t: Strings): PageInfo {
  const title = t.subgroups.title;
  const labellers = new Map<string, TermLabeller>();
  const testRows = model.tests.map((test) => {
    const what = testWhat(model, test, lang, t, labellers);
    const method = testMethod(model, test, t);
    if (test.suppressed) return [what, method, t.figure.suppressed, '–', '–', '–', t.table.notAssessed];
    return [
      what,
      method,
      formatCell(test.statistic),
      test.df === null ? '–' : formatNumber(test.df, Number.isInteger(test.df) ? 0 : 1),
      formatP(test.pValue),
      formatP(test.pAdjusted),
      test.caution !== null ? t.table.notAssessed : isSignificant(test) ? t.table.yes : t.table.no,
    ];
  });
  const caution = model.tests.some((test) => test.suppressed || test.caution !== null) ? `<p class="note">${escapeHtml(t.subgroups.cautionNote)}</p>` : '';
  const tests =
    model.tests.length === 0
      ? ''
      : `<section aria-labelledby="tests-heading" data-analyses="${escapeHtml([...new Set(model.tests.map((test) => test.analysisId))].join(' '))}"><h2 id="tests-heading">${escapeHtml(t.subgroups.testsHeading)}</h2><p>${escapeHtml(t.subgroups.testsIntro)}</p>${dataTableHtml(
          [t.table.test, t.table.method, t.table.statistic, t.table.df, t.table.pValue, t.table.pAdjusted, t.table.significant],
          testRows,
          t.subgroups.testsHeading,
        )}${caution}</section>`;
  const groups = model.subgroups
    .map(({ by, figures }) => {
      const heading = t.subgroups.byHeading(model.labels.short(by, lang));
      const id = `by-${by.replace(/[^A-Za-z0-9_-]/g, '-')}-heading`;
      return `<section aria-labelledby="${id}" class="figures"><h2 id="${id}">${escapeHtml(heading)}</h2>${figures.map((figure) => figureHtml(document, model, model.figures.get(figure)!, lang, t, 3)).join('\n')}</section>`;
    })
    .join('\n');
  const intro =
    model.subgroups.length > 0
      ? `<p>${escapeHtml(t.subgroups.intro(t.list(model.subgroups.map(({ by }) => midSentence(model.labels.short(by, lang), lang)))))}</p>`
      : '';
  return { file: GROUPS_FILE, title, heading: `<h1>${escapeHtml(title)}</h1>`, body: `${intro}${tests}${groups}` };
}
