import { type Codebook, LeakriskError } from '@leakrisk/survey';
import type { ResultsFile } from './types.js';

/** Column names that are direct identifiers whatever the codebook says (the shared raw-survey names). */
export const IDENTIFIER_COLUMNS = ['resp_id', 'name', 'phone', 'cnic', 'email'] as const;

/** Keys a results row may carry (the contract's row fields); anything else in a row is suspicious. */
const ROW_KEYS = new Set([
  'domain',
  'level',
  'probability',
  'estimate',
  'se',
  'ciLow',
  'ciHigh',
  'df',
  'deff',
  'n',
  'statistic',
  'ndf',
  'ddf',
  't',
  'pValue',
  'pAdjusted',
  'method',
  'term',
  'alpha',
  'stdAlpha',
  'omegaTotal',
  'items',
  'variable',
  'cv',
  'var',
  'z',
  'significant',
  'rawAlpha',
  'averageR',
  'mean',
  'sd',
  'ase',
  'omegaHierarchical',
  'level1',
  'level2',
  'levels',
  'numerator',
  'denominator',
  'total',
  'label',
  'share',
]);

/**
 * Names that mark respondent-level data: the identifier names above and the codebook's identifiers;
 * as item columns, the codebook's answer, number, text and design columns, and the variables the
 * results analyse (outcomes, scale items, ratio parts), so a CSV of answers is refused even without a
 * codebook. Grouping (`by`) variables are not items: the per-analysis CSVs carry them as columns.
 */
export function microdataNames(codebook: Codebook | undefined, parsedResults?: unknown): MicrodataNames {
  const identifiers = new Set<string>(IDENTIFIER_COLUMNS);
  const items = new Set<string>();
  for (const variable of codebook?.variables ?? []) {
    if (variable.type === 'identifier') identifiers.add(variable.name);
    if (['likert', 'knowledge', 'text', 'design', 'numeric'].includes(variable.type)) items.add(variable.name);
  }
  const analyses = (parsedResults as { results?: unknown } | null)?.results;
  if (Array.isArray(analyses)) {
    const groupings = new Set<string>();
    for (const analysis of analyses as Record<string, unknown>[]) {
      if (analysis === null || typeof analysis !== 'object') continue;
      for (const by of [analysis['by']].flat()) if (typeof by === 'string') groupings.add(by);
      for (const field of ['variable', 'numerator', 'denominator']) if (typeof analysis[field] === 'string') items.add(analysis[field] as string);
      for (const item of Array.isArray(analysis['items']) ? analysis['items'] : []) if (typeof item === 'string') items.add(item);
    }
    for (const by of groupings) items.delete(by);
  }
  return { identifiers: [...identifiers], items: [...items] };
}

export interface MicrodataNames {
  /** Direct identifiers (always refused as columns or keys). */
  identifiers: readonly string[];
  /** Respondent-level item columns (Likert, knowledge, numeric, text, design): three or more in one CSV header or one row mean microdata. */
  items: readonly string[];
}

/**
 * Checks that a parsed `results.json` holds aggregates only, and returns it typed.
 * Refuses (LeakriskError) a file that is a list of records, has no `results` list, has rows carrying
 * identifier or respondent-level item columns, or has domains defined by an identifier.
 */
export function assertAggregateOnly(parsed: unknown, file: string, names: MicrodataNames): ResultsFile {
  const refuse = (problem: string, column?: string): never => {
    throw new LeakriskError(
      `${problem}: this looks like respondent-level data, and the report only accepts aggregate results`,
      column === undefined ? { file } : { file, column },
      'run `leakrisk analyze --data FILE --plan PLAN --out DIR` and pass that results folder to `leakrisk report`; never put microdata in a results folder',
    );
  };
  if (Array.isArray(parsed)) refuse('the file is a list of records, not a results object');
  if (parsed === null || typeof parsed !== 'object') {
    throw new LeakriskError('results.json is not a JSON object', { file }, 'pass the folder written by `leakrisk analyze`');
  }
  const top = parsed as Record<string, unknown>;
  for (const key of ['records', 'data', 'rows', 'microdata']) {
    if (Array.isArray(top[key])) refuse(`it has a top-level "${key}" list`, key);
  }
  if (!Array.isArray(top['results'])) {
    throw new LeakriskError('results.json has no "results" list', { file, column: 'results' }, 'pass the folder written by `leakrisk analyze`');
  }
  if (top['meta'] === null || typeof top['meta'] !== 'object') {
    throw new LeakriskError('results.json has no "meta" object', { file, column: 'meta' }, 'pass the folder written by `leakrisk analyze`');
  }
  const identifiers = new Set(names.identifiers);
  const items = new Set(names.items);
  (top['results'] as unknown[]).forEach((analysis, index) => {
    const where = `results[${index}]`;
    if (analysis === null || typeof analysis !== 'object') {
      throw new LeakriskError(`${where} is not an object`, { file, column: where }, 'pass the folder written by `leakrisk analyze`');
    }
    const record = analysis as Record<string, unknown>;
    if (typeof record['id'] !== 'string' || typeof record['type'] !== 'string' || !Array.isArray(record['rows'])) {
      throw new LeakriskError(`${where} needs "id", "type" and a "rows" list`, { file, column: where }, 'pass the folder written by `leakrisk analyze`');
    }
    (record['rows'] as unknown[]).forEach((row, rowIndex) => {
      const rowWhere = `${where}.rows[${rowIndex}]`;
      if (row === null || typeof row !== 'object' || Array.isArray(row)) refuse(`${rowWhere} is not an object`, rowWhere);
      const fields = row as Record<string, unknown>;
      let itemKeys = 0;
      for (const key of Object.keys(fields)) {
        if (identifiers.has(key)) refuse(`${rowWhere} has the identifier column "${key}"`, `${rowWhere}.${key}`);
        if (!ROW_KEYS.has(key) && items.has(key)) itemKeys += 1;
      }
      if (itemKeys >= 3) refuse(`${rowWhere} has ${itemKeys} respondent-level item columns`, rowWhere);
      const domain = fields['domain'];
      if (domain !== undefined && domain !== null && typeof domain === 'object') {
        for (const key of Object.keys(domain)) {
          if (identifiers.has(key)) refuse(`${rowWhere} has a domain defined by the identifier "${key}"`, `${rowWhere}.domain.${key}`);
        }
      }
    });
  });
  return parsed as ResultsFile;
}

/**
 * Refuses a CSV in the results folder whose header is respondent-level: an identifier column, or
 * three or more item columns (the per-analysis CSVs that `analyze` writes have neither).
 */
export function assertAggregateCsvHeader(header: readonly string[], file: string, names: MicrodataNames): void {
  const identifiers = new Set(names.identifiers);
  const items = new Set(names.items);
  const found = header.filter((column) => identifiers.has(column));
  if (found.length > 0) {
    throw new LeakriskError(
      `the results folder holds a CSV with identifier column${found.length > 1 ? 's' : ''} ${found.map((c) => `"${c}"`).join(', ')}: respondent-level data is refused`,
      { file, line: 1, column: found[0]! },
      'remove microdata from the results folder; the report is built from `results.json` (aggregates) only',
    );
  }
  const itemColumns = header.filter((column) => items.has(column));
  if (itemColumns.length >= 3) {
    throw new LeakriskError(
      `the results folder holds a CSV with ${itemColumns.length} respondent-level item columns (${itemColumns.slice(0, 4).join(', ')}…): respondent-level data is refused`,
      { file, line: 1, column: itemColumns[0]! },
      'remove microdata from the results folder; the report is built from `results.json` (aggregates) only',
    );
  }
}
