import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { siteNavHtml } from './siteNav.js';

describe('siteNavHtml', () => {
  const items = '<li><a href="index.html" aria-current="page">Overview</a></li><li><a href="methodology.html">Methodology</a></li>';
  const nav = new JSDOM(`<body>${siteNavHtml(items, 'Report pages', 'Overview')}</body>`).window.document.querySelector('nav')!;
  it('is one named navigation holding the row of links and, for phones, a menu of the same links', () => {
    expect(nav.getAttribute('aria-label')).toBe('Report pages');
    expect([...nav.querySelectorAll('.nav-list a')].map((a) => a.getAttribute('href'))).toEqual(['index.html', 'methodology.html']);
    expect([...nav.querySelectorAll('details.nav-menu a')].map((a) => a.getAttribute('href'))).toEqual(['index.html', 'methodology.html']);
  });
  it('names the page being shown in the closed menu, and opens without script (a <details>)', () => {
    const summary = nav.querySelector('details.nav-menu > summary')!;
    expect(summary.textContent).toBe('Report pages: Overview');
    expect(nav.querySelector('details')!.hasAttribute('open')).toBe(false);
  });
  it('escapes what it writes', () => {
    expect(siteNavHtml('', 'A & B', '<x>')).toContain('A &amp; B: <span class="nav-current">&lt;x&gt;</span>');
  });
});
