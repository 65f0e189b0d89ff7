import type { Lang, Strings } from '../i18n/index.js';
import type { SiteModel } from '../model/site.js';
import type { NavEntry } from './layout.js';

/** The group-differences page's file name. */
export const GROUPS_FILE = 'subgroups.html';
export const METHODOLOGY_FILE = 'methodology.html';

/** The pages that are built, in reading order: nothing links to a page that is not among them. */
export function navEntries(model: SiteModel, lang: Lang, t: Strings): NavEntry[] {
  return [
    { file: 'index.html', label: t.nav.home },
    ...model.sections.map((section) => ({ file: section.file, label: section.title[lang] })),
    ...(model.hasGroupsPage ? [{ file: GROUPS_FILE, label: t.nav.subgroups }] : []),
    { file: METHODOLOGY_FILE, label: t.nav.methodology },
  ];
}
