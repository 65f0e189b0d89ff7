/**
 * The audit as published beside the report (`data/audit.json`): the same document with every text that
 * is a path on the analyst's machine cut to its base name (`/home/me/study/raw.csv` → `raw.csv`), so
 * that the site holds no local path whatever version of anonymize wrote the audit.
 */
export function auditForDownload(audit: unknown): unknown {
  if (typeof audit === 'string') return baseNameOfPath(audit);
  if (Array.isArray(audit)) return audit.map(auditForDownload);
  if (audit !== null && typeof audit === 'object') return Object.fromEntries(Object.entries(audit).map(([key, value]) => [key, auditForDownload(value)]));
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
