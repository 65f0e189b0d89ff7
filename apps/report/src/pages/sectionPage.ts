import type { Lang, Strings } from '../i18n/index.js';
import { formatCell } from '../model/format.js';
import type { SectionModel, SiteModel } from '../model/site.js';
import { figureHtml } from './figure.js';
import { bdi, escapeHtml } from './html.js';
import type { PageInfo } from './layout.js';

/** A topic page: averages and scores, the answers, differences between groups, models, other estimates. */
export function sectionPage(document: Document, model: SiteModel, section: SectionModel, lang: Lang, t: Strings): PageInfo {
  const title = section.title[lang];
  const block = (heading: string, ids: string[], key: string) =>
    ids.length === 0
      ? ''
      : `<section aria-labelledby="${key}-heading" class="figures"><h2 id="${key}-heading">${escapeHtml(heading)}</h2>${ids.map((id) => figureHtml(document, model, model.figures.get(id)!, lang, t, 3)).join('\n')}</section>`;
  const reliability =
    section.reliability && (section.reliability.alpha !== null || section.reliability.omega !== null)
      ? `<p class="reliability">${t.sectionPage.reliability(bdi(formatCell(section.reliability.alpha)), bdi(formatCell(section.reliability.omega)))}</p>`
      : '';
  const count = section.scores.length + section.answers.length + section.groups.length + section.models.length + section.estimates.length;
  const empty = count === 0 ? `<p>${escapeHtml(t.sectionPage.noData)}</p>` : '';
  const body = `${reliability}${empty}
${block(t.sectionPage.scoreHeading, section.scores, 'score')}
${block(t.sectionPage.itemsHeading, section.answers, 'items')}
${block(t.sectionPage.byHeading, section.groups, 'by')}
${block(t.sectionPage.modelsHeading, section.models, 'model')}
${block(t.sectionPage.estimatesHeading, section.estimates, 'estimates')}`;
  return { file: section.file, title, heading: `<h1>${escapeHtml(title)}</h1>`, body };
}
