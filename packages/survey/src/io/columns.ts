import { cellInMessage, LeakriskError, valuesInMessage } from '../errors.js';
import type { DictionaryColumn } from '../table/column.js';
import { dictionaryColumn } from '../table/dictionaryColumn.js';
import { distinctTexts } from '../table/distinct.js';
import { parseNumberText, readNumber } from '../table/numberText.js';
import { columnOf, type Table } from '../table/table.js';
import { isMissingCell } from './csv.js';

/** Options shared by the typed column readers. */
export interface ColumnOptions {
  /** Cell texts that mean "missing" in this column (besides the empty cell and `NA`), e.g. `98`, `99`. */
  missingCodes?: ReadonlySet<string>;
}

/**
 * Whether the first present cell of a column (not empty, `NA` or a missing code) reads as a number
 * (true for a column with no present cell). A cheap first look before reading a whole column as
 * numbers, which fails only at its first non-number.
 */
export function firstPresentIsNumber(table: Table, name: string, missingCodes?: ReadonlySet<string>): boolean {
  const j = table.header.indexOf(name);
  if (j < 0) return true;
  const column = table.columns[j]!;
  for (let i = 0; i < column.length; i++) {
    const cell = column.get(i);
    if (!isMissingCell(cell, missingCodes)) return readNumber(cell) !== undefined;
  }
  return true;
}

/**
 * A numeric column as a Float64Array, NaN where the cell is missing (empty, `NA`, or one of the
 * declared missing codes). Any other text that is not a number is an error naming the file, the
 * row, the column and the value, with the fix.
 */
export function numericColumn(table: Table, name: string, options: ColumnOptions = {}): Float64Array {
  const codes = options.missingCodes;
  const column = columnOf(table, name);
  // Plain numbers are read by the column (from the bytes, for a CSV); only the other cells as text.
  const { values, irregular } = column.readNumbers();
  for (const i of irregular) values[i] = numberOrMissing(column.get(i), i, table, name, codes);
  if (codes !== undefined && codes.size > 0) {
    // A declared missing code (98, 99) reads as a number too: compare those cells' text with the codes.
    const codeValues = new Set([...codes].map(Number).filter((value) => !Number.isNaN(value)));
    for (let i = 0; i < values.length; i++) {
      if (codeValues.has(values[i]!) && codes.has(column.get(i))) values[i] = Number.NaN;
    }
  }
  return values;
}

function numberOrMissing(cell: string, i: number, table: Table, name: string, codes: ReadonlySet<string> | undefined): number {
  if (cell === '' || cell === 'NA' || codes?.has(cell)) return Number.NaN;
  // R's as.numeric grammar; "NaN" reads as NaN, which is missing here as it is to R's is.na
  const value = readNumber(cell);
  if (value === undefined) {
    throw new LeakriskError(
      `row ${i + 1} holds ${cellInMessage(cell, true)}, which is not a number, in a numeric column`,
      { file: table.file, row: i + 1, column: name },
      `correct the value, leave the cell empty (missing), or declare that value as a missing code for "${name}" in the codebook`,
    );
  }
  return value;
}

/**
 * R's default level order for a factor made from these values, as used throughout this package:
 * numeric order when every value reads as a number (as R sorts a numeric column before `factor`),
 * otherwise code-point (byte) order, which is what R's `sort()` gives in the C locale. We choose the
 * C locale on purpose: it does not depend on the machine's language settings. The reference script
 * sets `Sys.setlocale("LC_COLLATE", "C")` so R agrees.
 */
export function sortLevels(values: Iterable<string>): string[] {
  const list = [...values];
  const numbers = list.map(parseNumberText);
  if (list.length > 0 && numbers.every((v) => !Number.isNaN(v))) {
    return list
      .map((level, k) => ({ level, value: numbers[k]! }))
      .sort((a, b) => a.value - b.value || (a.level < b.level ? -1 : a.level > b.level ? 1 : 0))
      .map((entry) => entry.level);
  }
  return list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A categorical column as a dictionary column: integer codes (−1 = missing) into its levels. With
 * `levels`, the codes follow that order (the codebook's) and a value outside it is an error naming
 * its row; without, levels are the distinct present values in {@link sortLevels} order. Missing cells
 * (empty, `NA`, declared codes) get code −1.
 */
export function factorColumn(table: Table, name: string, options: ColumnOptions & { levels?: readonly string[] } = {}): DictionaryColumn {
  // Work per distinct value, then spread to the rows: a categorical column has few of them.
  const { codes: index, levels: values } = distinctTexts(columnOf(table, name));
  const missing = options.missingCodes;
  const firstRowOf = (k: number): number => index.indexOf(k);
  const codeOf = new Int32Array(values.length);
  let levels: string[];
  if (options.levels !== undefined) {
    levels = [...options.levels];
    const position = new Map<string, number>();
    levels.forEach((level, k) => {
      position.set(level, k);
    });
    values.forEach((cell, k) => {
      if (isMissingCell(cell, missing)) {
        codeOf[k] = -1;
        return;
      }
      const level = position.get(cell);
      if (level === undefined) {
        const row = firstRowOf(k) + 1;
        throw new LeakriskError(
          `row ${row} holds ${cellInMessage(cell, true)}, which is not one of the levels of "${name}" (${valuesInMessage(levels)})`,
          { file: table.file, row, column: name },
          `correct the value, or add it to the levels of "${name}" in the codebook (or declare it a missing code)`,
        );
      }
      codeOf[k] = level;
    });
  } else {
    const present = values.filter((cell) => !isMissingCell(cell, missing));
    levels = sortLevels(present);
    const position = new Map<string, number>();
    levels.forEach((level, k) => {
      position.set(level, k);
    });
    values.forEach((cell, k) => {
      codeOf[k] = position.get(cell) ?? -1;
    });
  }
  const codes = new Int32Array(table.nrow);
  for (let i = 0; i < codes.length; i++) codes[i] = codeOf[index[i]!]!;
  return dictionaryColumn(codes, levels);
}
