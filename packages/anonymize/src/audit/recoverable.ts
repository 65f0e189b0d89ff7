import { isMissingCell } from '@leakrisk/survey';

/** A kept column from which a quasi-identifier's original values can be read back. */
export interface RecoverableKey {
  /** The kept column (e.g. `stratum`). */
  column: string;
  /** The quasi-identifier it determines (e.g. `area`). */
  quasiIdentifier: string;
}

/** Columns with more distinct values than this are not checked (they are not coarse codes). */
const MAX_DISTINCT = 10_000;

/**
 * Kept columns that functionally determine a quasi-identifier: every value of the kept column occurs
 * with one value of the key only (over records where both are present), while taking fewer distinct
 * values than there are records. Such a column (a stratum `punjab_urban`, a PSU nested in a district)
 * undoes generalisation and suppression of that key, so the audit warns about it. A column is
 * abandoned at its first counter-example, so unrelated columns cost a few rows each.
 */
export function findRecoverableKeys(
  kept: readonly { column: string; cells: readonly string[]; missing: ReadonlySet<string> | undefined }[],
  keys: readonly { column: string; cells: readonly string[]; missing: ReadonlySet<string> | undefined }[],
): RecoverableKey[] {
  const out: RecoverableKey[] = [];
  for (const c of kept) {
    for (const q of keys) {
      const seen = new Map<string, string>();
      let determines = true;
      let pairs = 0;
      for (let i = 0; i < c.cells.length; i++) {
        const a = c.cells[i]!;
        const b = q.cells[i]!;
        if (isMissingCell(a, c.missing) || isMissingCell(b, q.missing)) continue;
        pairs++;
        const known = seen.get(a);
        if (known === undefined) {
          seen.set(a, b);
          if (seen.size > MAX_DISTINCT) {
            determines = false;
            break;
          }
        } else if (known !== b) {
          determines = false;
          break;
        }
      }
      if (determines && pairs > 0 && seen.size < pairs) out.push({ column: c.column, quasiIdentifier: q.column });
    }
  }
  return out;
}
