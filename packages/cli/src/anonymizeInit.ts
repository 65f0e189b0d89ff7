import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { draftConfig } from '@leakrisk/anonymize';
import type { AnonymizeCliOptions } from './anonymizeOptions.js';
import { loadInputs } from './inputs.js';
import { withOutputs } from './output/index.js';
import type { Progress } from './progress.js';

/**
 * `leakrisk anonymize --init --data raw.csv [--codebook cb.json] --out anon.json`: drafts a config
 * with every column listed, for the researcher to review. Without `--out` the draft goes to stdout.
 * Notes on the proposals go to stderr.
 */
export async function draftCommand(options: AnonymizeCliOptions, progress: Progress): Promise<void> {
  const out = options.out;
  const notes = await withOutputs(async (outputs) => {
    outputs.reads('--data', options.data).reads('--codebook', options.codebook);
    const file = out === undefined ? undefined : outputs.file('--out', out);
    const { table, codebook, codebookPath } = await loadInputs({ data: options.data, codebook: options.codebook, progress });
    // The codebook path inside the draft is relative to where the draft is written (paths in a config are relative to it).
    const from = out === undefined ? process.cwd() : dirname(resolve(out));
    const draft = draftConfig(table, codebook, codebookPath === undefined ? {} : { codebookPath: relative(from, resolve(codebookPath)).split(sep).join('/') });
    const text = `${JSON.stringify(draft.config, null, 2)}\n`;
    if (file === undefined) process.stdout.write(text);
    else writeFileSync(file, text);
    return draft.notes;
  });
  for (const note of notes) process.stderr.write(`note: ${note}\n`);
  if (out !== undefined && !options.quiet) process.stderr.write(`Wrote a draft anonymization config to ${out}: review every column before using it.\n`);
}
