import { pathToFileURL } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { reportFailure, EXIT_OK, EXIT_USAGE } from './errors.js';
import { VERSION } from './version.js';
import { readDataInBackground } from './files.js';
import type { AnonymizeCliOptions } from './anonymizeOptions.js';

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(value);
}

function integer(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

function buildProgram(run: (work: () => Promise<void>) => Promise<void>): Command {
  const program = new Command('leakrisk')
    .description('Survey analysis, anonymization and reporting for research on privacy and online safety in Pakistan')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('keygen')
    .description('write a new random pseudonymization key (32 random bytes, hex) with file mode 0600')
    .requiredOption('--out <file>', 'where to write the key (refuses to overwrite an existing key)')
    .option('--force', 'overwrite an existing key file (pseudonyms made with the old key will no longer match)')
    .option('--quiet', 'no closing message')
    .exitOverride()
    .action((options: { out: string; force?: boolean; quiet?: boolean }) => run(async () => (await import('./keygen.js')).keygenCommand(options)));

  program
    .command('synth')
    .description('write a synthetic RAW survey (fake direct identifiers and free text) from the instrument')
    .requiredOption('--n <rows>', 'number of respondents', positiveInteger)
    .requiredOption('--seed <seed>', 'random seed (same seed, same bytes)', integer)
    .requiredOption('--out <file>', 'CSV file to write')
    .option('--codebook <file>', 'codebook (default: the bundled data/instrument/codebook.json)')
    .option('--quiet', 'no progress messages')
    .exitOverride()
    .action((options: { n: number; seed: number; out: string; codebook?: string; quiet?: boolean }) =>
      run(async () => (await import('./synth.js')).synthCommand(options)),
    );

  program
    .command('anonymize')
    .description('apply an anonymization config (fail-closed), or draft one with --init')
    .requiredOption('--data <file>', 'raw survey data (.csv, .sav/.zsav, .xlsx; KoboToolbox/ODK exports recognised)')
    .option('--config <file>', 'anonymization config (JSON or YAML)')
    .option('--out <file>', 'anonymized CSV to write (with --init: the draft config to write; stdout when absent)')
    .option('--audit <file>', 'audit JSON to write (default: audit.json beside --out)')
    .option('--codebook <file>', 'codebook (JSON/YAML, XLSForm .xlsx or .sav): missing codes, level order, labels')
    .option('--plan <file>', "rerun this analysis plan on raw and anonymized data and report each estimate's change in the audit")
    .option(
      '--released-plan <file>',
      'with a config "design" block and --plan: the plan for the released file, naming its replicate weights (default: <out>.plan.json beside --out)',
    )
    .option('--init', 'draft a config for this data into --out (every column listed; undecided ones must be decided)')
    .option('--quiet', 'no progress messages')
    .exitOverride()
    .action((options: AnonymizeCliOptions) => run(async () => (await import('./anonymize.js')).anonymizeCommand(options)));

  program
    .command('risk')
    .description('disclosure-risk measures (sdcMicro semantics) of a file as it is; changes nothing')
    .requiredOption('--data <file>', 'survey data (.csv, .sav/.zsav, .xlsx)')
    .requiredOption('--config <file>', 'anonymization config: its quasi-identifiers are the keys, privacy.weights the weights')
    .requiredOption('--out <file>', 'risk JSON to write')
    .option('--codebook <file>', 'codebook: missing codes')
    .option('--quiet', 'no progress messages')
    .exitOverride()
    .action((options: { data: string; config: string; out: string; codebook?: string; quiet?: boolean }) =>
      run(async () => (await import('./risk.js')).riskCommand(options)),
    );

  program
    .command('analyze')
    .description('run an analysis plan (design-based estimates as R survey) and write results/results.json + CSVs')
    .requiredOption('--data <file>', 'survey data (.csv, .sav/.zsav, .xlsx)')
    .requiredOption('--plan <file>', 'analysis plan (JSON or YAML)')
    .requiredOption('--out <dir>', 'results folder to write')
    .option('--codebook <file>', 'codebook: missing codes, level order, labels (default: the plan\'s "codebook")')
    .option('--quiet', 'no progress messages')
    .exitOverride()
    .action((options: { data: string; plan: string; out: string; codebook?: string; quiet?: boolean }) =>
      run(async () => {
        // The data is read on another thread while this one loads the analysis code.
        const data = readDataInBackground(options.data);
        return (await import('./analyze.js')).analyzeCommand(options, data);
      }),
    );

  program
    .command('report')
    .description('build the static bilingual report from a results folder (no microdata goes in)')
    .requiredOption('--results <dir>', 'results folder (results.json, optional audit.json)')
    .requiredOption('--out <dir>', 'site folder to write')
    .addOption(new Option('--codebook <file>', 'codebook for question wording (default: the one named in results.json)'))
    .option('--settings <file>', 'report settings (default: the ones named in results.json, else data/report/settings.json)')
    .option('--quiet', 'no progress messages')
    .exitOverride()
    .action((options: { results: string; out: string; codebook?: string; settings?: string; quiet?: boolean }) =>
      run(async () => (await import('./report.js')).reportCommand(options)),
    );

  program
    .command('codebook')
    .description('write the codebook drawn from an XLSForm (.xlsx), an SPSS file (.sav/.zsav) or a data file (.csv, .xlsx), for review')
    .requiredOption('--from <file>', 'XLSForm, SPSS file or data file')
    .requiredOption('--out <file>', 'codebook JSON to write')
    .option('--quiet', 'no closing message')
    .exitOverride()
    .action((options: { from: string; out: string; quiet?: boolean }) => run(async () => (await import('./codebook.js')).codebookCommand(options)));

  program
    .command('init')
    .description('draft a study for a new survey: anonymize.json, plan.json, report.json, codebook.json and README.md (decisions to review)')
    .requiredOption('--data <file>', 'the raw survey data (.csv, .sav/.zsav, .xlsx; KoboToolbox/ODK exports recognised)')
    .option('--codebook <file>', 'the XLSForm (.xlsx), SPSS file or codebook JSON/YAML (a .sav carries its own)')
    .requiredOption('--out <dir>', 'study folder to write')
    .option('--quiet', 'no progress messages')
    .exitOverride()
    .action((options: { data: string; codebook?: string; out: string; quiet?: boolean }) =>
      run(async () => (await import('./init/initCommand.js')).initCommand(options)),
    );

  return program;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(async (work) => {
    try {
      await work();
    } catch (error) {
      exitCode = reportFailure(error, (text) => process.stderr.write(text));
    }
  });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    return reportFailure(error, (text) => process.stderr.write(text));
  }
  return exitCode;
}

const runDirectly = process.env.LEAKRISK_RUN_MAIN === '1' && process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
