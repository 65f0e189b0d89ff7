import { isMissingCell, type DictionaryColumn } from '@leakrisk/survey';

/** Rows whose text is not missing (empty, `NA` or a missing code): the audit's `cells`. */
export function nonMissingCells(column: DictionaryColumn, missing: ReadonlySet<string> | undefined): number {
  const present = Uint8Array.from(column.levels, (value) => (isMissingCell(value, missing) ? 0 : 1));
  const { codes } = column;
  let count = 0;
  for (let i = 0; i < codes.length; i++) count += present[codes[i]!]!;
  return count;
}

/** Rows whose text differs between two columns of the same rows: the audit's `changed`. */
export function changedCells(before: DictionaryColumn, after: DictionaryColumn): number {
  let count = 0;
  for (let i = 0; i < before.codes.length; i++) if (before.levels[before.codes[i]!] !== after.levels[after.codes[i]!]) count++;
  return count;
}
