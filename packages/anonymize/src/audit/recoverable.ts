import { distinctTexts, isMissingCell, textColumn, type DictionaryColumn } from '@leakrisk/survey';

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
  const asFactor = (c: { column: string; cells: readonly string[]; missing: ReadonlySet<string> | undefined }) => ({
    column: c.column,
    factor: distinctTexts(textColumn(c.cells)),
    missing: c.missing,
  });
  const keyFactors = keys.map(asFactor);
  return kept.flatMap((c) => recoverableFrom(asFactor(c), keyFactors));
}

/** A column given as its distinct texts (`distinctTexts`) with its missing codes. */
export interface FactorColumnWithMissing {
  column: string;
  factor: DictionaryColumn;
  missing: ReadonlySet<string> | undefined;
}

/**
 * The keys of {@link findRecoverableKeys} that one kept column determines, from distinct values:
 * the same test on value codes instead of texts, in key order.
 */
export function recoverableFrom(kept: FactorColumnWithMissing, keys: readonly FactorColumnWithMissing[]): RecoverableKey[] {
  const check = new RecoverableCheck(kept.column, keys);
  const keptMissing = Uint8Array.from(kept.factor.levels, (v) => (isMissingCell(v, kept.missing) ? 1 : 0));
  const index = kept.factor.codes;
  for (let i = 0; i < index.length && !check.done; i++) check.add(i, index[i]!, keptMissing[index[i]!] === 1);
  return check.result();
}

/**
 * The {@link findRecoverableKeys} test of one kept column against the keys, fed row by row with the
 * kept column's value codes (numbered in order of first appearance), so that it can run inside a
 * pass that reads many columns at once. Each key is dropped at its first counter-example; `done`
 * says when none is left to check.
 */
export class RecoverableCheck {
  private readonly keyMissing: Uint8Array[];
  private readonly seen: Int32Array[];
  private readonly distinct: number[];
  private readonly pairs: number[];
  private readonly alive: boolean[];
  private left: number;

  constructor(
    private readonly column: string,
    private readonly keys: readonly FactorColumnWithMissing[],
  ) {
    this.keyMissing = keys.map((q) => Uint8Array.from(q.factor.levels, (v) => (isMissingCell(v, q.missing) ? 1 : 0)));
    this.seen = keys.map(() => new Int32Array(16).fill(-1));
    this.distinct = keys.map(() => 0);
    this.pairs = keys.map(() => 0);
    this.alive = keys.map(() => true);
    this.left = keys.length;
  }

  /** True when every key has met a counter-example. */
  get done(): boolean {
    return this.left === 0;
  }

  /** Row i holds the kept column's value `code` (missing or not). */
  add(i: number, code: number, missing: boolean): void {
    if (missing) return;
    for (let q = 0; q < this.keys.length; q++) {
      if (!this.alive[q]) continue;
      const y = this.keys[q]!.factor.codes[i]!;
      if (this.keyMissing[q]![y]) continue;
      this.pairs[q]!++;
      let seen = this.seen[q]!;
      if (code >= seen.length) {
        const grown = new Int32Array(Math.max(code + 1, 2 * seen.length)).fill(-1);
        grown.set(seen);
        this.seen[q] = seen = grown;
      }
      const known = seen[code]!;
      if (known < 0) {
        seen[code] = y;
        if (++this.distinct[q]! > MAX_DISTINCT) this.drop(q);
      } else if (known !== y) {
        this.drop(q);
      }
    }
  }

  /** The keys this column determines, in key order. */
  result(): RecoverableKey[] {
    const out: RecoverableKey[] = [];
    this.keys.forEach((q, k) => {
      if (this.alive[k] && this.pairs[k]! > 0 && this.distinct[k]! < this.pairs[k]!) out.push({ column: this.column, quasiIdentifier: q.column });
    });
    return out;
  }

  private drop(q: number): void {
    this.alive[q] = false;
    this.left--;
  }
}
