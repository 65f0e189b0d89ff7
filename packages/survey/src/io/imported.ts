/**
 * A data file as its reader found it, before it becomes a table: one entry per column, already
 * typed (numbers in a Float64Array, labelled answers as integer codes into their levels, text as
 * strings), with what the file says about the column (question text, value labels, missing codes,
 * display format). Every format reader (`.sav`, `.xlsx`, Kobo exports) returns this shape, so that
 * nothing after it needs to know which format the data came from.
 */
export interface ImportedTable {
  /** The file as the user named it, for messages. */
  file: string;
  nrow: number;
  columns: ImportedColumn[];
}

/** What a file says about one column, beside its values. */
export interface ColumnInfo {
  name: string;
  /** The question text (SPSS variable label), when the file has one. */
  label?: string;
  /** Labelled values in the file's order (SPSS value labels): `code` as the value is written in text. */
  valueLabels?: { code: string; label: string }[];
  /** Values that mean "missing" (SPSS user-missing values, and values found inside a missing range), as text. */
  missingCodes?: string[];
  /** Missing ranges as declared (SPSS `MISSING VALUES x (90 THRU HI)`); `low`/`high` may be ±Infinity. */
  missingRanges?: { low: number; high: number }[];
  /** The display format as the source names it (SPSS `F8.2`, `A20`, `DATE11`), for documentation. */
  format?: string;
  /** SPSS measurement level, when declared. */
  measure?: 'nominal' | 'ordinal' | 'scale';
  /** What the values are when they are text: ISO dates (`2024-06-11`), date-times or times of day. */
  temporal?: 'date' | 'datetime' | 'time';
}

/** Numbers, NaN where missing. */
export interface ImportedNumbers extends ColumnInfo {
  kind: 'numbers';
  values: Float64Array;
}

/** Labelled answers: `codes[i]` indexes `levels` (the values as text), −1 where missing. */
export interface ImportedDictionary extends ColumnInfo {
  kind: 'dictionary';
  codes: Int32Array;
  levels: string[];
}

/** Text, `''` where missing. */
export interface ImportedText extends ColumnInfo {
  kind: 'text';
  values: string[];
}

export type ImportedColumn = ImportedNumbers | ImportedDictionary | ImportedText;

/** The cell of row `i` as text, as a CSV would hold it (`''` when missing). */
export function importedCell(column: ImportedColumn, i: number): string {
  switch (column.kind) {
    case 'numbers': {
      const value = column.values[i]!;
      return Number.isNaN(value) ? '' : numberText(value);
    }
    case 'dictionary': {
      const code = column.codes[i]!;
      return code < 0 ? '' : column.levels[code]!;
    }
    case 'text':
      return column.values[i]!;
  }
}

/**
 * A number as text the way researchers and R write it: integers without a decimal point, other
 * values with the fewest digits that read back to the same double (JavaScript's `String`).
 */
export function numberText(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}
