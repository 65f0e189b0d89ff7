import { formatCsvRows } from '../io/csv.js';
import type { AnalysisResult, ResultRow } from './results.js';

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'NA';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NA';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return JSON.stringify(value);
}

/**
 * One tidy CSV for an analysis (`results/<id>.csv`): one line per result row, domain variables
 * first (one column each), then the row's fields in order; numbers at full precision, `NA` where
 * undefined. An alpha row becomes one line per item (scale-level columns repeated), so the file
 * stays rectangular.
 */
export function resultToCsv(result: AnalysisResult): string {
  const flat: Array<Record<string, unknown>> = [];
  for (const row of result.rows) {
    const { domain, items, ...rest } = row as ResultRow & { items?: Array<Record<string, unknown>> };
    const base: Record<string, unknown> = {};
    for (const [name, level] of Object.entries(domain ?? {})) base[name] = level;
    Object.assign(base, rest);
    if (Array.isArray(items) && items.length > 0) {
      for (const item of items) flat.push({ ...base, ...item });
    } else flat.push(base);
  }
  const header: string[] = [];
  for (const row of flat) for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
  return formatCsvRows(
    header,
    flat.map((row) => header.map((key) => cell(row[key]))),
  );
}
