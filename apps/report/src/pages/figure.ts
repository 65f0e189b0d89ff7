import type { Lang, Strings } from '../i18n/index.js';
import { type FigureSpec, NARROW, WIDE } from '../model/figures/spec.js';
import { formatCount } from '../model/format.js';
import type { SiteModel } from '../model/site.js';
import { dataTableHtml } from './dataTable.js';
import { bdi, escapeHtml } from './html.js';
import { rootOf } from './layout.js';

/**
 * One figure as an accessible `<figure>`: heading, inline SVG (drawn at build time) or, for a table
 * figure, the table itself, a text description, and a `<figcaption>` with the question wording (or the
 * model in words), the unweighted base, the weighting note, the source, the data table and a link to
 * the CSV of exactly the numbers shown. `data-analyses` names the analyses it shows.
 */
export function figureHtml(document: Document, model: SiteModel, figure: FigureSpec, lang: Lang, t: Strings, headingLevel: 2 | 3 = 3): string {
  // A figure shown on several pages is drawn once per language (drawing is the slow part of a build).
  const key = `${figure.id}|${lang}|${headingLevel}`;
  let cache = drawnCache.get(model);
  if (!cache) {
    cache = new Map();
    drawnCache.set(model, cache);
  }
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const html = renderFigure(document, model, figure, lang, t, headingLevel);
  cache.set(key, html);
  return html;
}

const drawnCache = new WeakMap<SiteModel, Map<string, string>>();

function baseHtml(figure: FigureSpec, t: Strings): string {
  if (figure.base === null) {
    return figure.modelBase !== undefined && figure.modelBase !== null ? `<p class="base">${t.figure.baseModel(bdi(formatCount(figure.modelBase)))}</p>` : '';
  }
  return figure.base.min === figure.base.max
    ? `<p class="base">${t.figure.base(bdi(formatCount(figure.base.min)))}</p>`
    : `<p class="base">${t.figure.baseRange(bdi(formatCount(figure.base.min)), bdi(formatCount(figure.base.max)))}</p>`;
}

function renderFigure(document: Document, model: SiteModel, figure: FigureSpec, lang: Lang, t: Strings, headingLevel: 2 | 3): string {
  const domId = `c-${figure.id}`;
  const drawn = figure.draw(document, lang, domId, WIDE);
  const title = figure.title[lang];
  const questions = figure.questions.map((q) => q[lang]);
  const label =
    figure.kind === 'coefficients' || figure.modelBase !== undefined ? t.figure.model : questions.length === 1 ? t.figure.question : t.figure.questions;
  const questionHtml =
    questions.length === 0
      ? ''
      : questions.length === 1
        ? `<p class="question"><strong>${escapeHtml(label)}:</strong> ${escapeHtml(questions[0]!)}</p>`
        : `<p class="question"><strong>${escapeHtml(label)}:</strong></p><ol class="questions">${questions.map((q) => `<li>${escapeHtml(q)}</li>`).join('')}</ol>`;
  const notes = [...drawn.notes, ...(figure.hasSuppressed ? [t.figure.suppressedNote(String(model.settings.minBase))] : [])]
    .map((note) => `<p class="note">${escapeHtml(note)}</p>`)
    .join('');
  const table = dataTableHtml(drawn.table.head, drawn.table.rows, title);
  let shown: string;
  let tableInCaption = '';
  if (drawn.svg) {
    // The phone-sized drawing is shown instead of the wide one below 40rem (CSS); screen readers meet only the visible one.
    const narrow = figure.draw(document, lang, `${domId}-n`, NARROW).svg!;
    shown = `<div class="chart-frame"><div class="chart-wide">${drawn.svg.outerHTML}</div><div class="chart-narrow">${narrow.outerHTML}</div></div>`;
    tableInCaption = `<details class="data-table"><summary>${escapeHtml(t.figure.dataTable)}</summary>\n${table}\n</details>`;
  } else shown = table;
  const tag = `h${headingLevel}`;
  return `<figure class="figure figure-${figure.kind}" id="fig-${escapeHtml(figure.id)}" aria-labelledby="${domId}-heading" data-analyses="${escapeHtml(figure.analyses.join(' '))}">
<${tag} id="${domId}-heading" class="figure-title">${escapeHtml(title)}</${tag}>
${shown}
<p class="chart-description" id="${domId}-summary">${escapeHtml(drawn.description)}</p>
<figcaption>
${questionHtml}${baseHtml(figure, t)}<p class="weighting">${escapeHtml(t.figure.weighting(model.weighting))}</p>${notes}<p class="source">${escapeHtml(t.figure.source(model.settings.source[lang]))}</p>
${tableInCaption}
<p class="download"><a href="${rootOf(lang)}data/${escapeHtml(figure.id)}.csv" download="${escapeHtml(figure.id)}.csv" type="text/csv">${escapeHtml(t.figure.download)}</a> <span class="csv-note">${escapeHtml(t.figure.csvNote)}</span></p>
</figcaption>
</figure>`;
}
