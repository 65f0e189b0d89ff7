import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { standaloneFontPackageDir } from '../../resources.js';

/** The two font families chart text is set in; the site bundles both (assets/fonts), so text can be measured before it is drawn. */
export type ChartFamily = 'Noto Sans' | 'Noto Nastaliq Urdu';

export interface BundledFont {
  family: ChartFamily;
  weight: 400 | 700;
  /** npm package the file comes from (SIL Open Font License 1.1). */
  fontPackage: string;
  /** File name inside the package's `files/` folder; the site serves it as `assets/fonts/<file>`. */
  file: string;
}

/**
 * Code points the browser takes from Noto Nastaliq Urdu: the `unicode-range` of its `@font-face` rules in
 * assets/report.css (a test keeps the two equal). Everything else (digits, Latin, spaces, punctuation) is
 * set in Noto Sans in both editions.
 */
export const NASTALIQ_RANGES: readonly (readonly [number, number])[] = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [0x200c, 0x200e],
  [0x2010, 0x2011],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefc],
];

export const BUNDLED_FONTS: readonly BundledFont[] = [
  { family: 'Noto Sans', weight: 400, fontPackage: '@fontsource/noto-sans', file: 'noto-sans-latin-400-normal.woff2' },
  { family: 'Noto Sans', weight: 700, fontPackage: '@fontsource/noto-sans', file: 'noto-sans-latin-700-normal.woff2' },
  { family: 'Noto Nastaliq Urdu', weight: 400, fontPackage: '@fontsource/noto-nastaliq-urdu', file: 'noto-nastaliq-urdu-arabic-400-normal.woff2' },
  { family: 'Noto Nastaliq Urdu', weight: 700, fontPackage: '@fontsource/noto-nastaliq-urdu', file: 'noto-nastaliq-urdu-arabic-700-normal.woff2' },
];

/** The fonts' licences (SIL OFL 1.1, each with its copyright line), shipped beside them as `assets/fonts/<file>`. */
export const FONT_LICENCES: readonly { fontPackage: string; file: string }[] = [
  { fontPackage: '@fontsource/noto-nastaliq-urdu', file: 'OFL.txt' },
  { fontPackage: '@fontsource/noto-sans', file: 'OFL-noto-sans.txt' },
];

/** The `font-family` of chart text: Urdu letters in Nastaliq, the rest in Noto Sans (the same stack in assets/report.css). */
export function chartFontFamily(rtl: boolean | undefined): string {
  return rtl ? '"Noto Nastaliq Urdu", "Noto Sans", sans-serif' : '"Noto Sans", sans-serif';
}

const require = createRequire(import.meta.url);
/**
 * The font packages: installed (named literally, so that dependency checkers see them), or in the
 * standalone package their copies beside the bundle (see resources.ts).
 */
const PACKAGE_DIRS: Record<string, () => string> = {
  '@fontsource/noto-sans': () => standaloneFontPackageDir('@fontsource/noto-sans') ?? dirname(require.resolve('@fontsource/noto-sans/package.json')),
  '@fontsource/noto-nastaliq-urdu': () =>
    standaloneFontPackageDir('@fontsource/noto-nastaliq-urdu') ?? dirname(require.resolve('@fontsource/noto-nastaliq-urdu/package.json')),
};

/** Folder of a font package. */
export function fontPackageDir(fontPackage: string): string {
  const dir = PACKAGE_DIRS[fontPackage];
  if (dir === undefined) throw new Error(`${fontPackage} is not one of the report's font packages`);
  return dir();
}

/** Where a bundled font file is on disk (the file the build copies into the site and the measurer reads). */
export function bundledFontPath(font: BundledFont): string {
  return join(fontPackageDir(font.fontPackage), 'files', font.file);
}

export function inNastaliqRange(codePoint: number): boolean {
  return NASTALIQ_RANGES.some(([low, high]) => codePoint >= low && codePoint <= high);
}
