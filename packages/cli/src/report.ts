import { buildReport } from '@leakrisk/report';
import { makeProgress } from './progress.js';

/** `leakrisk report --results results/ --out site/`: the static bilingual report; refuses microdata. */
export async function reportCommand(options: { results: string; out: string; codebook?: string; settings?: string; quiet?: boolean }): Promise<void> {
  const progress = makeProgress(options.quiet);
  progress.step(`building the report from ${options.results}`);
  const built = await buildReport({
    resultsDir: options.results,
    outDir: options.out,
    ...(options.codebook === undefined ? {} : { codebookPath: options.codebook }),
    ...(options.settings === undefined ? {} : { settingsPath: options.settings }),
  });
  for (const warning of built.warnings) process.stderr.write(`warning: ${warning}\n`);
  if (!options.quiet) process.stdout.write(`Built ${built.pages.length} pages into ${options.out} (open ${options.out}/index.html).\n`);
}
