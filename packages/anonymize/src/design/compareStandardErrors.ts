import type { Results } from '@leakrisk/survey';
import { type PlanEstimateOf, resultRowKey } from '../audit/planImpact.js';

/** One estimate's standard error under the raw file's design and under the released replicate weights. */
export interface StandardErrorRow extends PlanEstimateOf {
  /** The estimate on the released file (null when it could not be made there). */
  estimate: number | null;
  /** The SE from the original design on the raw file, and from the replicate weights on the released file. */
  seOriginal: number | null;
  seReleased: number | null;
  /** seReleased / seOriginal. */
  ratio: number | null;
}

export interface StandardErrorComparison {
  rows: StandardErrorRow[];
  /** Rows with both SEs (and a positive original one). */
  compared: number;
  medianRatio: number | null;
  minRatio: number | null;
  maxRatio: number | null;
}

function num(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/**
 * What the release costs in precision: for every row of the plan that has a standard error (means,
 * totals, ratios, proportions, distributions, quantiles, contrasts, t-tests, model terms), the SE on the
 * raw file with the plan's own design (`original`) beside the SE on the released file with the replicate
 * plan (`released`, the results `leakrisk analyze` gives on the released file), matched as the plan
 * impact matches them (analysis, domain, level, term, probability). Rows keep the order of `original`.
 */
export function compareStandardErrors(original: Results, released: Results): StandardErrorComparison {
  const releasedRows = new Map<string, Record<string, unknown>>();
  for (const result of released.results) for (const row of result.rows) releasedRows.set(resultRowKey(result.id, row), row);
  const rows: StandardErrorRow[] = [];
  const ratios: number[] = [];
  for (const result of original.results) {
    for (const row of result.rows) {
      if (!('se' in row)) continue;
      const other = releasedRows.get(resultRowKey(result.id, row));
      const seOriginal = num(row.se);
      const seReleased = other === undefined ? null : num(other.se);
      const ratio = seOriginal !== null && seReleased !== null && seOriginal > 0 ? seReleased / seOriginal : null;
      if (ratio !== null) ratios.push(ratio);
      const out: StandardErrorRow = {
        analysis: result.id,
        type: result.type,
        domain: { ...((row.domain ?? {}) as Record<string, string>) },
        estimate: other === undefined ? null : num(other.estimate),
        seOriginal,
        seReleased,
        ratio,
      };
      if (typeof row.level === 'string') out.level = row.level;
      if (typeof row.term === 'string') out.term = row.term;
      if (typeof row.probability === 'number') out.probability = row.probability;
      rows.push(out);
    }
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  const m = sorted.length;
  const median = m === 0 ? null : m % 2 === 1 ? sorted[(m - 1) / 2]! : (sorted[m / 2 - 1]! + sorted[m / 2]!) / 2;
  return { rows, compared: m, medianRatio: median, minRatio: m === 0 ? null : sorted[0]!, maxRatio: m === 0 ? null : sorted[m - 1]! };
}
