import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { LeakriskError, loadPlan, runPlan, tableFromColumns, writeCsvColumnsAtomic } from '@leakrisk/survey';
import {
  anonymize,
  comparePlanResults,
  compareStandardErrors,
  loadAnonymizeConfig,
  releasedPlan,
  resolveKey,
  type AnonymizeConfig,
  type Audit,
  type PlanFile,
} from '@leakrisk/anonymize';
import type { AnonymizeCliOptions } from './anonymizeOptions.js';
import { describeAnonymization } from './anonymizeSummary.js';
import { readsOfConfig } from './configInputs.js';
import { UsageError } from './errors.js';
import { loadInputs } from './inputs.js';
import { readDataInBackground, type DataInBackground } from './files.js';
import { withOutputs, type OutputSet } from './output/index.js';
import { makeProgress, type Progress } from './progress.js';
import { VERSION } from './version.js';

/**
 * `leakrisk anonymize --data raw.csv --config anon.json --out anon.csv --audit audit.json`, fail-closed:
 * on any problem it exits 1 and writes nothing. `--init` drafts a config for a new survey instead.
 */
export async function anonymizeCommand(options: AnonymizeCliOptions): Promise<void> {
  const progress = makeProgress(options.quiet);
  if (options.init) {
    const { draftCommand } = await import('./anonymizeInit.js');
    return draftCommand(options, progress);
  }
  if (options.config === undefined) throw new UsageError('anonymize needs --config (or --init to draft one)');
  if (options.out === undefined) throw new UsageError('anonymize needs --out, the anonymized CSV to write');
  const files = {
    config: options.config,
    out: options.out,
    audit: options.audit ?? join(dirname(options.out), 'audit.json'),
    releasedPlan: options.releasedPlan ?? join(dirname(options.out), `${basename(options.out, extname(options.out))}.plan.json`),
  };

  // The data file is read on another thread while the config and codebook load, and parsed as it arrives.
  const data = readDataInBackground(options.data, { hash: false });
  try {
    const audit = await withOutputs((outputs) => anonymizeData(options, files, data, outputs, progress));
    if (!options.quiet) process.stderr.write(describeAnonymization(audit, { out: files.out, audit: files.audit }));
  } finally {
    data.stop(); // also on an error: the process need not wait for the reading thread
  }
}

async function anonymizeData(
  options: AnonymizeCliOptions,
  files: { config: string; out: string; audit: string; releasedPlan: string },
  data: DataInBackground,
  outputs: OutputSet,
  progress: Progress,
): Promise<Audit> {
  const config = loadAnonymizeConfig(files.config);
  const plan = options.plan === undefined ? undefined : loadPlan(options.plan);
  outputs.reads('--data', options.data);
  readsOfConfig(outputs, files.config, config, options.codebook);
  outputs.reads('--plan', options.plan).reads('the calibration margins named in the plan', plan?.marginsFile);
  // Checked here, before the long work: an output onto an input, or a folder that cannot take it, fails now.
  const csvFile = outputs.file('--out', files.out);
  const auditFile = outputs.file('--audit', files.audit);
  // A release with replicate weights in place of its design columns comes with the plan that analyses it.
  const releasedPlanFile = config.design !== undefined && plan !== undefined ? outputs.file('--released-plan', files.releasedPlan) : undefined;

  const { table, codebook, codebookPath } = await loadInputs({
    data: options.data,
    codebook: options.codebook,
    codebookFromFile: files.config,
    codebookInFile: config.codebook,
    bytes: data.bytes,
    progress,
  });
  const key = loadKeyIfNeeded(config, files.config);
  progress.step(`anonymizing ${table.nrow} rows`);
  const released = anonymize({ table, config, key, configFile: files.config, codebook });
  const audit = released.audit;

  let planForRelease: PlanFile | undefined;
  if (plan !== undefined && options.plan !== undefined) {
    progress.step('rerunning the analysis plan on raw and anonymized data');
    const common = { codebook, planFile: options.plan, now: new Date(0), toolVersion: VERSION };
    const before = runPlan({ ...common, plan, table, dataFile: options.data, dataSha256: '' });
    const releasedTable = tableFromColumns(
      files.out,
      released.header.map((name, j) => ({ name, column: released.columns[j]! })),
    );
    // Without its design columns, the released file is analysed with the replicate weights it carries.
    const design = audit.design;
    const after = runPlan({
      ...common,
      plan: design === undefined ? plan : { ...plan, design: design.analysisDesign },
      table: releasedTable,
      dataFile: files.out,
      dataSha256: '',
    });
    audit.planImpact = comparePlanResults(before, after);
    if (design !== undefined && releasedPlanFile !== undefined) {
      design.standardErrors = compareStandardErrors(before, after);
      design.plan = basename(files.releasedPlan);
      const codebookFile = codebookPath === undefined ? undefined : resolve(codebookPath);
      planForRelease = releasedPlan(plan, design.analysisDesign, dirname(resolve(files.releasedPlan)), codebookFile);
    }
  }

  writeCsvColumnsAtomic(csvFile, released.header, released.columns);
  if (planForRelease !== undefined) writeFileSync(releasedPlanFile!, `${JSON.stringify(planForRelease, null, 2)}\n`);
  writeFileSync(auditFile, `${JSON.stringify(withoutMachinePaths(audit), null, 2)}\n`);
  return audit;
}

/** The audit names files by their base name only: no output holds a path of the user's machine. */
function withoutMachinePaths(audit: Audit): Audit {
  return {
    ...audit,
    data: basename(audit.data),
    config: basename(audit.config),
    quasiIdentifiers: audit.quasiIdentifiers.map((key) =>
      key.hierarchy.kind === 'file' ? { ...key, hierarchy: { kind: 'file', path: basename(key.hierarchy.path) } } : key,
    ),
  };
}

/** The key is read only when something needs it (pseudonymize, dateShift, a bootstrap's seed); it never reaches any output. */
function loadKeyIfNeeded(config: AnonymizeConfig, configFile: string): Uint8Array | undefined {
  const needing = Object.entries(config.columns)
    .filter(([, column]) => column.role === 'pseudonymize' || column.role === 'dateShift')
    .map(([name]) => name);
  // Bootstrap replicate weights are drawn from a seed derived from the key.
  if (config.design?.replicates.type === 'bootstrap') needing.push('design.replicates');
  if (needing.length === 0) return undefined;
  if (config.keyFrom === undefined) {
    throw new LeakriskError(
      `columns ${needing.join(', ')} need a pseudonymization key but the config has no "keyFrom"`,
      { file: configFile, column: needing[0] },
      'add "keyFrom": "env:LEAKRISK_KEY" (or "file:path/to/key.txt") and make a key with `leakrisk keygen --out key.txt`',
    );
  }
  return resolveKey(config.keyFrom.spec, {
    env: process.env,
    readFile: (path: string) => readFileSync(path, 'utf8'),
    baseDir: config.dir,
    configFile,
    // Permission bits mean nothing on Windows: no warning there.
    ...(process.platform === 'win32' ? {} : { fileMode: (path: string) => statSync(path).mode }),
    warn: (message: string) => process.stderr.write(`warning: ${message}\n`),
  });
}
