import { writeFileSync } from 'node:fs';
import { loadAnonymizeConfig, measureRisk } from '@leakrisk/anonymize';
import { readsOfConfig } from './configInputs.js';
import { loadInputs, missingCodesByColumn } from './inputs.js';
import { withOutputs } from './output/index.js';
import { makeProgress } from './progress.js';

/** `leakrisk risk --data file.csv --config anon.json --out risk.json`: measures, changes nothing. */
export async function riskCommand(options: { data: string; config: string; out: string; codebook?: string; quiet?: boolean }): Promise<void> {
  const progress = makeProgress(options.quiet);
  const summary = await withOutputs(async (outputs) => {
    const config = loadAnonymizeConfig(options.config);
    outputs.reads('--data', options.data);
    readsOfConfig(outputs, options.config, config, options.codebook);
    const riskFile = outputs.file('--out', options.out);
    const { table, codebook } = await loadInputs({
      data: options.data,
      codebook: options.codebook,
      codebookFromFile: options.config,
      codebookInFile: config.codebook,
      progress,
    });
    progress.step('computing fk, Fk and individual risk');
    const risk = measureRisk(table, config, { missingCodes: missingCodesByColumn(table, codebook) });
    writeFileSync(riskFile, `${JSON.stringify(risk, null, 2)}\n`);
    const k = config.privacy.k;
    return (
      `Risk of ${options.data} (${risk.rows} rows, keys: ${risk.keys.join(', ')}): ` +
      `global risk ${risk.globalRisk.toFixed(5)}, expected re-identifications ${risk.expectedReidentifications.toFixed(2)}, ` +
      `records below k=${k}: ${risk.kViolations[String(k)] ?? 'n/a'}.\nWrote ${options.out}.\n`
    );
  });
  if (!options.quiet) process.stderr.write(summary);
}
