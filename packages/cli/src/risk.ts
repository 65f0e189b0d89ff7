import { writeFileAtomic } from '@leakrisk/survey';
import { loadAnonymizeConfig, measureRisk } from '@leakrisk/anonymize';
import { loadInputs, missingCodesByColumn } from './inputs.js';
import { makeProgress } from './progress.js';

/** `leakrisk risk --data file.csv --config anon.json --out risk.json`: measures, changes nothing. */
export async function riskCommand(options: { data: string; config: string; out: string; codebook?: string; quiet?: boolean }): Promise<void> {
  const progress = makeProgress(options.quiet);
  const config = loadAnonymizeConfig(options.config);
  const { table, codebook } = await loadInputs({
    data: options.data,
    codebook: options.codebook,
    codebookFromFile: options.config,
    codebookInFile: config.codebook,
    progress,
  });
  progress.step('computing fk, Fk and individual risk');
  const risk = measureRisk(table, config, { missingCodes: missingCodesByColumn(table, codebook) });
  writeFileAtomic(options.out, `${JSON.stringify(risk, null, 2)}\n`);
  if (!options.quiet) {
    const k = config.privacy.k;
    process.stdout.write(
      `Risk of ${options.data} (${risk.rows} rows, keys: ${risk.keys.join(', ')}): ` +
        `global risk ${risk.globalRisk.toFixed(5)}, expected re-identifications ${risk.expectedReidentifications.toFixed(2)}, ` +
        `records below k=${k}: ${risk.kViolations[String(k)] ?? 'n/a'}.\nWrote ${options.out}.\n`,
    );
  }
}
