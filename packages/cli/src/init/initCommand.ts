import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { codebookFrom, readDataFile, type Codebook } from '@leakrisk/survey';
import { withOutputs } from '../output/index.js';
import { makeProgress } from '../progress.js';
import { draftAnonymization } from './draftAnonymization.js';
import { draftDesign, draftPlan } from './draftPlan.js';
import { draftSettings } from './draftSettings.js';
import { studyReadme } from './studyReadme.js';

export interface InitOptions {
  data: string;
  codebook?: string;
  out: string;
  quiet?: boolean;
}

/**
 * `leakrisk init --data FILE [--codebook FILE] --out study/`: drafts a study for a new survey that
 * runs unedited — `anonymize.json`, `plan.json`, `report.json`, the `codebook.json` they name (drawn
 * from the XLSForm, the `.sav` or the data), any hierarchy the data gives, and a `README.md` of the
 * decisions to review. Paths inside are relative to the study folder.
 */
export async function initCommand(options: InitOptions): Promise<void> {
  const progress = makeProgress(options.quiet);
  const summary = await withOutputs(async (outputs) => {
    outputs.reads('--data', options.data).reads('--codebook', options.codebook);
    const folder = outputs.folder('--out', options.out);
    const given = options.codebook === undefined ? undefined : await codebookFrom(options.codebook);
    progress.step(`reading ${options.data}`);
    const data = await readDataFile(options.data, given === undefined ? {} : { codebook: given });
    const codebook: Codebook = data.codebook ?? (await codebookFrom(options.data));
    const { table } = data;

    const design = draftDesign(table);
    progress.step(`drafting the anonymization (trial runs on ${table.nrow} rows)`);
    const designColumns = [...design.ids, design.strata, design.weights].filter((name): name is string => name !== undefined);
    const anonymization = draftAnonymization(table, codebook, design.weights, designColumns);
    const plan = draftPlan(table, codebook, anonymization.config.columns, design);
    const analyses = (plan.plan['analyses'] as unknown[]).length;

    const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
    writeFileSync(join(folder, 'codebook.json'), json(codebook));
    writeFileSync(join(folder, 'anonymize.json'), json(anonymization.config));
    for (const [file, csv] of anonymization.hierarchies) writeFileSync(join(folder, file), csv);
    writeFileSync(join(folder, 'plan.json'), json(plan.plan));
    writeFileSync(join(folder, 'report.json'), json(draftSettings(codebook, options.data, plan.groupings)));
    writeFileSync(
      join(folder, 'README.md'),
      studyReadme({ data: options.data, study: options.out, codebookFrom: options.codebook ?? options.data, anonymization, design, plan, analyses }),
    );
    const counts = new Map<string, number>();
    for (const entry of Object.values(anonymization.config.columns)) {
      const role = typeof entry === 'string' ? entry : entry.role;
      counts.set(role, (counts.get(role) ?? 0) + 1);
    }
    return (
      `Drafted a study for ${basename(options.data)} (${table.nrow} rows, ${table.header.length} columns) in ${options.out}: ` +
      `${[...counts].map(([role, n]) => `${n} ${role}`).join(', ')}; ${analyses} analyses; k = 5 within ${Math.round(anonymization.config.privacy.maxSuppressedShare * 100)}% suppression.\n` +
      `Review ${join(options.out, 'README.md')} before publishing anything.\n`
    );
  });
  if (!options.quiet) process.stderr.write(summary);
}
