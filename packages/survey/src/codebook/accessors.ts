import type { Codebook, Localized, Scale, Variable } from './types.js';

export type Language = keyof Localized;

interface Index {
  variables: Map<string, Variable>;
  scales: Map<string, Scale>;
  scoreLabels: Map<string, Localized>;
  missing: Map<string, Set<string>>;
}

// Look-ups run per column in hot loops: index each codebook once.
const indexes = new WeakMap<Codebook, Index>();

function indexOf(codebook: Codebook): Index {
  let index = indexes.get(codebook);
  if (index === undefined) {
    index = {
      variables: new Map(codebook.variables.map((v) => [v.name, v])),
      scales: new Map(codebook.scales.map((s) => [s.id, s])),
      scoreLabels: new Map([...codebook.scales, ...codebook.knowledgeScores].map((s) => [s.id, s.label])),
      missing: new Map(),
    };
    indexes.set(codebook, index);
  }
  return index;
}

/**
 * The variable describing column `name`, or `undefined` when the codebook has no such column.
 *
 * @example variableOf(codebook, 'vb1')?.type // 'likert'
 */
export function variableOf(codebook: Codebook, name: string): Variable | undefined {
  return indexOf(codebook).variables.get(name);
}

/**
 * The codes that mean "missing" in `column` (e.g. `{'98', '99'}`); empty for an unknown column.
 * Empty cells and `NA` are missing everywhere and are not listed here (see `isMissingCell`).
 * The set is shared between calls: do not change it.
 */
export function missingCodesOf(codebook: Codebook, column: string): Set<string> {
  const index = indexOf(codebook);
  let codes = index.missing.get(column);
  if (codes === undefined) {
    codes = new Set((index.variables.get(column)?.missingCodes ?? []).map((m) => m.code));
    index.missing.set(column, codes);
  }
  return codes;
}

/**
 * The answer codes of `column` in presentation order (the level order of results), or `undefined`
 * for a column without options (numeric, text, identifiers) or not in the codebook.
 *
 * @example levelsOf(codebook, 'gender') // ['female', 'male', 'transgender', 'prefer_not']
 */
export function levelsOf(codebook: Codebook, column: string): string[] | undefined {
  return indexOf(codebook)
    .variables.get(column)
    ?.options?.map((o) => o.code);
}

/**
 * The question wording of `column` in `lang`; for a scale or knowledge score id, the score's
 * label; otherwise the column name itself (so callers can always print something).
 */
export function labelOf(codebook: Codebook, column: string, lang: Language): string {
  const index = indexOf(codebook);
  return index.variables.get(column)?.label[lang] ?? index.scoreLabels.get(column)?.[lang] ?? column;
}

/** The short label of `column` for tables and charts; falls back to {@link labelOf}. */
export function shortLabelOf(codebook: Codebook, column: string, lang: Language): string {
  return indexOf(codebook).variables.get(column)?.shortLabel?.[lang] ?? labelOf(codebook, column, lang);
}

/**
 * The label of answer `code` of `column` (an option or a missing code) in `lang`; the code itself
 * when the codebook does not know it (e.g. a generalised value like `18-25`).
 *
 * @example levelLabelOf(codebook, 'vb1', '5', 'en') // 'Strongly agree'
 */
export function levelLabelOf(codebook: Codebook, column: string, code: string, lang: Language): string {
  const variable = indexOf(codebook).variables.get(column);
  const hit = variable?.options?.find((o) => o.code === code) ?? variable?.missingCodes?.find((m) => m.code === code);
  return hit?.label[lang] ?? code;
}

/** The scale with id `id` (e.g. `victim_blaming`), or `undefined`. */
export function scaleOf(codebook: Codebook, id: string): Scale | undefined {
  return indexOf(codebook).scales.get(id);
}
