import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadPlan, runPlan, resultToCsv, type Plan, type Results } from '@leakrisk/survey';
import { loadInputs } from './inputs.js';
import { readDataInBackground, type DataInBackground } from './files.js';
import { withOutputs, type OutputSet } from './output/index.js';
import { makeProgress } from './progress.js';
import { readReportSettings } from './reportSettings.js';
import { VERSION } from './version.js';

/** What the results folder holds besides results.json and the CSVs, under these names (named in `meta`). */
export const RESULTS_CODEBOOK = 'codebook.json';
export const RESULTS_REPORT_SETTINGS = 'report.json';

interface AnalyzeOptions {
  data: string;
  plan: string;
  out: string;
  codebook?: string;
  quiet?: boolean;
}

/**
 * `leakrisk analyze --data file.csv --plan plan.json --out results/`: results.json, one CSV per
 * analysis, and the codebook used and the plan's report settings copied in, so that the folder is
 * all `leakrisk report` needs, wherever it is moved.
 */
export async function analyzeCommand(options: AnalyzeOptions, data: DataInBackground = readDataInBackground(options.data)): Promise<void> {
  try {
    const { summary, results } = await withOutputs((outputs) => analyzeData(options, data, outputs));
    // Warnings are not progress: they are printed even with --quiet (a model that means nothing must not pass unseen).
    process.stderr.write(modelWarnings(results));
    if (!options.quiet) process.stderr.write(summary);
  } finally {
    data.stop(); // also on an error: the process need not wait for the reading thread
  }
}

async function analyzeData(options: AnalyzeOptions, data: DataInBackground, outputs: OutputSet): Promise<{ summary: string; results: Results }> {
  const progress = makeProgress(options.quiet);
  const plan = loadPlan(options.plan);
  const settings = plan.report === undefined ? undefined : readReportSettings(plan.report);
  outputs
    .reads('--data', options.data)
    .reads('--plan', options.plan)
    .reads(options.codebook === undefined ? 'the codebook named in the plan' : '--codebook', options.codebook ?? plan.codebook)
    .reads('the calibration margins named in the plan', plan.marginsFile);
  for (const [role, file] of settings?.files ?? []) outputs.reads(role, file);
  // Checked here, before the long work: the folder is not an input, and can be written.
  const folder = outputs.folder('--out', options.out);

  const { table, codebook } = await loadInputs({
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
    // No output holds a path of the user's machine: files are named by their base name.
    dataFile: basename(options.data),
    planFile: basename(options.plan),
    dataSha256: '',
    now: new Date(),
    toolVersion: VERSION,
    ...(codebook === undefined ? {} : { codebookPath: RESULTS_CODEBOOK }),
    ...(settings === undefined ? {} : { reportSettingsPath: RESULTS_REPORT_SETTINGS }),
  });
  results.meta.dataSha256 = await data.sha256;

  writeResults(folder, withMargins(results, plan));
  if (codebook !== undefined) writeFileSync(join(folder, RESULTS_CODEBOOK), `${JSON.stringify(codebook, null, 2)}\n`);
  if (settings !== undefined) writeFileSync(join(folder, RESULTS_REPORT_SETTINGS), `${JSON.stringify(settings.settings, null, 2)}\n`);
  const cal = results.calibration ? `, calibrated (${results.calibration.method}, ${results.calibration.iterations} iterations)` : '';
  const replicates = results.design.replicates ? `, ${results.design.replicates.count} ${results.design.replicates.type} replicate weights` : '';
  const summary =
    `Analysed ${table.nrow} rows: ${results.results.length} analyses, ${results.design.strata} strata, ${results.design.psus} PSUs${replicates}, df ${results.design.df}${cal}.\n` +
    `Wrote ${join(options.out, 'results.json')} and one CSV per analysis.\n`;
  return { summary, results };
}

/**
 * One line per warning of a model's fit (separation, non-convergence), naming the analysis and how
 * many of its rows are marked `separation: true` in results.json and its CSV.
 */
function modelWarnings(results: Results): string {
  let text = '';
  for (const result of results.results) {
    const marked = result.rows.filter((row) => row.separation === true).length;
    const rows = marked === 0 ? '' : ` (${marked} ${marked === 1 ? 'row' : 'rows'} marked separation: TRUE)`;
    for (const warning of result.warnings ?? []) text += `warning: analysis "${result.id}": ${warning}${rows}\n`;
  }
  return text;
}

/** The population margins the weights were calibrated to travel with the results (the report's methodology page shows them). */
function withMargins(results: Results, plan: Plan): Results {
  if (results.calibration === null || plan.calibration === undefined) return results;
  return { ...results, calibration: { ...results.calibration, margins: plan.calibration.margins } as Results['calibration'] };
}

function writeResults(folder: string, results: Results): void {
  writeFileSync(join(folder, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const result of results.results) writeFileSync(join(folder, `${result.id}.csv`), resultToCsv(result));
}
