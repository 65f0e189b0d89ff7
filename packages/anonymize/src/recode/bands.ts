import { cellInMessage, parseNumberText, LeakriskError } from '@leakrisk/survey';

/**
 * Numeric bands for a quasi-identifier (age, household size, …), the first level of its hierarchy.
 *
 * `breaks = [18, 26, 36, 46, 56, 66]` gives the half-open intervals [18, 26), [26, 36), …, [66, ∞)
 * labelled `18-25`, `26-35`, `36-45`, `46-55`, `56-65`, `66+`: the last band is open, which top-codes
 * every value at or above the last break. A value below the first break is bottom-coded into one band
 * labelled `<18`, so that no extreme low value (an under-age respondent, a typing error) is released as
 * itself. Labels use `lo-(hi-1)` when both breaks are integers (the survey convention for whole years),
 * and `lo-<hi` otherwise (e.g. `0.5-<1.5`). A cell that already holds one of the labels passes through,
 * so that anonymizing an anonymized file is a no-op for this column.
 */
export interface Bands {
  breaks: number[];
  /** Label of each band, lowest first; `labels[0]` is the bottom-code band `<first`. */
  labels: string[];
}

/** Validates breaks (finite, strictly increasing, at least one) and builds the labels. */
export function makeBands(breaks: readonly number[], column = ''): Bands {
  if (breaks.length === 0) {
    throw new LeakriskError('recode.bands is empty', { column }, 'give at least one break, e.g. "bands": [18, 26, 36, 46, 56, 66]');
  }
  for (let i = 0; i < breaks.length; i++) {
    const b = breaks[i]!;
    if (!Number.isFinite(b)) {
      throw new LeakriskError(`recode.bands[${i}] is not a finite number`, { column }, 'use numbers such as [18, 26, 36]');
    }
    if (i > 0 && !(b > breaks[i - 1]!)) {
      throw new LeakriskError(`recode.bands must increase strictly, but ${b} follows ${breaks[i - 1]}`, { column }, 'sort the breaks and remove duplicates');
    }
  }
  const labels = [`<${fmt(breaks[0]!)}`];
  for (let i = 0; i < breaks.length; i++) labels.push(bandLabel(breaks[i]!, breaks[i + 1]));
  return { breaks: [...breaks], labels };
}

/** The label of [lo, hi) (or [lo, ∞) when `hi` is undefined). */
export function bandLabel(lo: number, hi: number | undefined): string {
  if (hi === undefined) return `${fmt(lo)}+`;
  if (Number.isInteger(lo) && Number.isInteger(hi)) return hi - 1 === lo ? fmt(lo) : `${fmt(lo)}-${fmt(hi - 1)}`;
  return `${fmt(lo)}-<${fmt(hi)}`;
}

function fmt(x: number): string {
  return String(x);
}

/**
 * The band index of a value: 0 for the bottom-code band (below the first break), i + 1 for
 * [breaks[i], breaks[i+1]). A cell that already holds a band label maps to that band. Returns -1 for
 * a cell that is neither a number nor a label (the caller reports it).
 */
export function bandIndex(bands: Bands, cell: string): number {
  const trimmed = cell.trim();
  const x = parseNumberText(cell);
  if (Number.isFinite(x)) {
    const breaks = bands.breaks;
    if (x < breaks[0]!) return 0;
    // binary search for the last break ≤ x
    let lo = 0;
    let hi = breaks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (breaks[mid]! <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  return bands.labels.indexOf(trimmed);
}

/** Recodes one cell to its band label; throws naming the row when the cell is not a number. */
export function recodeToBand(bands: Bands, cell: string, where: { file?: string; column?: string; row?: number } = {}): string {
  const index = bandIndex(bands, cell);
  if (index < 0) {
    throw new LeakriskError(
      `the value (${cellInMessage(cell, false)}) is not a number, so it cannot be put into a band`,
      where,
      'correct the value, declare it as a missing code in the codebook, or classify the column with a hierarchy instead of bands',
    );
  }
  return bands.labels[index]!;
}
