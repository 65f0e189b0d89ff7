import { distinctTexts, isMissingCell, textColumn, type DictionaryColumn } from '@leakrisk/survey';

/** A kept column from which a quasi-identifier's original values can be read back. */
export interface RecoverableKey {
  /** The kept column (e.g. `stratum`). */
  column: string;
  /** The quasi-identifier it determines (e.g. `area`). */
  quasiIdentifier: string;
}

/**
 * Records that must repeat a value of a kept column before the column is believed to determine a key:
 * by chance, ten repeats all agree with a two-valued key with probability 2^−10 ≈ 0.001.
 */
const MIN_REPEATS = 10;

/**
 * Kept columns that determine a quasi-identifier: every value of the kept column occurs with one
 * original value of the key only (over the n records where both are present), and the evidence is
 * not an accident: of those n records, r = n − d repeat a value seen before (d distinct values), with
 * r ≥ n/2 (two records per value on average) and r ≥ 10. Such a column (a stratum `punjab_urban`, a PSU
 * nested in a district, a district code, weights that differ by stratum) gives the key's original
 * value back wherever the release generalised or suppressed it. A column of nearly unique values (a
 * timestamp), or a small file, agrees with a key on its few repeats by chance; r repeats all agree with
 * a two-valued key by chance with probability at most 2^−r. A column is abandoned at its first
 * counter-example, so unrelated columns cost a few rows each.
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
      if (y < 0 || this.keyMissing[q]![y]) continue; // −1: a dictionary's missing code
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
        this.distinct[q]!++;
      } else if (known !== y) {
        this.drop(q);
      }
    }
  }

  /** The keys this column determines, in key order. */
  result(): RecoverableKey[] {
    return this.determined().map(({ key }) => ({ column: this.column, quasiIdentifier: this.keys[key]!.column }));
  }

  /**
   * The keys this column determines (their index in the keys given), each with the map from the
   * column's value codes to the key's value codes (its `factor.values` index; −1 for a value never seen
   * beside a present key value).
   */
  determined(): { key: number; keyValueOf: Int32Array }[] {
    const out: { key: number; keyValueOf: Int32Array }[] = [];
    this.keys.forEach((_, k) => {
      const repeats = this.pairs[k]! - this.distinct[k]!;
      if (this.alive[k] && repeats >= MIN_REPEATS && 2 * repeats >= this.pairs[k]!) out.push({ key: k, keyValueOf: this.seen[k]! });
    });
    return out;
  }

  private drop(q: number): void {
    this.alive[q] = false;
    this.left--;
  }
}

/**
 * Which released cells of a quasi-identifier stand for more than one of its original values, so that
 * a kept column determining it would give something back: a cell whose released group holds two or
 * more different original values among the records, or a cell released empty or missing (suppressed,
 * or missing in the input) while the key has two or more original values. `original[i]` is row i's
 * original value code and `released[i]` its released cell's code as written (−1 for missing in both).
 */
export function coarseCells(original: Int32Array, released: Int32Array): Uint8Array {
  const n = original.length;
  // Per released code: the one original value seen so far, or −2 once two differ.
  const only = new Map<number, number>();
  const distinct = new Set<number>();
  for (let i = 0; i < n; i++) {
    const o = original[i]!;
    if (o < 0) continue;
    distinct.add(o);
    const r = released[i]!;
    if (r < 0) continue;
    const seen = only.get(r);
    if (seen === undefined) only.set(r, o);
    else if (seen !== o) only.set(r, -2);
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = released[i]!;
    out[i] = r < 0 ? (distinct.size >= 2 ? 1 : 0) : only.get(r) === -2 ? 1 : 0;
  }
  return out;
}

/**
 * The released cells of a quasi-identifier that a kept column gives back: rows where the key's cell is
 * coarse ({@link coarseCells}) and the kept column holds a value that occurs with one value of the key
 * (`keyValueOf` from {@link RecoverableCheck.determined}). `kept[i]` is row i's value code of the kept
 * column (−1 when missing).
 */
export function givenBackCells(kept: ArrayLike<number>, keyValueOf: Int32Array, coarse: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < coarse.length; i++) {
    if (coarse[i] === 0) continue;
    const k = kept[i]!;
    if (k >= 0 && k < keyValueOf.length && keyValueOf[k]! >= 0) count++;
  }
  return count;
}
