import { LeakriskError } from '../errors.js';
import { isMissingCell } from '../table/missingCell.js';
import { distinctTexts } from '../table/distinct.js';
import { columnOf, type Table } from '../table/table.js';

export interface BuildDesignOptions {
  /** Missing codes per column name (the codebook's), besides empty and `NA`. */
  missingCodes?: ReadonlyMap<string, ReadonlySet<string>> | Readonly<Record<string, ReadonlySet<string>>>;
}

/** The missing codes of one design column. */
export function codesFor(options: BuildDesignOptions, column: string): ReadonlySet<string> | undefined {
  const m = options.missingCodes;
  if (m === undefined) return undefined;
  if (m instanceof Map) return m.get(column);
  return (m as Readonly<Record<string, ReadonlySet<string>>>)[column];
}

/** Dense integer codes of a text column; a missing cell is an error (R: "missing values in `id'"). */
export function requiredCodes(
  table: Table,
  column: string,
  role: string,
  missing: ReadonlySet<string> | undefined,
): { codes: Int32Array; labels: readonly string[] } {
  const { codes, levels } = distinctTexts(columnOf(table, column, `name an existing column as the design's ${role}`));
  levels.forEach((cell, k) => {
    if (isMissingCell(cell, missing)) {
      const row = codes.indexOf(k) + 1;
      throw new LeakriskError(
        `row ${row} has no ${role} (the cell is empty or a missing code)`,
        { file: table.file, row, column },
        `every row needs a ${role}: fill in the ${role} of row ${row}, or remove the row before the analysis`,
      );
    }
  });
  return { codes, labels: levels };
}
