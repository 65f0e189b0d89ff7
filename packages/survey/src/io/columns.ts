import { LeakriskError } from '../errors.js';
import { getColumn, isMissingCell, type RawTable } from './csv.js';
import { cellAt, numericCells } from './byteTable.js';
import { factorCells } from './cellFactor.js';

/** Options shared by the typed column readers. */
export interface ColumnOptions {
  /** Cell texts that mean "missing" in this column (besides the empty cell and `NA`), e.g. `98`, `99`. */
  missingCodes?: ReadonlySet<string>;
}

/** A categorical column: one integer code per row (−1 = missing) into `levels`. */
export interface FactorColumn {
  /** `codes[i]` is the level index of data row i+1, or −1 when the cell is missing. */
  codes: Int32Array;
  levels: string[];
}

/**
 * Parses a cell as a number the way a researcher reads a CSV (and as R's `read.csv` does for a
 * numeric column): decimal or scientific notation, optional sign, surrounding spaces allowed.
 * Returns NaN for anything else. `Inf`/`Infinity` are refused (not a survey value).
 */
function parseNumberCell(cell: string): number {
  // Fast path: plain integers, the bulk of survey data.
  const len = cell.length;
  if (len > 0 && len < 16) {
    let value = 0;
    let i = 0;
    let negative = false;
    const first = cell.charCodeAt(0);
    if (first === 45 /* - */) {
      negative = true;
      i = 1;
    }
    if (i < len) {
      for (; i < len; i++) {
        const c = cell.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        value = value * 10 + c;
      }
      if (i === len) return negative ? -value : value;
    }
  }
  const trimmed = cell.trim();
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}

/**
 * Whether the first present cell of a column (not empty, `NA` or a missing code) reads as a number
 * (true for a column with no present cell). A cheap first look before reading a whole column as
 * numbers, which fails only at its first non-number.
 */
export function firstPresentIsNumber(table: RawTable, name: string, missingCodes?: ReadonlySet<string>): boolean {
  const j = table.header.indexOf(name);
  if (j < 0) return true;
  for (let i = 0; i < table.nrow; i++) {
    const cell = cellAt(table, j, i);
    if (!isMissingCell(cell, missingCodes)) return !Number.isNaN(parseNumberCell(cell));
  }
  return true;
}

/**
 * A numeric column as a Float64Array, NaN where the cell is missing (empty, `NA`, or one of the
 * declared missing codes). Any other text that is not a number is an error naming the file, the
 * row, the column and the value, with the fix.
 */
export function numericColumn(table: RawTable, name: string, options: ColumnOptions = {}): Float64Array {
  const codes = options.missingCodes;
  const j = table.header.indexOf(name);
  const fast = j < 0 ? undefined : numericCells(table, j);
  if (fast !== undefined) {
    // Plain decimals were parsed from the bytes; only the other cells are read as text.
    for (const i of fast.irregular) fast.values[i] = numberOrMissing(cellAt(table, j, i), i, table, name, codes);
    if (codes !== undefined && codes.size > 0) {
      // A declared missing code (98, 99) reads as a number too: compare those cells' text with the codes.
      const codeValues = new Set([...codes].map(Number).filter((value) => !Number.isNaN(value)));
      const values = fast.values;
      for (let i = 0; i < values.length; i++) {
        if (codeValues.has(values[i]!) && codes.has(cellAt(table, j, i))) values[i] = Number.NaN;
      }
    }
    return fast.values;
  }
  const cells = getColumn(table, name);
  const out = new Float64Array(table.nrow);
  for (let i = 0; i < cells.length; i++) {
    out[i] = numberOrMissing(cells[i]!, i, table, name, codes);
  }
  return out;
}

function numberOrMissing(cell: string, i: number, table: RawTable, name: string, codes: ReadonlySet<string> | undefined): number {
  if (cell === '' || cell === 'NA' || codes?.has(cell)) return Number.NaN;
  const value = parseNumberCell(cell);
  if (Number.isNaN(value)) {
    throw new LeakriskError(
      `row ${i + 1} holds "${cell}", which is not a number, in a numeric column`,
      { file: table.file, row: i + 1, column: name },
      `correct the value, leave the cell empty (missing), or declare "${cell}" as a missing code for "${name}" in the codebook`,
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
  const numbers = list.map(parseNumberCell);
  if (list.length > 0 && numbers.every((v) => !Number.isNaN(v))) {
    return list
      .map((level, k) => ({ level, value: numbers[k]! }))
      .sort((a, b) => a.value - b.value || (a.level < b.level ? -1 : a.level > b.level ? 1 : 0))
      .map((entry) => entry.level);
  }
  return list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A categorical column as integer codes. With `levels`, the codes follow that order (the codebook's)
 * and a value outside it is an error naming its row; without, levels are the distinct present values
 * in {@link sortLevels} order. Missing cells (empty, `NA`, declared codes) get code −1.
 */
export function factorColumn(table: RawTable, name: string, options: ColumnOptions & { levels?: readonly string[] } = {}): FactorColumn {
  const j = table.header.indexOf(name);
  if (j < 0) getColumn(table, name); // names the missing column
  // Work per distinct value, then spread to the rows: a categorical column has few of them.
  const { index, values } = factorCells(table, j);
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
          `row ${row} holds "${cell}", which is not one of the levels of "${name}" (${levels.join(', ')})`,
          { file: table.file, row, column: name },
          `correct the value, or add "${cell}" to the levels of "${name}" in the codebook (or declare it a missing code)`,
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
  return { codes, levels };
}
