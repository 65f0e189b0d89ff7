/**
 * A tolerant reading of the anonymization audit (`audit.json`, written by `leakrisk anonymize`): what
 * the methodology page says about the anonymization, found under whichever of the usual names the
 * figures carry. Fields the audit does not give are `null` or empty. The audit never holds a value of a
 * dropped, pseudonymized or scrubbed column (the anonymize contract), only names and counts.
 */
export interface AuditSummary {
  rowsIn: number | null;
  rowsOut: number | null;
  /** Columns removed before release. */
  dropped: string[];
  /** Columns replaced by a keyed pseudonym. */
  pseudonymized: string[];
  /** Free-text columns scrubbed, with the number of pieces of personal data replaced. */
  scrubbed: { column: string; replaced: number | null }[];
  /** Quasi-identifiers: the level of generalisation chosen and the cells suppressed. */
  quasiIdentifiers: QuasiIdentifierSummary[];
  /** Sensitive columns of the l-diversity requirement. */
  sensitive: string[];
  kRequired: number | null;
  kAchieved: number | null;
  lRequired: number | null;
  lAchieved: number | null;
  suppressedShare: number | null;
  suppressedCells: number | null;
  suppressedRows: number | null;
  riskBefore: number | null;
  riskAfter: number | null;
  expectedReidentificationsBefore: number | null;
  expectedReidentificationsAfter: number | null;
  informationLoss: { name: string; value: number }[];
  piiReplacements: { type: string; count: number }[];
}

export interface QuasiIdentifierSummary {
  column: string;
  /** Generalisation level chosen: 0 is the first level (the original values, or the configured bands). */
  level: number | null;
  /** Levels above the first one in its hierarchy (`*`, full suppression, included). */
  levelsAbove: number | null;
  /** Name of the level chosen, as the audit gives it (e.g. `province`), or `null`. */
  levelName: string | null;
  /** The chosen level removes the column's values (`*`). */
  suppressedEntirely: boolean;
  /** The configured bands of a numeric column (`[18, 26, 36]` → 18–25, 26–35, 36+). */
  bands: number[] | null;
  suppressedCells: number | null;
}

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function at(root: Json, path: string): Json {
  let node: Json = root;
  for (const part of path.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return node;
}

function firstNumber(root: Json, paths: string[]): number | null {
  for (const path of paths) {
    const value = at(root, path);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

function firstRecord(root: Json, paths: string[]): Record<string, Json> | null {
  for (const path of paths) {
    const value = at(root, path);
    if (isRecord(value)) return value;
  }
  return null;
}

function stringList(value: Json): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

const numberOrNull = (value: Json): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Reads what is there; fields the audit does not carry are `null` (or empty lists). */
export function summarizeAudit(audit: Json): AuditSummary {
  const riskPaths = (when: string) => [
    `risk.${when}.globalRisk`,
    `risk${cap(when)}.globalRisk`,
    `${when}.globalRisk`,
    `globalRisk.${when}`,
    `risk${cap(when)}`,
    `risk.${when}`,
  ];
  const expectedPaths = (when: string) => [
    `risk.${when}.expectedReidentifications`,
    `risk${cap(when)}.expectedReidentifications`,
    `${when}.expectedReidentifications`,
    `expectedReidentifications.${when}`,
  ];
  const lossRecord = firstRecord(audit, ['informationLoss', 'loss', 'utility.informationLoss']);
  const lossNumber = firstNumber(audit, ['informationLoss', 'loss']);
  const informationLoss = lossRecord
    ? Object.entries(lossRecord).flatMap(([name, value]) => (typeof value === 'number' && Number.isFinite(value) ? [{ name, value }] : []))
    : lossNumber !== null
      ? [{ name: 'informationLoss', value: lossNumber }]
      : [];
  const transformations = (Array.isArray(at(audit, 'transformations')) ? (at(audit, 'transformations') as Json[]) : []).filter(isRecord);
  const actionColumns = (action: string, ...otherPaths: string[]) => {
    const listed = transformations.filter((t) => t['action'] === action).map((t) => String(t['column'] ?? ''));
    return listed.length > 0 ? listed : otherPaths.flatMap((path) => stringList(at(audit, path)));
  };
  const scrubbed = transformations
    .filter((t) => t['action'] === 'scrub')
    .map((t) => {
      const replacements = isRecord(t['replacements']) ? Object.values(t['replacements']).filter((v): v is number => typeof v === 'number') : [];
      return { column: String(t['column'] ?? ''), replaced: replacements.length > 0 ? replacements.reduce((a, b) => a + b, 0) : numberOrNull(t['changed']) };
    });
  const quasiIdentifiers = quasiIdentifiersOf(audit);
  const pii = firstRecord(audit, ['piiReplacements', 'pii', 'replacements', 'scrub.replacements', 'text.replacements']);
  const piiReplacements = pii ? Object.entries(pii).flatMap(([type, count]) => (typeof count === 'number' && count > 0 ? [{ type, count }] : [])) : [];
  return {
    rowsIn: firstNumber(audit, ['rowsIn', 'rows.in', 'input.rows', 'records.in']),
    rowsOut: firstNumber(audit, ['rowsOut', 'rows.out', 'output.rows', 'records.out']),
    dropped: actionColumns('drop', 'dropped', 'columns.dropped'),
    pseudonymized: actionColumns('pseudonymize', 'pseudonymized', 'columns.pseudonymized'),
    scrubbed: scrubbed.length > 0 ? scrubbed : stringList(at(audit, 'scrubbed')).map((column) => ({ column, replaced: null })),
    quasiIdentifiers,
    sensitive: stringList(at(audit, 'privacy.l.sensitive')),
    kRequired: firstNumber(audit, ['privacy.k', 'required.k', 'kRequired', 'requirements.k', 'config.k']),
    kAchieved: firstNumber(audit, ['privacy.achieved.k', 'achieved.k', 'kAchieved', 'privacy.kAchieved', 'result.k', 'k.achieved', 'k']),
    lRequired: firstNumber(audit, ['privacy.l.distinct', 'required.l', 'lRequired', 'requirements.l', 'privacy.l']),
    lAchieved:
      smallestDistinct(at(audit, 'privacy.achieved.l')) ?? firstNumber(audit, ['achieved.l', 'lAchieved', 'privacy.lAchieved', 'result.l', 'l.achieved', 'l']),
    suppressedShare: firstNumber(audit, [
      'privacy.suppressedShare',
      'suppression.share',
      'suppressedShare',
      'suppression.suppressedShare',
      'suppression.recordShare',
    ]),
    suppressedCells:
      firstNumber(audit, ['suppression.cells', 'suppressedCells', 'suppression.suppressedCells']) ??
      (quasiIdentifiers.some((q) => q.suppressedCells !== null) ? quasiIdentifiers.reduce((sum, q) => sum + (q.suppressedCells ?? 0), 0) : null),
    suppressedRows: firstNumber(audit, ['privacy.suppressedRecords', 'suppression.rows', 'suppressedRows', 'suppression.records']),
    riskBefore: firstNumber(audit, riskPaths('before')),
    riskAfter: firstNumber(audit, riskPaths('after')),
    expectedReidentificationsBefore: firstNumber(audit, expectedPaths('before')),
    expectedReidentificationsAfter: firstNumber(audit, expectedPaths('after')),
    informationLoss,
    piiReplacements,
  };
}

/** The anonymize audit lists each quasi-identifier with its hierarchy, the level chosen and its suppressed cells. */
function quasiIdentifiersOf(audit: Json): QuasiIdentifierSummary[] {
  const listed = at(audit, 'quasiIdentifiers');
  if (Array.isArray(listed)) {
    return listed.filter(isRecord).map((q) => {
      const levels = stringList(q['levels']);
      const level = numberOrNull(q['chosenLevel']);
      const hierarchy = isRecord(q['hierarchy']) ? q['hierarchy'] : {};
      const name = typeof q['chosenLevelName'] === 'string' ? q['chosenLevelName'] : level !== null ? (levels[level] ?? null) : null;
      return {
        column: String(q['column'] ?? ''),
        level,
        levelsAbove: levels.length > 0 ? levels.length - 1 : null,
        levelName: name,
        suppressedEntirely: name === '*',
        bands: Array.isArray(hierarchy['bands']) ? hierarchy['bands'].filter((b): b is number => typeof b === 'number') : null,
        suppressedCells: numberOrNull(q['suppressedCells']),
      };
    });
  }
  // Older shapes: { generalisation: { column: level | { level, label } } }.
  const levels = firstRecord(audit, ['generalisation', 'generalization', 'generalisationLevels', 'generalizationLevels', 'levels']);
  return Object.entries(levels ?? {}).map(([column, value]) => {
    const record = isRecord(value) ? value : {};
    const level = numberOrNull(isRecord(value) ? record['level'] : value);
    const label = isRecord(value) ? record['label'] : typeof value === 'string' ? value : undefined;
    return {
      column,
      level,
      levelsAbove: null,
      levelName: typeof label === 'string' ? label : null,
      suppressedEntirely: label === '*',
      bands: null,
      suppressedCells: null,
    };
  });
}

/** The anonymize audit gives achieved l per sensitive column: the file achieves the smallest. */
function smallestDistinct(value: Json): number | null {
  if (!Array.isArray(value)) return null;
  const distinct = value
    .filter(isRecord)
    .map((entry) => entry['distinct'])
    .filter((d): d is number => typeof d === 'number');
  return distinct.length === 0 ? null : Math.min(...distinct);
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
