import type { Localized } from '@leakrisk/survey';
import type { Lang, Strings } from '../../i18n/index.js';
import type { Labels } from '../labels.js';
import type { TestEntry } from '../significanceTests.js';

/** A cell of a figure's CSV: exactly what is plotted, `null` (an empty cell) where suppressed. */
export type CsvValue = string | number | boolean | null;

/** A figure drawn in one language: the SVG (none for a table), its text description, data table and notes. */
interface DrawnFigure {
  svg: SVGSVGElement | null;
  description: string;
  table: { head: string[]; rows: string[][] };
  /** Extra caption notes (plain text). */
  notes: string[];
}

/** What a figure shows: a chart of one of the chart kinds, or a table of numbers (`table`). */
type FigureKind = 'likert' | 'dot-interval' | 'small-multiples' | 'awareness' | 'coefficients' | 'score-distribution' | 'table';

/** A figure of the report, independent of language until drawn. */
export interface FigureSpec {
  id: string;
  kind: FigureKind;
  /** The ids of the analyses whose results it shows (every analysis is shown somewhere). */
  analyses: string[];
  title: Localized;
  /** Question wording (or the model in words) shown in the caption, one line each. */
  questions: Localized[];
  /** Smallest and largest unweighted base of the estimates shown (suppressed ones left out). */
  base: { min: number; max: number } | null;
  /** A model's base: the respondents it was fitted on. */
  modelBase?: number | null;
  /** Whether any estimate is suppressed (adds the suppression note). */
  hasSuppressed: boolean;
  /** Exactly the numbers shown (suppressed estimates empty). */
  csv: { header: string[]; rows: CsvValue[][] };
  /** Draws the figure; `layout` picks the wide (default) or the narrow, phone-sized drawing. */
  draw(document: Document, lang: Lang, domId: string, layout?: ChartLayout): DrawnFigure;
}

/** Drawing width: every chart is drawn wide (640) for screens and print, and narrow (360) for phones. */
export interface ChartLayout {
  width: number;
  narrow: boolean;
}

export const WIDE: ChartLayout = { width: 640, narrow: false };
export const NARROW: ChartLayout = { width: 360, narrow: true };

/** What every figure builder reads besides its analyses. */
export interface FigureInputs {
  labels: Labels;
  strings: Record<Lang, Strings>;
  minBase: number;
  /** Rows of the analysed file: the base of whole-population rows that carry no `n`. */
  sampleSize: number | null;
  designDf: number | null;
  tests: TestEntry[];
  /** Build warnings (e.g. intervals computed for results made by an older leakrisk). */
  warnings: string[];
}
