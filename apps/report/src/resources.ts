import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the files the site ships with are. In the repository this package's `src/` or `build/`
 * sits in `apps/report/`, beside `assets/`, and the font comes from its npm package. In the
 * standalone package that `pnpm release` makes, the code is bundled into `dist/`, beside `assets/`
 * and `fonts/` (the font files and their licence, copied there by the release).
 */
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const standaloneFonts = join(packageRoot, 'fonts');

/** The report's stylesheet and script. */
export const assetsDir = join(packageRoot, 'assets');

/** The Noto Nastaliq Urdu font files the site uses and their OFL licence: `[source, name in the site's fonts/]`. */
export function fontFiles(): [source: string, name: string][] {
  const names = [400, 700].map((weight) => `noto-nastaliq-urdu-arabic-${weight}-normal.woff2`);
  if (existsSync(standaloneFonts)) return [...names, 'OFL.txt'].map((name) => [join(standaloneFonts, name), name]);
  const require = createRequire(import.meta.url);
  const fontPackage = dirname(require.resolve('@fontsource/noto-nastaliq-urdu/package.json'));
  return [...names.map((name): [string, string] => [join(fontPackage, 'files', name), name]), [join(fontPackage, 'LICENSE'), 'OFL.txt']];
}
