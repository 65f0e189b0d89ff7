import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The bundled `data/` folder (instrument, census margins, configs, plans, report settings): in the
 * standalone package made by `pnpm release` it sits beside the bundle's `dist/`; in the repository,
 * at the root, two levels above `packages/cli/{src,dist,bundle}`. Never the current folder: the
 * command runs from anywhere.
 */
function bundledDataDir(): string {
  const candidates = [resolve(here, '..', 'data'), resolve(here, '..', '..', '..', 'data')];
  return candidates.find((dir) => existsSync(join(dir, 'instrument'))) ?? candidates[candidates.length - 1]!;
}

export function bundledCodebookPath(): string {
  return join(bundledDataDir(), 'instrument', 'codebook.json');
}

/** A path written inside a plan or config file is relative to that file's folder. */
export function relativeToFile(file: string, path: string): string {
  return resolve(dirname(file), path);
}
