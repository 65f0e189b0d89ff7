import type { Lang, Strings } from '../i18n/index.js';
import type { SiteModel } from '../model/site.js';
import { isolateNumbersInHtml } from '../format/ltr.js';
import { contactHtml } from './contacts.js';
import { escapeHtml, isolateLatinRuns } from './html.js';
import { siteNavHtml } from './siteNav.js';

/** The Content-Security-Policy of every page: nothing may be loaded from anywhere but the site itself. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'";

export interface PageInfo {
  /** File name of the page within its language folder, e.g. `index.html`. */
  file: string;
  title: string;
  /** HTML of the page's opening (its `<h1>` and subtitle), shown before the notices. */
  heading: string;
  /** HTML of the main content (after the notices). */
  body: string;
}

export interface NavEntry {
  file: string;
  label: string;
}

/** Relative path from a page of `lang` to the site root. */
export function rootOf(lang: Lang): string {
  return lang === 'en' ? '' : '../';
}

/**
 * The notices at the top of every page: the synthetic-data banner (only when the settings say the
 * data are synthetic), the content note and the help contacts (when the settings give them).
 */
function noticesHtml(model: SiteModel, lang: Lang, t: Strings): string {
  const { settings } = model;
  const synthetic = settings.synthetic
    ? `<section class="notice synthetic" aria-labelledby="synthetic-heading"><h2 id="synthetic-heading">${escapeHtml(t.syntheticHeading)}</h2><p>${escapeHtml(settings.syntheticBanner?.[lang] ?? t.syntheticBanner)}</p></section>`
    : '';
  if (!settings.contentNote && settings.contacts.length === 0) return synthetic;
  const contacts =
    settings.contacts.length === 0
      ? ''
      : `<${settings.contentNote ? 'h3' : 'h2 id="content-note-heading"'}>${escapeHtml(t.helpHeading)}</${settings.contentNote ? 'h3' : 'h2'}><ul class="contacts">${settings.contacts.map((contact) => contactHtml(contact, lang, t)).join('')}</ul>`;
  const note = settings.contentNote
    ? `<h2 id="content-note-heading">${escapeHtml(t.contentNoteHeading)}</h2><p>${escapeHtml(settings.contentNote[lang])}</p>`
    : '';
  return `${synthetic}<section class="notice content-note" aria-labelledby="content-note-heading">${note}${contacts}</section>`;
}

/** A whole page: head with CSP and local assets, skip link, header and navigation, notices, main, footer. */
export function pageHtml(model: SiteModel, lang: Lang, t: Strings, page: PageInfo, nav: NavEntry[]): string {
  const root = rootOf(lang);
  const other = t.otherLanguage;
  const otherHref = other.lang === 'ur' ? `ur/${page.file}` : `../${page.file}`;
  const siteTitle = model.settings.title[lang];
  const navHtml = nav
    .map((entry) => `<li><a href="${escapeHtml(entry.file)}"${entry.file === page.file ? ' aria-current="page"' : ''}>${escapeHtml(entry.label)}</a></li>`)
    .join('');
  const version = model.results.meta.version ?? '';
  let main = `${page.heading}${noticesHtml(model, lang, t)}${page.body}`;
  if (lang === 'ur') main = isolateLatinRuns(isolateNumbersInHtml(main));
  const footer = lang === 'ur' ? isolateLatinRuns(isolateNumbersInHtml(escapeHtml(t.footer(version)))) : escapeHtml(t.footer(version));
  return `<!doctype html>
<html lang="${lang}" dir="${t.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title === siteTitle ? siteTitle : `${page.title} · ${siteTitle}`)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}assets/report.css">
<link rel="alternate" hreflang="${other.lang}" href="${escapeHtml(otherHref)}">
<script src="${root}assets/report.js" defer></script>
</head>
<body class="lang-${lang}">
<a class="skip-link" href="#main">${escapeHtml(t.skipToContent)}</a>
<header class="site-header">
<div class="wrap header-row">
<p class="site-title"><a href="index.html">${escapeHtml(siteTitle)}</a></p>
<a class="lang-switch" href="${escapeHtml(otherHref)}" lang="${other.lang}" hreflang="${other.lang}">${escapeHtml(other.label)}</a>
</div>
${siteNavHtml(navHtml, t.nav.label, nav.find((entry) => entry.file === page.file)?.label)}
</header>
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site-footer"><div class="wrap"><p>${footer}</p></div></footer>
</body>
</html>
`;
}
