import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The site the browser tests run on: LEAKRISK_REPORT_SITE, else apps/report/dist (where `pnpm demo` writes). */
export function siteDir(): string {
  return process.env['LEAKRISK_REPORT_SITE'] ?? fileURLToPath(new URL('../../dist', import.meta.url));
}

export const fixtureResults = fileURLToPath(new URL('../fixtures/results', import.meta.url));
export const artifactsDir = resolve(fileURLToPath(new URL('../../test-artifacts', import.meta.url)));
/** The second, differently shaped study (test/fixtures/second-study) and where its site is built for the layout test. */
export const secondStudyResults = fileURLToPath(new URL('../fixtures/second-study/results', import.meta.url));
export const secondSiteDir = resolve(artifactsDir, 'second-study-site');
/** The build test's made-up household water survey (test/fixtures/study), a third shape for the layout test. */
export const waterStudyResults = fileURLToPath(new URL('../fixtures/study', import.meta.url));
export const waterSiteDir = resolve(artifactsDir, 'water-study-site');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
