import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadPlan, runPlan, resultToCsv, type Results } from '@leakrisk/survey';
import { writeFolderAtomic } from '@leakrisk/survey';
import { loadInputs } from './inputs.js';
import { readDataInBackground, type DataInBackground } from './files.js';
import { bundledDataDir } from './paths.js';
import { makeProgress } from './progress.js';
import { VERSION } from './version.js';

/** `leakrisk analyze --data file.csv --plan plan.json --out results/`: results.json + one CSV per analysis. */
export async function analyzeCommand(
  options: { data: string; plan: string; out: string; codebook?: string; quiet?: boolean },
  data: DataInBackground = readDataInBackground(options.data),
): Promise<void> {
  try {
    await analyzeData(options, data);
  } finally {
    data.stop(); // also on an error: the process need not wait for the reading thread
  }
}

async function analyzeData(options: { data: string; plan: string; out: string; codebook?: string; quiet?: boolean }, data: DataInBackground): Promise<void> {
  const progress = makeProgress(options.quiet);
  const plan = loadPlan(options.plan);
  const { table, codebook, codebookPath } = await loadInputs({
    data: options.data,
    codebook: options.codebook,
    codebookFromFile: options.plan,
    codebookInFile: plan.codebook,
    bytes: data.bytes,
    progress,
  });
  progress.step(`running ${plan.analyses.length} analyses on ${table.nrow} rows`);
  const results = runPlan({
    table,
    plan,
    codebook,
    dataFile: options.data,
    planFile: options.plan,
    dataSha256: '',
    now: new Date(),
    toolVersion: VERSION,
    ...pathsForMeta(options.out, codebookPath),
  });
  results.meta.dataSha256 = await data.sha256;
  await writeResultsFolder(options.out, results);
  if (!options.quiet) {
    const cal = results.calibration ? `, calibrated (${results.calibration.method}, ${results.calibration.iterations} iterations)` : '';
    process.stdout.write(
      `Analysed ${table.nrow} rows: ${results.results.length} analyses, ${results.design.strata} strata, ${results.design.psus} PSUs, df ${results.design.df}${cal}.\n` +
        `Wrote ${join(options.out, 'results.json')} and one CSV per analysis.\n`,
    );
  }
}

/** meta.codebook and meta.reportSettings are written relative to the results folder, so it can move. */
function pathsForMeta(outDir: string, codebookPath: string | undefined): { codebookPath?: string; reportSettingsPath?: string } {
  const base = resolve(outDir);
  const settings = join(bundledDataDir(), 'report', 'settings.json');
  return {
    ...(codebookPath === undefined ? {} : { codebookPath: relative(base, resolve(codebookPath)) }),
    ...(existsSync(settings) ? { reportSettingsPath: relative(base, settings) } : {}),
  };
}

export async function writeResultsFolder(outDir: string, results: Results): Promise<void> {
  await writeFolderAtomic(outDir, (dir) => {
    writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    for (const result of results.results) writeFileSync(join(dir, `${result.id}.csv`), resultToCsv(result));
  });
}
