import { LeakriskError } from '../errors.js';
import { levelMask } from '../design/domain.js';
import type { SurveyDesign } from '../design/types.js';

/** A categorical variable for `by` domains: codes per row (−1 = missing) into `levels`. */
export interface ByFactor {
  /** Column name, used as the key in {@link ByRow.domain}; defaults to `by1`, `by2`, … */
  name?: string;
  codes: Int32Array;
  levels: readonly string[];
}

/** One domain of {@link byDomains}. */
export interface ByRow<T> {
  /** Level of each factor, keyed by factor name (the results' `domain`). */
  domain: Record<string, string>;
  /** Level of each factor, in factor order. */
  levels: string[];
  /** Rows in the domain. */
  nrow: number;
  /** `fn`'s result, or null for an empty domain (only with `includeEmpty`). */
  result: T | null;
}

/** The domains of a `by`, as R's `svyby` forms them (see {@link byGroups}). */
export interface ByGroups {
  /** The domains in R's order: each one's level per factor (keyed by name, and in factor order) and its rows. */
  domains: { domain: Record<string, string>; levels: string[]; nrow: number }[];
  /** `codes[i]`: the index in `domains` of row i's domain; −1 when a `by` value is missing or its domain was dropped. */
  codes: Int32Array;
}

/**
 * The domains of R's `svyby(~x, ~f1 + f2, design, FUN)`: one per combination of levels that occurs
 * among rows of non-zero weight (rows with a missing `by` value belong to no domain), in R's order —
 * the levels of `interaction(f1, f2)`, where the first factor varies fastest. With `includeEmpty`
 * (R's `drop.empty.groups = FALSE`) every combination is listed, empty ones with `nrow: 0`.
 * A few passes over the rows, with typed arrays; a domain's mask is made only when asked for ({@link groupMask}).
 */
export function byGroups(design: SurveyDesign, factors: readonly ByFactor[], options: { includeEmpty?: boolean } = {}): ByGroups {
  const n = design.nrow;
  if (factors.length === 0) {
    throw new LeakriskError('internal: byDomains needs at least one factor', { file: design.file }, 'report this as a bug');
  }
  const strides: number[] = [];
  let combos = 1;
  for (const f of factors) {
    if (f.codes.length !== n) {
      throw new LeakriskError(`internal: by factor ${f.name ?? ''} has ${f.codes.length} rows, the design ${n}`, { file: design.file }, 'report this as a bug');
    }
    strides.push(combos);
    combos *= Math.max(f.levels.length, 1);
  }
  // Row i's combination (first factor fastest, −1 when a value is missing), then the rows (all,
  // and of non-zero weight) in each: in typed arrays, or maps when there are very many combinations.
  const key = combos <= MAX_DENSE_COMBINATIONS ? new Int32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let j = 0; j < factors.length; j++) {
      const c = factors[j]!.codes[i]!;
      if (c < 0) {
        k = -1;
        break;
      }
      k += c * strides[j]!;
    }
    key[i] = k;
  }
  const counts = key instanceof Int32Array ? denseCounts(key, design.weights, combos) : sparseCounts(key, design.weights);
  const keys = options.includeEmpty ? Array.from({ length: combos }, (_, k) => k) : counts.weightedKeys;
  const indexOf = counts.numbering(keys);
  // Rows of a domain without a row of non-zero weight belong to none (it is empty).
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = key[i]! < 0 ? -1 : indexOf(key[i]!);
  const names = factors.map((f, j) => f.name ?? `by${j + 1}`);
  const domains = keys.map((k) => {
    const levels = factors.map((f, j) => f.levels[Math.floor(k / strides[j]!) % Math.max(f.levels.length, 1)] ?? '');
    const domain: Record<string, string> = {};
    names.forEach((name, j) => {
      domain[name] = levels[j]!;
    });
    return { domain, levels, nrow: counts.rows(k) };
  });
  return { domains, codes };
}

/** Combinations counted in typed arrays up to this many (else in maps). */
const MAX_DENSE_COMBINATIONS = 1 << 22;

/** Rows per combination of `by` levels: all of them, and whether one has non-zero weight. */
interface ComboCounts {
  /** Combinations with a row of non-zero weight, in order. */
  weightedKeys: number[];
  /** Rows of a combination that has a row of non-zero weight (0 for an empty one). */
  rows(key: number): number;
  /** A row's domain index from its combination: its place in `keys`, −1 when not among them or empty. */
  numbering(keys: readonly number[]): (key: number) => number;
}

function denseCounts(key: Int32Array, weights: Float64Array, combos: number): ComboCounts {
  const all = new Int32Array(combos);
  const weighted = new Uint8Array(combos);
  for (let i = 0; i < key.length; i++) {
    const k = key[i]!;
    if (k < 0) continue;
    all[k]!++;
    if (weights[i] !== 0) weighted[k] = 1;
  }
  const weightedKeys: number[] = [];
  for (let k = 0; k < combos; k++) if (weighted[k]) weightedKeys.push(k);
  return {
    weightedKeys,
    rows: (k) => (weighted[k] ? all[k]! : 0),
    numbering(keys) {
      const index = new Int32Array(combos).fill(-1);
      keys.forEach((k, d) => {
        if (weighted[k]) index[k] = d;
      });
      return (k) => index[k]!;
    },
  };
}

function sparseCounts(key: Float64Array, weights: Float64Array): ComboCounts {
  const all = new Map<number, number>();
  const weighted = new Set<number>();
  for (let i = 0; i < key.length; i++) {
    const k = key[i]!;
    if (k < 0) continue;
    all.set(k, (all.get(k) ?? 0) + 1);
    if (weights[i] !== 0) weighted.add(k);
  }
  return {
    weightedKeys: [...weighted].sort((a, b) => a - b),
    rows: (k) => (weighted.has(k) ? all.get(k)! : 0),
    numbering(keys) {
      const index = new Map<number, number>();
      keys.forEach((k, d) => {
        if (weighted.has(k)) index.set(k, d);
      });
      return (k) => index.get(k) ?? -1;
    },
  };
}

/** The mask (1 = in) of domain d of {@link byGroups}. */
export function groupMask(groups: ByGroups, d: number): Uint8Array {
  return levelMask(groups.codes, d);
}

/**
 * R's `svyby(~x, ~f1 + f2, design, FUN)` with any estimator: `fn` runs once per domain of
 * {@link byGroups} (in R's order, empty ones dropped unless `includeEmpty`), on the full design with
 * the other rows' influence set to zero (R's `subset`), never by dropping rows.
 */
export function byDomains<T>(
  design: SurveyDesign,
  factors: readonly ByFactor[],
  fn: (domain: Uint8Array, row: { domain: Record<string, string>; levels: string[] }) => T,
  options: { includeEmpty?: boolean } = {},
): ByRow<T>[] {
  const groups = byGroups(design, factors, options);
  return groups.domains.map(({ domain, levels, nrow }, d) => {
    return { domain, levels, nrow, result: nrow === 0 ? null : fn(groupMask(groups, d), { domain, levels }) };
  });
}

/** Intersection of two domain masks (either may be absent = everything). */
export function andDomain(a: Uint8Array | undefined, b: Uint8Array | undefined): Uint8Array | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}
