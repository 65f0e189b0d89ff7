import { ColumnScan, isMissingCell, SCAN_ROWS, startsFormula, type Table } from '@leakrisk/survey';
import { RecoverableCheck, type FactorColumnWithMissing } from '../audit/recoverable.js';
import { describeMasses, type ColumnDescription } from '../audit/utility.js';
import { piiInKeptColumn, type KeptColumnPii } from '../text/keptColumnPii.js';

/** A kept column to read for the audit. */
export interface KeptColumnRequest {
  /** Its index in the table, and its name. */
  column: number;
  name: string;
  missing: ReadonlySet<string> | undefined;
  /** Whether the audit describes it (weighted mean and shares, see `describeColumn`). */
  describe: boolean;
}

/** What the checks and the audit need of a kept column (it is released unchanged). */
export interface KeptColumnStats {
  /** Non-missing cells. */
  cells: number;
  /** Its description (`describeColumn`), when asked for. */
  description: ColumnDescription | undefined;
  /**
   * The quasi-identifiers it determines (`RecoverableCheck`): their index in the keys given, and the
   * map from the column's value codes (order of first appearance) to the key's original value codes.
   */
  determines: { key: number; keyValueOf: Int32Array }[];
  /** Personal data it holds by content (`piiInKeptColumn`). */
  pii: KeptColumnPii[];
  /** Cells that would start a spreadsheet formula, written with a leading quote (`startsFormula`). */
  formulas: number;
}

/**
 * Reads kept columns in one pass over the rows: non-missing cells, the weighted mass and count of each
 * distinct value (summed in row order, so `describeMasses` gives exactly what `describeColumn` gives on
 * the column's strings), the test of whether the column determines a quasi-identifier (`keys`, their
 * original values), and, from the distinct values and their counts, the personal data the column holds
 * and the cells that would start a spreadsheet formula. No code or string per row is kept.
 */
export function keptColumnStats(
  table: Table,
  requests: readonly KeptColumnRequest[],
  weights: Float64Array | undefined,
  keys: readonly FactorColumnWithMissing[],
): KeptColumnStats[] {
  const m = requests.length;
  const n = table.nrow;
  const scan = new ColumnScan(requests.map((r) => table.columns[r.column]!));
  const codes = new Int32Array(m * SCAN_ROWS);
  // Per column and value code: rows, weighted mass (when described) and whether the value is missing.
  const count = requests.map(() => new Float64Array(16));
  const mass = requests.map((r) => (r.describe ? new Float64Array(16) : undefined));
  const missing = requests.map(() => new Uint8Array(16));
  const known = new Int32Array(m);
  const checks = requests.map((r) => (keys.length > 0 ? new RecoverableCheck(r.name, keys) : undefined));
  for (let from = 0; from < n; from += SCAN_ROWS) {
    const rows = Math.min(SCAN_ROWS, n - from);
    scan.readRows(from, from + rows, codes);
    for (let p = 0; p < m; p++) {
      const at = p * rows;
      // Values new in this block (codes come in order of first appearance, so they are the highest).
      let top = known[p]!;
      for (let r = 0; r < rows; r++) if (codes[at + r]! >= top) top = codes[at + r]! + 1;
      if (top > known[p]!) {
        if (top > count[p]!.length) {
          const size = Math.max(top, 2 * count[p]!.length);
          count[p] = grown(count[p]!, new Float64Array(size));
          if (mass[p] !== undefined) mass[p] = grown(mass[p]!, new Float64Array(size));
          missing[p] = grown(missing[p]!, new Uint8Array(size));
        }
        for (let c = known[p]!; c < top; c++) missing[p]![c] = isMissingCell(scan.levels[p]![c]!, requests[p]!.missing) ? 1 : 0;
        known[p] = top;
      }
      const columnCount = count[p]!;
      for (let r = 0; r < rows; r++) columnCount[codes[at + r]!]++;
      const columnMass = mass[p];
      if (columnMass !== undefined) {
        if (weights) for (let r = 0; r < rows; r++) columnMass[codes[at + r]!] += weights[from + r]!;
        else for (let r = 0; r < rows; r++) columnMass[codes[at + r]!] += 1;
      }
      const check = checks[p];
      if (check !== undefined && !check.done) {
        const columnMissing = missing[p]!;
        for (let r = 0; r < rows && !check.done; r++) check.add(from + r, codes[at + r]!, columnMissing[codes[at + r]!] === 1);
      }
    }
  }
  return requests.map((r, p) => {
    const levels = scan.levels[p]!;
    let cells = 0;
    let formulas = 0;
    for (let c = 0; c < known[p]!; c++) {
      if (!missing[p]![c]) cells += count[p]![c]!;
      if (startsFormula(levels[c]!)) formulas += count[p]![c]!;
    }
    return {
      cells,
      description: r.describe ? describeMasses(levels, mass[p]!, count[p]!, r.missing) : undefined,
      determines: checks[p]?.determined() ?? [],
      pii: piiInKeptColumn(levels, count[p]!, (value) => isMissingCell(value, r.missing)),
      formulas,
    };
  });
}

/** `to` with `from`'s values at its start. */
function grown<T extends Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
