import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildReport } from '@leakrisk/report';
import { withOutputs } from './output/index.js';
import { makeProgress } from './progress.js';

/** `leakrisk report --results results/ --out site/`: the static bilingual report; refuses microdata. */
export async function reportCommand(options: { results: string; out: string; codebook?: string; settings?: string; quiet?: boolean }): Promise<void> {
  const progress = makeProgress(options.quiet);
  const built = await withOutputs(async (outputs) => {
    // What the build will read for certain is named first, so that a clash is found before the work;
    // the codebook and settings named in results.json's meta are added from what the build read.
    const named = namedInMeta(options.results);
    outputs
      .reads('results.json', join(options.results, 'results.json'))
      .reads('audit.json', join(options.results, 'audit.json'))
      .reads('--codebook', options.codebook)
      .reads('--settings', options.settings)
      .reads('the codebook named in results.json', options.codebook === undefined ? named.codebook : undefined)
      .reads('the report settings named in results.json', options.settings === undefined ? named.settings : undefined);
    const site = outputs.folder('--out', options.out);
    progress.step(`building the report from ${options.results}`);
    const built = await buildReport({
      resultsDir: options.results,
      outDir: site,
      ...(options.codebook === undefined ? {} : { codebookPath: options.codebook }),
      ...(options.settings === undefined ? {} : { settingsPath: options.settings }),
    });
    for (const file of built.inputs) outputs.reads(`the report's input ${basename(file)}`, file);
    return built;
  });
  for (const warning of built.warnings) process.stderr.write(`warning: ${warning}\n`);
  if (!options.quiet) process.stderr.write(`Built ${built.pages.length} pages into ${options.out} (open ${join(options.out, 'index.html')}).\n`);
}

/** The codebook and report settings results.json's meta names (relative to the results folder); a results.json that cannot be read is the build's to report. */
function namedInMeta(resultsDir: string): { codebook?: string; settings?: string } {
  try {
    const meta = (JSON.parse(readFileSync(join(resultsDir, 'results.json'), 'utf8')) as { meta?: { codebook?: unknown; reportSettings?: unknown } }).meta;
    return {
      ...(typeof meta?.codebook === 'string' ? { codebook: resolve(resultsDir, meta.codebook) } : {}),
      ...(typeof meta?.reportSettings === 'string' ? { settings: resolve(resultsDir, meta.reportSettings) } : {}),
    };
  } catch {
    return {};
  }
}
