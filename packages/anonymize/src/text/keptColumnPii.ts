import { piiKindsIn } from './piiKinds.js';
import { PII_TYPES, type PiiType } from './types.js';

/** Distinct values looked at first; the whole column is read only when they find something. */
export const PII_SAMPLE_VALUES = 5000;

/** Personal data found in a kept column: the kind, and how many cells (rows) hold it. */
export interface KeptColumnPii {
  kind: PiiType;
  cells: number;
}

/**
 * The personal data a column meant to be released as it is (`keep`) holds by content, judged on its
 * distinct values: `values[v]` occurs in `rows[v]` cells; `isMissing` cells are skipped. The first
 * `PII_SAMPLE_VALUES` distinct values (in order of first appearance, so the answer never depends on
 * chance) are checked, and only when one of them looks like personal data, or the column has no more
 * values than that, is every value checked, so that the cells can be counted. Each value is judged by
 * `piiKindsIn`, the scrubber's detectors for one value (a numeric column — weights, Likert codes — costs
 * one look per value: a number of fewer than nine digits is never a phone or CNIC). A name (`NAME`)
 * counts only when at least two distinct values are names: one such value may be a public figure or a
 * category.
 *
 * @returns the kinds found with their cells, in `PII_TYPES` order; empty when none.
 */
export function piiInKeptColumn(values: readonly string[], rows: ArrayLike<number>, isMissing: (value: string) => boolean): KeptColumnPii[] {
  const cells = new Map<PiiType, number>();
  const distinct = new Map<PiiType, number>();
  const scan = (from: number, to: number) => {
    for (let v = from; v < to; v++) {
      const value = values[v]!;
      if (isMissing(value)) continue;
      for (const kind of piiKindsIn(value)) {
        cells.set(kind, (cells.get(kind) ?? 0) + rows[v]!);
        distinct.set(kind, (distinct.get(kind) ?? 0) + 1);
      }
    }
  };
  const sample = Math.min(values.length, PII_SAMPLE_VALUES);
  scan(0, sample);
  if (cells.size > 0) scan(sample, values.length);
  return PII_TYPES.filter((kind) => cells.has(kind) && (kind !== 'NAME' || distinct.get(kind)! >= 2)).map((kind) => ({ kind, cells: cells.get(kind)! }));
}
