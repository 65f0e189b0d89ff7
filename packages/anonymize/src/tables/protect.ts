/**
 * Cell suppression for published tables (the report's cross-tabulations and per-domain rows), in the
 * spirit of τ-Argus / sdcTable's hypercube heuristic, simplified to the rule that protects against
 * recovery from the margins of a two-way table:
 *
 * 1. Primary suppression: a cell whose unweighted count n satisfies 1 ≤ n < threshold is sensitive.
 *    Zero cells are not sensitive by default (an empty cell reveals no respondent); pass
 *    `zerosSensitive: true` to treat them as sensitive too.
 * 2. Secondary (complementary) suppression: the table is published with its row and column totals,
 *    so a row or column holding exactly one suppressed cell gives that cell away
 *    (total − the other cells). Until every row and column has either no suppressed cell or at least
 *    two, the lone cell's row/column gets one more suppressed cell: the unsuppressed cell with the
 *    smallest positive count (a zero only when no positive cell is left), ties going to a cell whose
 *    other line also has a lone suppression, then to the first in order.
 *
 * A table with a single row (or a single column) is a one-way table with a total: only that line's
 * constraint applies, since its "column totals" are the cells themselves.
 *
 * The rule guarantees that no suppressed cell is the only one in its row or column; it does not
 * compute protection intervals (linear-programming attacks on several lines at once).
 */
export interface TableToProtect {
  rows: string[];
  cols: string[];
  /** Unweighted respondents per cell, `counts[r][c]`. */
  counts: number[][];
  /** Published values per cell (e.g. weighted estimates), masked alongside the counts. */
  values?: number[][];
}

export type SuppressionReason = 'primary' | 'secondary';

export interface ProtectTableOptions {
  /** Cells with fewer unweighted respondents than this (and more than zero) are suppressed. */
  threshold: number;
  /** Treat empty cells (count 0) as sensitive too. Default false. */
  zerosSensitive?: boolean;
}

export interface SuppressedCell {
  row: string;
  col: string;
  /** Indices into `rows` and `cols`. */
  r: number;
  c: number;
  reason: SuppressionReason;
}

export interface ProtectedTable {
  rows: string[];
  cols: string[];
  /** `reason[r][c]`: why the cell is suppressed, or null when it is published. */
  reason: (SuppressionReason | null)[][];
  /** Counts with suppressed cells as null. */
  counts: (number | null)[][];
  /** Values with suppressed cells as null (when values were given). */
  values?: (number | null)[][];
  /** Every suppressed cell, row by row. */
  suppressed: SuppressedCell[];
  primary: number;
  secondary: number;
}

/** Primary and secondary cell suppression of a two-way (or one-way) table of counts. */
export function protectTable(table: TableToProtect, options: ProtectTableOptions): ProtectedTable {
  const R = table.rows.length;
  const C = table.cols.length;
  if (table.counts.length !== R || table.counts.some((row) => row.length !== C)) {
    throw new Error(`protectTable: counts must be ${R} rows × ${C} columns`);
  }
  if (table.values !== undefined && (table.values.length !== R || table.values.some((row) => row.length !== C))) {
    throw new Error(`protectTable: values must be ${R} rows × ${C} columns`);
  }
  const reason: (SuppressionReason | null)[][] = table.counts.map((row) => row.map((n) => (isSensitive(n, options) ? 'primary' : null)));
  const rowLines = C > 1; // a row's cells sum to a published row total
  const colLines = R > 1;

  const suppressedIn = (line: 'row' | 'col', index: number): number => {
    let count = 0;
    if (line === 'row') for (let c = 0; c < C; c++) count += reason[index]![c] !== null ? 1 : 0;
    else for (let r = 0; r < R; r++) count += reason[r]![index] !== null ? 1 : 0;
    return count;
  };

  for (;;) {
    const lone = findLoneLine(R, C, rowLines, colLines, suppressedIn);
    if (lone === undefined) break;
    const candidates: [number, number][] = [];
    if (lone.line === 'row') for (let c = 0; c < C; c++) candidates.push([lone.index, c]);
    else for (let r = 0; r < R; r++) candidates.push([r, lone.index]);
    let best: [number, number] | undefined;
    let bestScore: [number, number, number] | undefined;
    for (const [r, c] of candidates) {
      if (reason[r]![c] !== null) continue;
      const n = table.counts[r]![c]!;
      // the crossing line: the column when filling a row, the row when filling a column
      const crossing = lone.line === 'row' ? colLines && suppressedIn('col', c) === 1 : rowLines && suppressedIn('row', r) === 1;
      const score: [number, number, number] = [n > 0 ? 0 : 1, n, crossing ? 0 : 1];
      if (bestScore === undefined || compare(score, bestScore) < 0) {
        best = [r, c];
        bestScore = score;
      }
    }
    if (best === undefined) break; // cannot happen: a line with ≥ 2 cells and one suppressed has a free cell
    reason[best[0]]![best[1]] = 'secondary';
  }

  const suppressed: SuppressedCell[] = [];
  let primary = 0;
  let secondary = 0;
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const why = reason[r]![c]!;
      if (why === null) continue;
      suppressed.push({ row: table.rows[r]!, col: table.cols[c]!, r, c, reason: why });
      if (why === 'primary') primary++;
      else secondary++;
    }
  }
  const result: ProtectedTable = {
    rows: [...table.rows],
    cols: [...table.cols],
    reason,
    counts: table.counts.map((row, r) => row.map((n, c) => (reason[r]![c] === null ? n : null))),
    suppressed,
    primary,
    secondary,
  };
  if (table.values !== undefined) {
    result.values = table.values.map((row, r) => row.map((v, c) => (reason[r]![c] === null ? v : null)));
  }
  return result;
}

function isSensitive(n: number, options: ProtectTableOptions): boolean {
  if (n === 0) return options.zerosSensitive === true;
  return n > 0 && n < options.threshold;
}

function findLoneLine(
  R: number,
  C: number,
  rowLines: boolean,
  colLines: boolean,
  suppressedIn: (line: 'row' | 'col', index: number) => number,
): { line: 'row' | 'col'; index: number } | undefined {
  if (rowLines) for (let r = 0; r < R; r++) if (suppressedIn('row', r) === 1) return { line: 'row', index: r };
  if (colLines) for (let c = 0; c < C; c++) if (suppressedIn('col', c) === 1) return { line: 'col', index: c };
  return undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export interface DomainCount {
  key: string;
  /** Unweighted respondents in the domain. */
  n: number;
}

export interface ProtectedDomain extends DomainCount {
  suppressed: boolean;
  reason: SuppressionReason | null;
}

/**
 * Suppression for a list of domain estimates (one report row per domain). With `hasTotal` the
 * domains are published with an overall row whose n is their sum, so a lone suppressed domain
 * would be recovered by subtraction: a second domain (smallest positive n) is suppressed too.
 * Without a total, only primary suppression applies.
 */
export function protectEstimates(rows: readonly DomainCount[], threshold: number, options: { hasTotal: boolean; zerosSensitive?: boolean }): ProtectedDomain[] {
  const tableOptions: ProtectTableOptions = { threshold };
  if (options.zerosSensitive !== undefined) tableOptions.zerosSensitive = options.zerosSensitive;
  if (!options.hasTotal) {
    return rows.map((row) => {
      const primary = isSensitive(row.n, tableOptions);
      return { key: row.key, n: row.n, suppressed: primary, reason: primary ? 'primary' : null };
    });
  }
  const table = protectTable({ rows: ['all'], cols: rows.map((r) => r.key), counts: [rows.map((r) => r.n)] }, tableOptions);
  return rows.map((row, i) => {
    const why = table.reason[0]![i]!;
    return { key: row.key, n: row.n, suppressed: why !== null, reason: why };
  });
}
