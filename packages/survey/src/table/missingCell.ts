/**
 * The missing-cell rule, in one place: a cell is missing when it is empty, R's `NA`, or one of its
 * column's declared missing codes (a codebook's `98`, `99`). Every reader, estimator and privacy
 * check asks here.
 */

/** The texts that are missing in every column. */
export const ALWAYS_MISSING: readonly string[] = ['', 'NA'];

/** Whether a cell is missing: empty, `NA`, or one of the column's `missingCodes`. */
export function isMissingCell(cell: string, missingCodes?: ReadonlySet<string>): boolean {
  return cell === '' || cell === 'NA' || missingCodes?.has(cell) === true;
}

/** Every text that is missing in a column: empty, `NA` and its missing codes. */
export function missingTexts(missingCodes?: ReadonlySet<string>): Set<string> {
  return new Set([...ALWAYS_MISSING, ...(missingCodes ?? [])]);
}
