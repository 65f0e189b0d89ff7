import type { SurveyDesign } from '../design/types.js';
import { cellInMessage, LeakriskError } from '../errors.js';
import type { DictionaryColumn } from '../table/column.js';

/**
 * One calibration margin: a categorical variable of the sample and the population total of each
 * of its levels (for example census counts by province). Levels are matched by their labels.
 */
export interface Margin {
  /** The variable's name (column), for messages and results. */
  variable: string;
  /** The sample's values as factor codes (−1 = missing) into `column.levels`. */
  column: DictionaryColumn;
  /** Population total of each level, keyed by level label. */
  totals: Readonly<Record<string, number>>;
}

/**
 * A margin checked against the sample: `target[c]` is the population total of the column's level
 * `c` (NaN for a level with neither sample rows nor population), `present[c]` whether the level
 * has sample rows.
 */
export interface CheckedMargin {
  variable: string;
  codes: Int32Array;
  levels: readonly string[];
  target: Float64Array;
  present: Uint8Array;
  /** Sum of the population totals. */
  total: number;
}

/** Relative tolerance within which every margin must sum to the same population total (0.1%). */
export const MARGIN_TOTAL_TOLERANCE = 0.001;

/**
 * Checks margins against the sample and each other, with errors a researcher can act on:
 * a missing value of a margin variable (naming the first row), a sample level without a population
 * total, a population level (with a positive total) that no sample row has, a negative or
 * non-finite total, and margins whose totals differ by more than 0.1%.
 */
export function checkMargins(design: SurveyDesign, margins: readonly Margin[]): CheckedMargin[] {
  if (margins.length === 0) {
    throw new LeakriskError(
      'calibration needs at least one margin',
      { file: design.file, column: 'calibration.margins' },
      'give the population totals of at least one variable under "margins" in the plan',
    );
  }
  const checked = margins.map((margin) => checkOneMargin(design, margin));
  const reference = checked[0]!;
  for (const margin of checked.slice(1)) {
    if (Math.abs(margin.total - reference.total) > MARGIN_TOTAL_TOLERANCE * Math.abs(reference.total)) {
      throw new LeakriskError(
        `the population totals of margin "${margin.variable}" sum to ${margin.total}, but those of "${reference.variable}" sum to ${reference.total} (more than 0.1% apart)`,
        { column: `calibration.margins.${margin.variable}` },
        'every margin must describe the same population: correct the totals so that all margins sum to the same number',
      );
    }
  }
  return checked;
}

function checkOneMargin(design: SurveyDesign, margin: Margin): CheckedMargin {
  const { variable, column, totals } = margin;
  const codes = column.codes;
  if (codes.length !== design.nrow) {
    throw new LeakriskError(
      `internal: margin variable "${variable}" has ${codes.length} values for a design of ${design.nrow} rows`,
      { file: design.file, column: variable },
      'report this as a bug',
    );
  }
  const levels = column.levels;
  const present = new Uint8Array(levels.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0) {
      throw new LeakriskError(
        `row ${i + 1} has no value for the calibration variable "${variable}"; calibration needs it on every row`,
        { file: design.file, row: i + 1, column: variable },
        `fill in "${variable}" before calibrating: derive or impute it in the plan's "derive" step (e.g. a value map with "missing"), or calibrate on other variables`,
      );
    }
    present[c] = 1;
  }
  const target = new Float64Array(levels.length).fill(Number.NaN);
  const levelIndex = new Map<string, number>();
  levels.forEach((level, k) => {
    levelIndex.set(level, k);
  });
  let total = 0;
  for (const [level, value] of Object.entries(totals)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new LeakriskError(
        `the population total of level "${level}" of margin "${variable}" is ${String(value)}, not a non-negative number`,
        { column: `calibration.margins.${variable}.${level}` },
        'give every level a population count (a number ≥ 0)',
      );
    }
    total += value;
    const k = levelIndex.get(level);
    if (k === undefined || present[k] === 0) {
      if (value === 0) continue;
      throw new LeakriskError(
        `level "${level}" of margin "${variable}" has a population total (${value}) but no row of the sample has it`,
        { file: design.file, column: variable },
        `check the spelling of "${level}" against the data's values of "${variable}" (${sampleLevels(levels, present)}), or merge it with a neighbouring level in both the data and the margins`,
      );
    }
    target[k] = value;
  }
  for (let k = 0; k < levels.length; k++) {
    if (present[k] === 1 && Number.isNaN(target[k]!)) {
      throw new LeakriskError(
        `a level (${cellInMessage(levels[k]!, true)}) of variable "${variable}" occurs in the sample but has no population total in the margins`,
        { file: design.file, column: variable },
        `add that level with its population total to the margin of "${variable}", or recode it into a level that has one`,
      );
    }
    if (present[k] === 1 && target[k] === 0) {
      throw new LeakriskError(
        `a level (${cellInMessage(levels[k]!, true)}) of variable "${variable}" occurs in the sample but its population total is 0`,
        { file: design.file, column: variable },
        `give that level its population total, or recode it into a level that has one`,
      );
    }
  }
  return { variable, codes, levels, target, present, total };
}

function sampleLevels(levels: readonly string[], present: Uint8Array): string {
  return levels.filter((_, k) => present[k] === 1).join(', ');
}

/** Weighted total of each level: `sum_{i: code_i = c} w_i`. */
export function levelTotals(codes: Int32Array, nLevels: number, weights: Float64Array): Float64Array {
  const out = new Float64Array(nLevels);
  for (let i = 0; i < codes.length; i++) out[codes[i]!] += weights[i]!;
  return out;
}

/** Largest |weighted total − population total| over the levels of all margins. */
export function maxMarginDiscrepancy(margins: readonly CheckedMargin[], weights: Float64Array): number {
  let worst = 0;
  for (const margin of margins) {
    const totals = levelTotals(margin.codes, margin.levels.length, weights);
    for (let c = 0; c < totals.length; c++) {
      if (margin.present[c] === 1) worst = Math.max(worst, Math.abs(totals[c]! - margin.target[c]!));
    }
  }
  return worst;
}
