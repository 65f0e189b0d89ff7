import { resolve } from 'node:path';
import type { AnonymizeConfig } from '@leakrisk/anonymize';
import type { OutputSet } from './output/index.js';

/**
 * Names to the output guard every file an anonymization config makes the command read: the config
 * itself, its codebook (unless `--codebook` replaces it), each hierarchy file and the key file of
 * `keyFrom: "file:…"` — the key is protected even by commands that do not read it.
 */
export function readsOfConfig(outputs: OutputSet, configPath: string, config: AnonymizeConfig, codebookOption: string | undefined): void {
  outputs.reads('--config', configPath);
  if (codebookOption !== undefined) outputs.reads('--codebook', codebookOption);
  else outputs.reads('the codebook named in the config', config.codebook);
  for (const [column, spec] of Object.entries(config.columns)) {
    if (spec.hierarchy === undefined) continue;
    // One of `file` and `path` is the path as written in the config, the other resolved: both name the file read.
    for (const path of new Set([spec.hierarchy.file, spec.hierarchy.path]))
      outputs.reads(`the hierarchy file of column "${column}"`, resolve(config.dir, path));
  }
  if (config.keyFrom?.kind === 'file') outputs.reads('the key file (keyFrom)', config.keyFrom.path);
}
