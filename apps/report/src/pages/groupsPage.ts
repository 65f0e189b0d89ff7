import { type Lang, midSentence, type Strings } from '../i18n/index.js';
import { formatCell, formatNumber, formatP } from '../model/format.js';
import type { SiteModel } from '../model/site.js';
import { TermLabeller } from '../model/termLabels.js';
import { isSignificant, type TestEntry } from '../model/significanceTests.js';
import { dataTableHtml } from './dataTable.js';
import { figureHtml } from './figure.js';
import { escapeHtml } from './html.js';
import type { PageInfo } from './layout.js';
import { GROUPS_FILE } from './nav.js';

/** What a test compares, in words: "Victim blaming: gender: male compared with female", "Knows PECA × Urban/rural". */
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
    return test.label !== undefined ? labeller.label(test.term, lang) : t.model.testTerm(outcome, labeller.label(test.term, lang));
  }
  const by = test.by ? midSentence(labels.short(test.by, lang), lang) : '';
  return test.variable === undefined ? by : `${outcome}${by ? ` × ${by}` : ''}`;
}

/** Differences between groups: the tests table, then the charts grouped by grouping variable. */
export function groupsPage(document: Document, model: SiteModel, lang: Lang, t: Strings): PageInfo {
  const title = t.subgroups.title;
  const labellers = new Map<string, TermLabeller>();
  const testRows = model.tests.map((test) => {
    const what = `${test.label ?? test.analysisId}: ${testWhat(model, test, lang, t, labellers)}`;
    const method = test.method ?? test.type;
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
