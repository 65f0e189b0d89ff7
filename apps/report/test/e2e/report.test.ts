import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder } from './server.js';
import { artifactsDir, CHROMIUM, CHROMIUM_ARGS, siteDir } from './site.js';

const required = process.env['LEAKRISK_REQUIRE_BROWSER'] === '1';
const available = existsSync(CHROMIUM);
const INSTALL_HINT = `Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` to run the browser tests`;
if (!available && !required) console.warn(`SKIPPED browser tests. ${INSTALL_HINT}`);

describe('the built site', () => {
  it('holds no absolute path of the machine that built it (repository, home, working folder)', () => {
    const site = siteDir();
    const repository = fileURLToPath(new URL('../../../..', import.meta.url)).replace(/\/$/, '');
    const machinePaths = [repository, homedir(), process.cwd(), realpathSync(tmpdir())];
    const files = (readdirSync(site, { recursive: true }) as string[]).filter((name) => /\.(html|csv|json|css|js|txt)$/.test(name));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((name) => {
      const content = readFileSync(join(site, name), 'utf8');
      return machinePaths.filter((path) => content.includes(path)).map((path) => `${name}: ${path}`);
    });
    expect(found).toEqual([]);
  });
});

describe.skipIf(!available && !required)('the built report in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    if (!available) throw new Error(`${INSTALL_HINT} (LEAKRISK_REQUIRE_BROWSER=1 requires the browser tests)`);
    const { chromium } = await import('playwright-core');
    server = await serveFolder(siteDir());
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    mkdirSync(artifactsDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(context: BrowserContext, path: string): Promise<{ page: Page; outside: string[]; errors: string[] }> {
    const page = await context.newPage();
    const outside: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${server.origin}/`) && !url.startsWith('data:')) outside.push(url);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    page.setDefaultTimeout(90_000);
    await page.goto(`${server.origin}/${path}`, { waitUntil: 'load' });
    return { page, outside, errors };
  }

  for (const [path, lang, dir] of [
    ['index.html', 'en', 'ltr'],
    ['ur/index.html', 'ur', 'rtl'],
  ] as const) {
    describe(path, () => {
      it('makes no request outside the site, logs no error, and has the right lang/dir', async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const { page, outside, errors } = await open(context, path);
        expect(outside).toEqual([]);
        expect(errors).toEqual([]);
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, dir]);
        if (lang === 'ur') {
          // The bundled Nastaliq font is in use for the Urdu text.
          await page.evaluate(() => document.fonts.ready);
          expect(await page.evaluate(() => document.fonts.check('16px "Noto Nastaliq Urdu"', 'پاکستان'))).toBe(true);
        }
        // Keyboard: the first Tab lands on the skip link, which leads to the main content.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
        await page.screenshot({ path: join(artifactsDir, `${lang}-index-1280.png`), fullPage: true });
        await context.close();
      });

      it('shows at least six charts with JavaScript disabled', async () => {
        const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
        const { page, errors } = await open(context, path);
        const charts = (
          await page.$$eval('main figure svg[role="img"]', (svgs) =>
            svgs.map((svg) => {
              const box = svg.getBoundingClientRect();
              return { width: box.width, height: box.height, marks: svg.querySelectorAll('rect, circle, line').length };
            }),
          )
        ).filter((chart) => chart.width > 0);
        expect(charts.length).toBeGreaterThanOrEqual(6);
        for (const chart of charts) {
          expect(chart.width).toBeGreaterThan(300);
          expect(chart.height).toBeGreaterThan(50);
          expect(chart.marks).toBeGreaterThan(5);
        }
        expect(errors).toEqual([]);
        await page.screenshot({ path: join(artifactsDir, `${lang}-index-nojs.png`), fullPage: false });
        await context.close();
      });

      it('is readable at 360 px wide: no page-level horizontal scrolling', async () => {
        const context = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 1 });
        const { page } = await open(context, path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(1);
        // The phone-sized drawings are the ones shown, at their full size (no scaling below 90%).
        const shown = await page.$$eval('main figure svg[role="img"]', (svgs) =>
          svgs.filter((svg) => svg.getBoundingClientRect().width > 0).map((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width'))),
        );
        expect(shown.length).toBeGreaterThanOrEqual(6);
        for (const scale of shown) expect(scale).toBeGreaterThan(0.9);
        await page.screenshot({ path: join(artifactsDir, `${lang}-index-360.png`), fullPage: false });
        await page
          .locator('figure')
          .first()
          .screenshot({ path: join(artifactsDir, `${lang}-first-chart-360.png`) });
        await context.close();
      });

      it('on a phone, without JavaScript: the navigation is one closed menu, the page heading on the first screen, and the menu opens', async () => {
        const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 780 } });
        const { page } = await open(context, path);
        const visibleLinks = () =>
          page.$$eval('nav.site-nav a', (anchors) => anchors.filter((a) => a.getBoundingClientRect().height > 0 && a.checkVisibility()).length);
        expect(await page.locator('nav.site-nav .nav-list').isVisible()).toBe(false);
        expect(await page.locator('details.nav-menu').isVisible()).toBe(true);
        expect(await page.$eval('details.nav-menu', (details) => (details as HTMLDetailsElement).open)).toBe(false);
        expect(await visibleLinks()).toBe(0);
        const heading = await page.$eval('main h1', (h1) => h1.getBoundingClientRect().bottom);
        expect(heading).toBeLessThan(780 / 2);
        await page.locator('details.nav-menu > summary').click();
        expect(await page.$eval('details.nav-menu', (details) => (details as HTMLDetailsElement).open)).toBe(true);
        expect(await visibleLinks()).toBeGreaterThanOrEqual(3);
        await page.locator('details.nav-menu a[href$="methodology.html"]').click();
        await page.waitForURL(/methodology\.html$/);
        await context.close();
        // On a laptop the links are a row and the menu is not shown.
        const wide = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
        const laptop = (await open(wide, path)).page;
        expect(await laptop.locator('nav.site-nav .nav-list').isVisible()).toBe(true);
        expect(await laptop.locator('details.nav-menu').isVisible()).toBe(false);
        await wide.close();
      });

      it('links a CSV download for every chart, served from the site', async () => {
        const context = await browser.newContext();
        const { page } = await open(context, path);
        const links = await page.$$eval('figure a[download]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
        expect(links.length).toBeGreaterThanOrEqual(6);
        for (const link of links) {
          expect(link.startsWith(`${server.origin}/data/`)).toBe(true);
          const response = await page.request.get(link);
          expect(response.status()).toBe(200);
          const body = await response.text();
          expect(body.split('\n')[0]).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
          expect(body.split('\n').length).toBeGreaterThan(2);
        }
        await context.close();
      });
    });
  }

  for (const path of ['index.html', 'ur/index.html', 'victim_blaming.html', 'ur/victim_blaming.html', 'methodology.html', 'ur/methodology.html']) {
    it(`has no serious or critical axe-core violations: ${path}`, async () => {
      // axe is injected as a script, which the site's own CSP rightly forbids: bypass it for this check only.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const { page } = await open(context, path);
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const { axe: injected } = window as unknown as { axe: typeof axe };
        const results = await injected.run(document, { resultTypes: ['violations'] });
        return results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
                .slice(0, 3)
                .map((node) => node.target.join(' '))
                .join(', ')}`,
          );
      });
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});
