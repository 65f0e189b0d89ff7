import { factorStrings, isMissingCell, type CellFactor } from '@leakrisk/survey';

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
  const asFactor = (c: { column: string; cells: readonly string[]; missing: ReadonlySet<string> | undefined }) => ({ column: c.column, factor: factorStrings(c.cells), missing: c.missing });
  const keyFactors = keys.map(asFactor);
  return kept.flatMap((c) => recoverableFrom(asFactor(c), keyFactors));
}

/** A column given as its distinct values (`factorCells`) with its missing codes. */
export interface FactorColumnWithMissing {
  column: string;
  factor: CellFactor;
  missing: ReadonlySet<string> | undefined;
}

/**
 * The keys of {@link findRecoverableKeys} that one kept column determines, from distinct values:
 * the same test on value codes instead of texts, in key order.
 */
export function recoverableFrom(kept: FactorColumnWithMissing, keys: readonly FactorColumnWithMissing[]): RecoverableKey[] {
  const out: RecoverableKey[] = [];
  const a = kept.factor;
  const keptMissing = Uint8Array.from(a.values, (v) => (isMissingCell(v, kept.missing) ? 1 : 0));
  const seen = new Int32Array(a.values.length);
  for (const q of keys) {
    const b = q.factor;
    const keyMissing = Uint8Array.from(b.values, (v) => (isMissingCell(v, q.missing) ? 1 : 0));
    seen.fill(-1);
    let distinct = 0;
    let determines = true;
    let pairs = 0;
    for (let i = 0; i < a.index.length; i++) {
      const x = a.index[i]!;
      const y = b.index[i]!;
      if (keptMissing[x] || keyMissing[y]) continue;
      pairs++;
      const known = seen[x]!;
      if (known < 0) {
        seen[x] = y;
        if (++distinct > MAX_DISTINCT) {
          determines = false;
          break;
        }
      } else if (known !== y) {
        determines = false;
        break;
      }
    }
    if (determines && pairs > 0 && distinct < pairs) out.push({ column: kept.column, quasiIdentifier: q.column });
  }
  return out;
}
