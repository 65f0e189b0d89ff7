import { LeakriskError } from '../errors.js';
import { itemDescriptives } from './itemDescriptives.js';
import { pairwiseMatrices, rowsWithAnyItem } from './pairwise.js';

/** One item of a scale: its name and its numeric answers (NaN = missing). */
export interface ScaleItemData {
  name: string;
  values: ArrayLike<number>;
}

export interface AlphaItemStats {
  item: string;
  /** Raw alpha of the scale without this item (psych `alpha.drop$raw_alpha`). */
  alphaIfDropped: number | null;
  /** Standardised alpha without this item (psych `alpha.drop$std.alpha`). */
  stdAlphaIfDropped: number | null;
  /** Correlation of the item with the sum of the other items (psych `item.stats$r.drop`). */
  rDrop: number | null;
  /** Respondents who answered the item. */
  n: number;
  /** Mean of its answers, reverse-keyed items re-scored as psych does (psych `item.stats$mean`); null for a dropped item. */
  mean: number | null;
  /** Standard deviation of its answers (psych `item.stats$sd`); null for a dropped item. */
  sd: number | null;
}

export interface AlphaResult {
  /** Raw alpha: k/(k−1) · (1 − tr C / ΣC). */
  alpha: number;
  /** Standardised alpha: k/(k−1) · (1 − k / ΣR). */
  stdAlpha: number;
  /** Respondents who answered at least one item. */
  n: number;
  items: AlphaItemStats[];
  /** Items left out because they have no variance (psych deletes them with a warning). */
  dropped: string[];
}

export interface AlphaOptions {
  /** Items to re-key (psych `keys`). */
  reverse?: ReadonlyArray<string>;
  /** How the standardised alpha's correlations are formed; see {@link cronbachAlpha}. */
  correlations?: 'pairwise' | 'fromCovariance';
}

/**
 * Cronbach's alpha exactly as `psych::alpha(x, keys = reverse)` with its defaults (use = "pairwise").
 *
 * C and R are the pairwise-complete covariance and correlation matrices; reverse-keyed items have
 * their rows and columns of C and R negated, exactly as psych does (`key.d %*% C %*% key.d`). psych
 * also re-keys the raw answers as max + min − x with the smallest and largest answer observed over
 * all items, but that only moves its total scores: a constant minus x has the same variance and
 * the opposite covariances, so every statistic here depends on the signs alone. With k items:
 *   raw alpha       = k/(k−1) · (1 − tr(C)/ΣC)
 *   std alpha       = k/(k−1) · (1 − k/ΣR)
 *   alpha if i dropped: the same on C₋ᵢ,₋ᵢ (for k = 2, psych's rule: C₁₂/C₋ᵢ,₋ᵢ and R₁₂)
 *   r.drop(i)       = (Σⱼ Cⱼᵢ − Cᵢᵢ) / √(Cᵢᵢ · ΣC₋ᵢ,₋ᵢ)
 * Items with zero variance are dropped first, as psych does (`delete = TRUE`).
 *
 * R is `cor(x, use = "pairwise")` as in psych ≥ 2.4.6; psych up to 2.4.3 used `cov2cor(C)` instead,
 * which differs only when answers are missing: `correlations: "fromCovariance"` reproduces that.
 *
 * @example
 * cronbachAlpha([{ name: 'a', values: [1, 2, 3, 4] }, { name: 'b', values: [2, 2, 4, 4] }]).alpha // 0.8888…
 */
export function cronbachAlpha(items: ReadonlyArray<ScaleItemData>, options: AlphaOptions = {}): AlphaResult {
  const reverse = new Set(options.reverse ?? []);
  const all = pairwiseMatrices(items.map((item) => item.values));
  const fromCovariance = options.correlations === 'fromCovariance';
  const pAll = items.length;
  const keep: number[] = [];
  const dropped: string[] = [];
  for (let j = 0; j < pAll; j++) {
    const v = all.cov[j * pAll + j]!;
    if (v > 0) keep.push(j);
    else dropped.push(items[j]!.name);
  }
  const k = keep.length;
  if (k < 2) {
    throw new LeakriskError(
      `alpha needs at least two items with some variance; ${k === 1 ? 'only one has' : 'none has'} (items: ${items.map((i) => i.name).join(', ')})`,
      {},
      'list at least two answered items that vary between respondents',
    );
  }
  const C = new Float64Array(k * k);
  const R = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    const sa = reverse.has(items[keep[a]!]!.name) ? -1 : 1;
    for (let b = 0; b < k; b++) {
      const sb = reverse.has(items[keep[b]!]!.name) ? -1 : 1;
      C[a * k + b] = sa * sb * all.cov[keep[a]! * pAll + keep[b]!]!;
      R[a * k + b] = sa * sb * all.cor[keep[a]! * pAll + keep[b]!]!;
    }
  }
  if (fromCovariance) {
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) R[a * k + b] = C[a * k + b]! / Math.sqrt(C[a * k + a]! * C[b * k + b]!);
    }
  }
  if (C.some((x) => Number.isNaN(x))) {
    throw new LeakriskError(
      'alpha needs every pair of items answered together by at least two respondents',
      {},
      'check the items: some pair is never answered together',
    );
  }
  const full = alphaOf(C, R, k, allIndices(k));
  const stats: AlphaItemStats[] = items.map((item, j) => ({
    item: item.name,
    alphaIfDropped: null,
    stdAlphaIfDropped: null,
    rDrop: null,
    n: all.count[j * pAll + j]!,
    mean: null,
    sd: null,
  }));
  const descriptives = itemDescriptives(
    keep.map((j) => items[j]!.values),
    keep.map((j) => reverse.has(items[j]!.name)),
  );
  keep.forEach((j, a) => {
    Object.assign(stats[j]!, descriptives[a]);
  });
  const sumC = full.sumC;
  for (let a = 0; a < k; a++) {
    const rest = allIndices(k).filter((b) => b !== a);
    const entry = stats[keep[a]!]!;
    if (k > 2) {
      const dropped = alphaOf(C, R, k, rest);
      entry.alphaIfDropped = dropped.raw;
      entry.stdAlphaIfDropped = dropped.std;
    } else {
      const other = rest[0]!;
      entry.alphaIfDropped = C[0 * k + 1]! / C[other * k + other]!;
      entry.stdAlphaIfDropped = R[0 * k + 1]!;
    }
    let column = 0;
    for (let b = 0; b < k; b++) column += C[b * k + a]!;
    const cii = C[a * k + a]!;
    const restSum = sumC - 2 * column + cii;
    entry.rDrop = (column - cii) / Math.sqrt(cii * restSum);
  }
  return {
    alpha: full.raw,
    stdAlpha: full.std,
    n: rowsWithAnyItem(items.map((item) => item.values)),
    items: stats,
    dropped,
  };
}

function allIndices(k: number): number[] {
  return Array.from({ length: k }, (_, i) => i);
}

function alphaOf(C: Float64Array, R: Float64Array, k: number, subset: number[]): { raw: number; std: number; sumC: number } {
  let trace = 0;
  let sumC = 0;
  let sumR = 0;
  for (const a of subset) {
    trace += C[a * k + a]!;
    for (const b of subset) {
      sumC += C[a * k + b]!;
      sumR += R[a * k + b]!;
    }
  }
  const m = subset.length;
  return { raw: (1 - trace / sumC) * (m / (m - 1)), std: (1 - m / sumR) * (m / (m - 1)), sumC };
}
