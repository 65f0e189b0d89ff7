import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `data/` folder (bundled instrument, census margins, configs, plans). */
export function bundledDataDir(): string {
  // src/ and dist/ both sit two levels below the workspace root: packages/cli/{src,dist}.
  const fromHere = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data');
  return existsSync(fromHere) ? fromHere : resolve(process.cwd(), 'data');
}

export function bundledCodebookPath(): string {
  return join(bundledDataDir(), 'instrument', 'codebook.json');
}

/** A path written inside a plan or config file is relative to that file's folder. */
export function relativeToFile(file: string, path: string): string {
  return resolve(dirname(file), path);
}
