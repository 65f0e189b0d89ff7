#!/usr/bin/env node
// Screenshots of the built demo site for apps/report/README.md: both editions at a phone's width
// (390 px) and a laptop's (1280 px), each as its first screen, the landing page's first chart and its model chart.
// Needs the site (`pnpm demo` writes apps/report/dist, or pass another folder) and Debian's Chromium.
// Run: node apps/report/scripts/screenshots.mjs [site-folder]
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const reportDir = dirname(dirname(fileURLToPath(import.meta.url)));
const site = resolve(process.argv[2] ?? join(reportDir, 'dist'));
const out = join(reportDir, 'docs', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(join(site, 'index.html'))) {
  console.error(`screenshots: no site in ${site}; run \`pnpm demo\` first`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`screenshots: Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const screens = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
try {
  for (const lang of ['en', 'ur']) {
    for (const { width, height } of screens) {
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(join(site, lang === 'en' ? 'index.html' : 'ur/index.html')).href, { waitUntil: 'load' });
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const first = join(out, `${lang}-${width}-first-screen.png`);
      await page.screenshot({ path: first });
      // The first chart as it is shown (only one of its two drawings is visible at a width).
      const chart = join(out, `${lang}-${width}-chart.png`);
      await page.locator('main figure .chart-frame').first().screenshot({ path: chart });
      // The landing page's model: terms in words, odds ratios on a log scale, numbers left to right in Urdu.
      const model = join(out, `${lang}-${width}-model.png`);
      await page.locator('main figure.figure-coefficients .chart-frame').first().screenshot({ path: model });
      for (const file of [first, chart, model]) console.log(`${file.slice(reportDir.length + 1)}  ${Math.round(statSync(file).size / 1024)} KB`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
