import { LeakriskError } from '../errors.js';
import type { Column } from './column.js';

/**
 * A data file held by column: `columns[j]` holds the cells of column `header[j]`, `nrow` rows each.
 * Cells are kept as the file has them (no trimming, no type guessing); what counts as missing is
 * decided later, per column, by the codebook (`isMissingCell`). Every reader (CSV, SPSS, XLSX, …)
 * returns one, and nothing downstream knows which.
 */
export interface Table {
  /** The file name as the user gave it, for messages. */
  readonly file: string;
  readonly header: readonly string[];
  readonly columns: readonly Column[];
  readonly nrow: number;
}

/** A named column, to build a table from. */
export interface NamedColumn {
  name: string;
  column: Column;
}

/**
 * A table from named columns of the same length, e.g.
 * `tableFromColumns('survey.sav', [{ name: 'age', column: numberColumn(ages) }, { name: 'gender', column: dictionaryColumn(codes, ['female', 'male']) }])`.
 * A name that is empty or given twice is an error naming the file and the column.
 */
export function tableFromColumns(file: string, columns: readonly NamedColumn[]): Table {
  const seen = new Set<string>();
  columns.forEach(({ name }, j) => {
    if (name.trim() === '') throw new LeakriskError(`column ${j + 1} has no name`, { file }, 'give every column a name');
    if (seen.has(name)) throw new LeakriskError(`the file names column "${name}" twice`, { file, column: name }, 'rename one of the two columns');
    seen.add(name);
  });
  const nrow = columns.length > 0 ? columns[0]!.column.length : 0;
  for (const { name, column } of columns) {
    if (column.length !== nrow) throw new Error(`tableFromColumns: column "${name}" has ${column.length} rows, the first column ${nrow}`);
  }
  return { file, header: columns.map((c) => c.name), columns: columns.map((c) => c.column), nrow };
}

/** A new table with `column` added as `name` (or put in place of the column of that name). */
export function withColumn(table: Table, name: string, column: Column): Table {
  if (column.length !== table.nrow) throw new Error(`withColumn: column "${name}" has ${column.length} rows, the table ${table.nrow}`);
  const j = table.header.indexOf(name);
  if (j >= 0) return { ...table, columns: table.columns.map((c, k) => (k === j ? column : c)) };
  return { ...table, header: [...table.header, name], columns: [...table.columns, column] };
}

/** The named column; a clear error when the table has no such column. */
export function columnOf(table: Table, name: string, fix?: string): Column {
  const j = table.header.indexOf(name);
  if (j < 0) {
    throw new LeakriskError(
      `there is no column "${name}" in the data (columns: ${previewList(table.header)})`,
      { file: table.file, column: name },
      fix ?? 'check the spelling of the column name, or add the column to the data',
    );
  }
  return table.columns[j]!;
}

function previewList(names: readonly string[]): string {
  return names.length <= 12 ? names.join(', ') : `${names.slice(0, 12).join(', ')}, … (${names.length} in all)`;
}
