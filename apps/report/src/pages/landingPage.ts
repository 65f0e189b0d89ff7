import type { Lang, Strings } from '../i18n/index.js';
import type { SiteModel } from '../model/site.js';
import { isSignificant } from '../model/significanceTests.js';
import { figureHtml } from './figure.js';
import { findingHtml } from './findings.js';
import { escapeHtml } from './html.js';
import type { NavEntry, PageInfo } from './layout.js';

/** The landing page: title, key findings, at least six charts, links to every other page built. */
export function landingPage(document: Document, model: SiteModel, lang: Lang, t: Strings, nav: NavEntry[]): PageInfo {
  const title = model.settings.title[lang];
  const subtitle = model.settings.subtitle ? `<p class="subtitle">${escapeHtml(model.settings.subtitle[lang])}</p>` : '';
  const findings =
    model.findings.length > 0
      ? `<ul class="findings">${model.findings.map((finding) => `<li>${findingHtml(model, finding, lang, t)}</li>`).join('')}</ul>`
      : '';
  const comparisons = model.tests.filter((test) => test.type === 'contrast' || test.type === 'ttest' || test.type === 'chisq');
  const none = comparisons.length > 0 && !comparisons.some((test) => isSignificant(test)) ? `<p>${escapeHtml(t.findings.noneSignificant)}</p>` : '';
  const figures = model.landingFigures.map((id) => figureHtml(document, model, model.figures.get(id)!, lang, t, 3)).join('\n');
  const links = nav
    .filter((entry) => entry.file !== 'index.html')
    .map((entry) => `<li><a href="${escapeHtml(entry.file)}">${escapeHtml(entry.label)}</a></li>`)
    .join('');
  const findingsSection =
    findings || none
      ? `<section aria-labelledby="findings-heading"><h2 id="findings-heading">${escapeHtml(t.keyFindingsHeading)}</h2><p>${escapeHtml(t.keyFindingsIntro(model.weighting))}</p>${findings}${none}</section>`
      : '';
  const glance = figures
    ? `<section aria-labelledby="glance-heading" class="figures"><h2 id="glance-heading">${escapeHtml(t.atAGlanceHeading)}</h2>\n${figures}\n</section>`
    : '';
  const body = `${findingsSection}
${glance}
<section aria-labelledby="topics-heading"><h2 id="topics-heading">${escapeHtml(t.sectionsHeading)}</h2><ul class="topics">${links}</ul></section>`;
  return { file: 'index.html', title, heading: `<h1>${escapeHtml(title)}</h1>${subtitle}`, body };
}
