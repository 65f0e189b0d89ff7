/**
 * The audit as published beside the report (`data/audit.json`): the same document with every text that
 * is a path on the analyst's machine cut to its base name (`/home/me/study/raw.csv` → `raw.csv`), so
 * that the site holds no local path whatever version of anonymize wrote the audit; and without the rows
 * of `planImpact` (only its counts), because those are estimates on the RAW data, by domains as the raw
 * data has them: a district the release generalised, with the answer of the one respondent in it.
 */
export function auditForDownload(audit: unknown): unknown {
  return withoutLocalPaths(withoutRawEstimates(audit));
}

/** `planImpact` keeps its counts (compared, flagged, largest change) and loses its rows, each an estimate on the raw data. */
function withoutRawEstimates(audit: unknown): unknown {
  if (audit === null || typeof audit !== 'object' || Array.isArray(audit)) return audit;
  const impact = (audit as Record<string, unknown>).planImpact;
  if (impact === null || typeof impact !== 'object' || Array.isArray(impact) || !('rows' in impact)) return audit;
  const { rows, ...counts } = impact as Record<string, unknown>;
  return { ...audit, planImpact: { ...counts, rowsNotPublished: Array.isArray(rows) ? rows.length : 0 } };
}

function withoutLocalPaths(audit: unknown): unknown {
  if (typeof audit === 'string') return baseNameOfPath(audit);
  if (Array.isArray(audit)) return audit.map(withoutLocalPaths);
  if (audit !== null && typeof audit === 'object') return Object.fromEntries(Object.entries(audit).map(([key, value]) => [key, withoutLocalPaths(value)]));
  return audit;
}

/** A text that looks like a file path (absolute, home-relative, or with folders) becomes its last part. */
function baseNameOfPath(text: string): string {
  const looksLikePath =
    /^(\/|~\/|[A-Za-z]:[\\/]|\.{1,2}[\\/])/.test(text) || (/^[^\s]+[\\/][^\s]+\.[A-Za-z0-9]{1,5}$/.test(text) && !/^[a-z]+:\/\//i.test(text));
  if (!looksLikePath) return text;
  const parts = text.split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? text;
}
