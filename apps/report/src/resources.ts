import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the files the site ships with are. In the repository this package's `src/` or `build/`
 * sits in `apps/report/`, beside `assets/`, and the fonts come from their npm packages. In the
 * standalone package that `pnpm release` makes, the code is bundled into `dist/`, beside `assets/`
 * and `fonts/`, which holds each font package's used files and licence in the package's own layout
 * (`fonts/@fontsource/noto-sans/files/…`, `…/LICENSE`).
 */
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The report's stylesheet and script. */
export const assetsDir = join(packageRoot, 'assets');

/** In the standalone package, the folder standing in for an installed font package; undefined in the repository. */
export function standaloneFontPackageDir(fontPackage: string): string | undefined {
  const dir = join(packageRoot, 'fonts', fontPackage);
  return existsSync(dir) ? dir : undefined;
}
