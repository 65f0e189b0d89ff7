import { LeakriskError } from '../errors.js';
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
  /** Domain mask, 1 = row in the domain. */
  mask: Uint8Array;
  /** Rows in the domain. */
  nrow: number;
  /** `fn`'s result, or null for an empty domain (only with `includeEmpty`). */
  result: T | null;
}

/**
 * R's `svyby(~x, ~f1 + f2, design, FUN)`: one estimate per combination of levels that occurs among
 * rows of non-zero weight (rows with a missing `by` value belong to no domain), in R's order — the
 * levels of `interaction(f1, f2)`, where the first factor varies fastest. Each domain is estimated on
 * the full design with the other rows' influence set to zero (R's `subset`), never by dropping rows.
 * With `includeEmpty` (R's `drop.empty.groups = FALSE`) every combination is listed, empty ones with
 * `result: null` and `nrow: 0`.
 */
export function byDomains<T>(
  design: SurveyDesign,
  factors: readonly ByFactor[],
  fn: (domain: Uint8Array, row: { domain: Record<string, string>; levels: string[] }) => T,
  options: { includeEmpty?: boolean } = {},
): ByRow<T>[] {
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
  const key = new Float64Array(n);
  const counts = new Map<number, number>();
  const w = design.weights;
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
    if (k >= 0 && w[i] !== 0) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const keys = options.includeEmpty ? Array.from({ length: combos }, (_, k) => k) : [...counts.keys()].sort((a, b) => a - b);
  const names = factors.map((f, j) => f.name ?? `by${j + 1}`);
  return keys.map((k) => {
    const levels = factors.map((f, j) => f.levels[Math.floor(k / strides[j]!) % Math.max(f.levels.length, 1)] ?? '');
    const domain: Record<string, string> = {};
    names.forEach((name, j) => {
      domain[name] = levels[j]!;
    });
    const mask = new Uint8Array(n);
    let nrow = 0;
    if (counts.has(k)) {
      for (let i = 0; i < n; i++) {
        if (key[i] === k) {
          mask[i] = 1;
          nrow++;
        }
      }
    }
    return { domain, levels, mask, nrow, result: nrow === 0 ? null : fn(mask, { domain, levels }) };
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
