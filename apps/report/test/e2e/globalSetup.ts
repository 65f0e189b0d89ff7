import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../src/index.js';
import { fixtureResults, secondSiteDir, secondStudyResults, siteDir, waterSiteDir, waterStudyResults } from './site.js';

/**
 * Builds the site from the fixture results when no built site (e.g. from `pnpm demo`) is there, and
 * always builds the sites of the two other studies, which the layout test loads beside the demo.
 */
export default async function setup(): Promise<void> {
  const site = siteDir();
  if (existsSync(join(site, 'index.html')) && existsSync(join(site, 'ur', 'index.html'))) {
    console.log(`e2e: testing the built site in ${site}`);
  } else {
    console.log(`e2e: no built site in ${site}; building it from the fixture results`);
    await buildReport({ resultsDir: fixtureResults, outDir: site });
  }
  console.log(`e2e: building the second study's site in ${secondSiteDir}`);
  await buildReport({ resultsDir: secondStudyResults, outDir: secondSiteDir });
  await buildReport({ resultsDir: waterStudyResults, outDir: waterSiteDir });
}
