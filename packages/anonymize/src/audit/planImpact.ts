import type { Results } from '@leakrisk/survey';

/** Which estimate of the analysis plan a row of the audit is about. */
export interface PlanEstimateOf {
  /** Analysis id and type from the plan. */
  analysis: string;
  type: string;
  /** The row's domain (`{}` for the whole population) and, where the row has them, its level/term/probability. */
  domain: Record<string, string>;
  level?: string;
  term?: string;
  probability?: number;
}

/** One estimate of the analysis plan, on the raw and on the anonymized data. */
export interface PlanImpactRow extends PlanEstimateOf {
  item?: string;
  /** Which number was compared: `estimate`, or `alpha` / `omegaTotal` / `statistic` for rows without one. */
  quantity: string;
  before: number | null;
  after: number | null;
  /** Standard error on the raw data (null when the row has none). */
  seBefore: number | null;
  /** after − before. */
  change: number | null;
  /** (after − before) / seBefore: the change in standard errors of the raw estimate. */
  z: number | null;
  /** |z| > 1: anonymization moved the estimate by more than one raw standard error. */
  flagged: boolean;
}

export interface PlanImpact {
  /** |z| above which a row is flagged. */
  threshold: number;
  rows: PlanImpactRow[];
  /** Rows with a z (both estimates and a positive raw SE). */
  compared: number;
  flagged: number;
  maxAbsZ: number | null;
  /** Rows found on one side only (e.g. a domain that suppression emptied). */
  onlyBefore: number;
  onlyAfter: number;
}

const QUANTITIES = ['estimate', 'alpha', 'omegaTotal', 'statistic'] as const;

/** The identity of a result row across two runs of one plan: analysis id, domain, level, term, probability, item. */
export function resultRowKey(id: string, row: Record<string, unknown>): string {
  const domain = (row.domain ?? {}) as Record<string, string>;
  const entries = Object.keys(domain)
    .sort()
    .map((k) => [k, domain[k]]);
  return JSON.stringify([id, entries, row.level ?? null, row.term ?? null, row.probability ?? null, row.item ?? null]);
}

function num(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/**
 * Compares the plan's results on the raw data (`before`) with those on the anonymized data
 * (`after`). Rows are matched by analysis id and domain, plus level, term, probability or item
 * where present. For each matched row, z = (after − before) / se_before: how many of the raw
 * estimate's standard errors anonymization moved it; |z| > 1 is flagged, because the change is then
 * as large as the estimate's own sampling uncertainty. Rows keep the order of `before`.
 */
export function comparePlanResults(before: Results, after: Results, threshold = 1): PlanImpact {
  const afterRows = new Map<string, Record<string, unknown>>();
  for (const result of after.results) for (const row of result.rows) afterRows.set(resultRowKey(result.id, row), row);
  const rows: PlanImpactRow[] = [];
  const matched = new Set<string>();
  let compared = 0;
  let flagged = 0;
  let maxAbsZ: number | null = null;
  let onlyBefore = 0;
  for (const result of before.results) {
    for (const row of result.rows) {
      const key = resultRowKey(result.id, row);
      const other = afterRows.get(key);
      if (other === undefined) onlyBefore++;
      else matched.add(key);
      const quantity = QUANTITIES.find((q) => num(row[q]) !== null) ?? 'estimate';
      const b = num(row[quantity]);
      const a = other === undefined ? null : num(other[quantity]);
      const se = quantity === 'estimate' ? num(row.se) : null;
      const change = a !== null && b !== null ? a - b : null;
      const z = change !== null && se !== null && se > 0 ? change / se : null;
      const isFlagged = z !== null && Math.abs(z) > threshold;
      if (z !== null) {
        compared++;
        if (maxAbsZ === null || Math.abs(z) > maxAbsZ) maxAbsZ = Math.abs(z);
      }
      if (isFlagged) flagged++;
      const out: PlanImpactRow = {
        analysis: result.id,
        type: result.type,
        domain: { ...((row.domain ?? {}) as Record<string, string>) },
        quantity,
        before: b,
        after: a,
        seBefore: se,
        change,
        z,
        flagged: isFlagged,
      };
      if (typeof row.level === 'string') out.level = row.level;
      if (typeof row.term === 'string') out.term = row.term;
      if (typeof row.probability === 'number') out.probability = row.probability;
      if (typeof row.item === 'string') out.item = row.item;
      rows.push(out);
    }
  }
  return { threshold, rows, compared, flagged, maxAbsZ, onlyBefore, onlyAfter: afterRows.size - matched.size };
}
