import { escapeHtml } from './html.js';

/**
 * The site navigation, written twice inside one `<nav>`: a row of links for wide screens, and for phones
 * a `<details>` menu that opens on a tap without JavaScript, so that the first screen of a page is its
 * content, not a dozen links. CSS shows one of the two (the other is display:none, so a screen reader
 * meets the links once).
 *
 * @param items the `<li>` links, already HTML
 * @param label the navigation's name (e.g. "Report pages")
 * @param current the label of the page being shown, named in the closed menu
 */
export function siteNavHtml(items: string, label: string, current: string | undefined): string {
  const summary = current === undefined ? escapeHtml(label) : `${escapeHtml(label)}: <span class="nav-current">${escapeHtml(current)}</span>`;
  return (
    `<nav class="wrap site-nav" aria-label="${escapeHtml(label)}">` +
    `<ul class="nav-list">${items}</ul>` +
    `<details class="nav-menu"><summary>${summary}</summary><ul>${items}</ul></details>` +
    `</nav>`
  );
}
