import type { Strings } from '../../i18n/index.js';
import type { ProtectedCell } from '../disclosure.js';
import { formatCount } from '../format.js';

/**
 * The smallest and largest unweighted base among the estimates a figure publishes. Suppressed
 * estimates are left out, as their estimates are: a base range "7 to 1,981" would tell the size of
 * a group too small to publish. `null` when nothing with a known base is published.
 */
export function baseRange(cells: readonly Pick<ProtectedCell, 'n' | 'suppressed'>[]): { min: number; max: number } | null {
  const values = cells.filter((cell) => !cell.suppressed && cell.n !== null).map((cell) => cell.n!);
  return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
}

/**
 * The base of one estimate as published in tables and CSVs: a base below `minBase` is not a number
 * the report gives (a table says "fewer than 30", a CSV leaves it empty); a secondarily suppressed
 * estimate's base is large enough to give.
 */
export function publishedBase(cell: Pick<ProtectedCell, 'n' | 'reason'>): number | null {
  return cell.reason === 'base' ? null : cell.n;
}

/** The base column of a data table: the count, "fewer than 30" for a base too small, or a dash. */
export function baseCell(cell: Pick<ProtectedCell, 'n' | 'reason'>, minBase: number, t: Strings): string {
  if (cell.reason === 'base') return t.figure.fewerThan(formatCount(minBase));
  return cell.n === null ? '–' : formatCount(cell.n);
}
