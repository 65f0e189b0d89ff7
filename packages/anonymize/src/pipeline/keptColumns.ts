import { ColumnScan, isMissingCell, type RawTable } from '@leakrisk/survey';
import { RecoverableCheck, type FactorColumnWithMissing, type RecoverableKey } from '../audit/recoverable.js';
import { describeMasses, type ColumnDescription } from '../audit/utility.js';

/** A kept column to read for the audit. */
export interface KeptColumnRequest {
  /** Its index in the table, and its name. */
  column: number;
  name: string;
  missing: ReadonlySet<string> | undefined;
  /** Whether the audit describes it (weighted mean and shares, see `describeColumn`). */
  describe: boolean;
}

/** What the audit needs of a kept column (it is released unchanged). */
export interface KeptColumnStats {
  /** Non-missing cells. */
  cells: number;
  /** Its description (`describeColumn`), when asked for. */
  description: ColumnDescription | undefined;
  /** The changed keys it determines (`findRecoverableKeys`). */
  recoverable: RecoverableKey[];
}

/**
 * Reads kept columns in one pass over the rows for the audit: non-missing cells, the weighted mass
 * and count of each distinct value (summed in row order, so `describeMasses` gives exactly what
 * `describeColumn` gives on the column's strings), and the recoverable-key test against the keys that
 * were generalised or suppressed. No code or string per row is kept.
 */
export function keptColumnStats(
  table: RawTable,
  requests: readonly KeptColumnRequest[],
  weights: Float64Array | undefined,
  changedKeys: readonly FactorColumnWithMissing[],
): KeptColumnStats[] {
  const m = requests.length;
  const scan = new ColumnScan(table, requests.map((r) => r.column));
  const codes = new Int32Array(m);
  // Per column and value code: rows, weighted mass (when described) and whether the value is missing.
  const count = requests.map(() => new Float64Array(16));
  const mass = requests.map((r) => (r.describe ? new Float64Array(16) : undefined));
  const missing = requests.map(() => new Uint8Array(16));
  const known = new Int32Array(m);
  const checks = requests.map((r) => (changedKeys.length > 0 ? new RecoverableCheck(r.name, changedKeys) : undefined));
  const grow = <T extends Float64Array | Uint8Array>(array: T, make: (length: number) => T): T => {
    const grown = make(2 * array.length);
    grown.set(array);
    return grown;
  };
  const n = table.nrow;
  for (let i = 0; i < n; i++) {
    scan.read(i, codes);
    const w = weights ? weights[i]! : 1;
    for (let p = 0; p < m; p++) {
      const c = codes[p]!;
      if (c === known[p]) {
        // A new value (codes come in order of first appearance).
        if (c === count[p]!.length) {
          count[p] = grow(count[p]!, (length) => new Float64Array(length));
          if (mass[p] !== undefined) mass[p] = grow(mass[p]!, (length) => new Float64Array(length));
          missing[p] = grow(missing[p]!, (length) => new Uint8Array(length));
        }
        missing[p]![c] = isMissingCell(scan.values[p]![c]!, requests[p]!.missing) ? 1 : 0;
        known[p]!++;
      }
      count[p]![c]++;
      const columnMass = mass[p];
      if (columnMass !== undefined) columnMass[c] += w;
      const check = checks[p];
      if (check !== undefined && !check.done) check.add(i, c, missing[p]![c] === 1);
    }
  }
  return requests.map((r, p) => {
    let cells = 0;
    for (let c = 0; c < known[p]!; c++) if (!missing[p]![c]) cells += count[p]![c]!;
    return {
      cells,
      description: r.describe ? describeMasses(scan.values[p]!, mass[p]!, count[p]!, r.missing) : undefined,
      recoverable: checks[p]?.result() ?? [],
    };
  });
}
