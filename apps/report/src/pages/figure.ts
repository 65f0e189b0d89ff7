import type { Lang, Strings } from '../i18n/index.js';
import { NARROW, WIDE, type FigureSpec } from '../model/figures.js';
import { formatCount } from '../model/format.js';
import type { SiteModel } from '../model/site.js';
import { bdi, escapeHtml } from './html.js';
import { rootOf } from './layout.js';

/**
 * One chart as an accessible `<figure>`: heading, inline SVG (drawn at build time), a text
 * description, and a `<figcaption>` with the question wording, the unweighted base, the weighting
 * note, the source, a data table and a link to the CSV of exactly the numbers plotted.
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

function renderFigure(document: Document, model: SiteModel, figure: FigureSpec, lang: Lang, t: Strings, headingLevel: 2 | 3): string {
  const domId = `c-${figure.id}`;
  const drawn = figure.draw(document, lang, domId, WIDE);
  // The phone-sized drawing is shown instead of the wide one below 40rem (CSS); screen readers meet only the visible one.
  const narrow = figure.draw(document, lang, `${domId}-n`, NARROW);
  const title = figure.title[lang];
  const questions = figure.questions.map((q) => q[lang]);
  const questionHtml =
    questions.length === 1
      ? `<p class="question"><strong>${escapeHtml(t.figure.question)}:</strong> ${escapeHtml(questions[0]!)}</p>`
      : `<p class="question"><strong>${escapeHtml(t.figure.questions)}:</strong></p><ol class="questions">${questions.map((q) => `<li>${escapeHtml(q)}</li>`).join('')}</ol>`;
  const base =
    figure.base === null
      ? figure.modelBase !== undefined && figure.modelBase !== null
        ? `<p class="base">${t.figure.baseModel(bdi(formatCount(figure.modelBase)))}</p>`
        : ''
      : figure.base.min === figure.base.max
        ? `<p class="base">${t.figure.base(bdi(formatCount(figure.base.min)))}</p>`
        : `<p class="base">${t.figure.baseRange(bdi(formatCount(figure.base.min)), bdi(formatCount(figure.base.max)))}</p>`;
  const notes = [
    ...drawn.notes.map((note) => escapeHtml(note)),
    ...(figure.hasSuppressed ? [escapeHtml(t.figure.suppressedNote(String(model.settings.minBase)))] : []),
  ]
    .map((note) => `<p class="note">${note}</p>`)
    .join('');
  const head = drawn.table.head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const rows = drawn.table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td class="num">${escapeHtml(cell)}</td>`)).join('')}</tr>`,
    )
    .join('');
  const tag = `h${headingLevel}`;
  return `<figure class="figure figure-${figure.kind}" id="fig-${escapeHtml(figure.id)}" aria-labelledby="${domId}-heading">
<${tag} id="${domId}-heading" class="figure-title">${escapeHtml(title)}</${tag}>
<div class="chart-frame"><div class="chart-wide">${drawn.svg.outerHTML}</div><div class="chart-narrow">${narrow.svg.outerHTML}</div></div>
<p class="chart-description" id="${domId}-summary">${escapeHtml(drawn.description)}</p>
<figcaption>
${questionHtml}${base}<p class="weighting">${escapeHtml(t.figure.weighting)}</p>${notes}<p class="source">${escapeHtml(t.figure.source(model.settings.source[lang]))}</p>
<details class="data-table"><summary>${escapeHtml(t.figure.dataTable)}</summary>
<div class="table-scroll" role="region" aria-label="${escapeHtml(`${t.figure.dataTable}: ${title}`)}" tabindex="0"><table><caption>${escapeHtml(title)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>
</details>
<p class="download"><a href="${rootOf(lang)}data/${escapeHtml(figure.id)}.csv" download="${escapeHtml(figure.id)}.csv" type="text/csv">${escapeHtml(t.figure.download)}</a> <span class="csv-note">${escapeHtml(t.figure.csvNote)}</span></p>
</figcaption>
</figure>`;
}
