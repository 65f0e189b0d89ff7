import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LeakriskError, loadPlan, runPlan, tableFromColumns, writeCsvColumnsAtomic, writeFileAtomic } from '@leakrisk/survey';
import { anonymize, comparePlanResults, draftConfig, loadAnonymizeConfig, resolveKey, type AnonymizeConfig } from '@leakrisk/anonymize';
import type { AnonymizeCliOptions } from './main.js';
import { UsageError } from './errors.js';
import { loadInputs } from './inputs.js';
import { readDataInBackground, type DataInBackground } from './files.js';
import { makeProgress } from './progress.js';
import { VERSION } from './version.js';

/**
 * `leakrisk anonymize --data raw.csv --config anon.json --out anon.csv --audit audit.json`, fail-closed:
 * on any problem it exits 1 and writes nothing. `--init` drafts a config for a new survey instead.
 */
export async function anonymizeCommand(options: AnonymizeCliOptions): Promise<void> {
  const progress = makeProgress(options.quiet);
  if (options.init) {
    const { table, codebook, codebookPath } = await loadInputs({ data: options.data, codebook: options.codebook, progress });
    const draft = draftConfig(table, codebook, codebookPath === undefined ? {} : { codebookPath });
    process.stdout.write(`${JSON.stringify(draft.config, null, 2)}\n`);
    for (const note of draft.notes) process.stderr.write(`note: ${note}\n`);
    return;
  }
  if (options.config === undefined) throw new UsageError('anonymize needs --config (or --init to draft one)');
  if (options.out === undefined) throw new UsageError('anonymize needs --out, the anonymized CSV to write');
  const auditPath = options.audit ?? join(dirname(options.out), 'audit.json');
  if (resolve(options.out) === resolve(options.data)) {
    throw new LeakriskError(
      '--out is the same file as --data; the input is never overwritten',
      { file: options.out },
      'write the anonymized data to a new file',
    );
  }

  // The data file is read on another thread while the config and codebook load, and parsed as it arrives.
  const data = readDataInBackground(options.data, { hash: false });
  try {
    await anonymizeData(options, options.config, options.out, auditPath, data, progress);
  } finally {
    data.stop(); // also on an error: the process need not wait for the reading thread
  }
}

async function anonymizeData(
  options: AnonymizeCliOptions,
  configPath: string,
  outPath: string,
  auditPath: string,
  data: DataInBackground,
  progress: ReturnType<typeof makeProgress>,
): Promise<void> {
  const config = loadAnonymizeConfig(configPath);
  const { table, codebook } = await loadInputs({
    data: options.data,
    codebook: options.codebook,
    codebookFromFile: configPath,
    codebookInFile: config.codebook,
    bytes: data.bytes,
    progress,
  });
  const key = loadKeyIfNeeded(config, configPath);
  progress.step(`anonymizing ${table.nrow} rows`);
  const released = anonymize({ table, config, key, configFile: configPath, codebook });
  const audit = released.audit;

  if (options.plan !== undefined) {
    progress.step('rerunning the analysis plan on raw and anonymized data');
    const plan = loadPlan(options.plan);
    const planCodebook = codebook;
    const common = { plan, codebook: planCodebook, planFile: options.plan, now: new Date(0), toolVersion: VERSION };
    const before = runPlan({ ...common, table, dataFile: options.data, dataSha256: '' });
    const releasedTable = tableFromColumns(
      outPath,
      released.header.map((name, j) => ({ name, column: released.columns[j]! })),
    );
    const after = runPlan({ ...common, table: releasedTable, dataFile: outPath, dataSha256: '' });
    audit.planImpact = comparePlanResults(before, after);
  }

  writeCsvColumnsAtomic(outPath, released.header, released.columns);
  writeFileAtomic(auditPath, `${JSON.stringify(audit, null, 2)}\n`);
  if (!options.quiet) {
    process.stdout.write(`Anonymized ${table.nrow} rows → ${outPath}; audit → ${auditPath}.\n`);
  }
}

/** The key is read only when a column needs one (pseudonymize, dateShift); it never reaches any output. */
function loadKeyIfNeeded(config: AnonymizeConfig, configFile: string): Uint8Array | undefined {
  const needing = Object.entries(config.columns)
    .filter(([, column]) => column.role === 'pseudonymize' || column.role === 'dateShift')
    .map(([name]) => name);
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
  });
}
