/**
 * A tolerant reading of the anonymization audit (`audit.json`, written by `leakrisk anonymize`):
 * the figures the methodology page shows, found under whichever of the usual names they carry, plus
 * every numeric figure in the file so that nothing the audit reports is hidden. Values of dropped,
 * pseudonymized or scrubbed columns never appear in an audit, so listing its numbers is safe.
 */
export interface AuditSummary {
  rowsIn: number | null;
  rowsOut: number | null;
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
  generalisation: { column: string; level: string }[];
  piiReplacements: { type: string; count: number }[];
  /** Every numeric leaf of the audit as `path = value`, in file order. */
  figures: { path: string; value: number }[];
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

function numericLeaves(node: Json, prefix: string, out: { path: string; value: number }[]): void {
  if (typeof node === 'number' && Number.isFinite(node)) out.push({ path: prefix, value: node });
  else if (Array.isArray(node))
    node.forEach((child, index) => {
      numericLeaves(child, `${prefix}[${index}]`, out);
    });
  else if (isRecord(node)) for (const [key, child] of Object.entries(node)) numericLeaves(child, prefix ? `${prefix}.${key}` : key, out);
}

/** Reads what is there; fields the audit does not carry are `null` (or empty lists). */
export function summarizeAudit(audit: Json): AuditSummary {
  const figures: { path: string; value: number }[] = [];
  numericLeaves(audit, '', figures);
  const riskPaths = (when: string) => [
    `risk.${when}.globalRisk`,
    `risk${cap(when)}.globalRisk`,
    `${when}.globalRisk`,
    `globalRisk.${when}`,
    `risk.${when}.global`,
    `risk${cap(when)}.global`,
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
  const levels = firstRecord(audit, ['generalisation', 'generalization', 'generalisationLevels', 'generalizationLevels', 'levels']);
  // The anonymize package's audit lists quasi-identifiers with the level it chose for each.
  const quasi = isRecord(audit) && Array.isArray(audit['quasiIdentifiers']) ? audit['quasiIdentifiers'].filter(isRecord) : [];
  const generalisation =
    quasi.length > 0
      ? quasi.map((q) => ({ column: String(q['column'] ?? ''), level: String(q['chosenLevelName'] ?? q['chosenLevel'] ?? '') }))
      : levels
        ? Object.entries(levels).map(([column, level]) => ({
            column,
            level: isRecord(level) ? String(level['label'] ?? level['level'] ?? JSON.stringify(level)) : String(level),
          }))
        : [];
  const pii = firstRecord(audit, ['piiReplacements', 'pii', 'replacements', 'scrub.replacements', 'text.replacements']);
  const piiReplacements = pii ? Object.entries(pii).flatMap(([type, count]) => (typeof count === 'number' ? [{ type, count }] : [])) : [];
  return {
    rowsIn: firstNumber(audit, ['rowsIn', 'rows.in', 'input.rows', 'records.in']),
    rowsOut: firstNumber(audit, ['rowsOut', 'rows.out', 'output.rows', 'records.out']),
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
      'suppressedRecordsShare',
      'suppression.recordShare',
    ]),
    suppressedCells:
      firstNumber(audit, ['suppression.cells', 'suppressedCells', 'suppression.suppressedCells']) ??
      (quasi.length > 0 ? quasi.reduce((sum, q) => sum + (typeof q['suppressedCells'] === 'number' ? q['suppressedCells'] : 0), 0) : null),
    suppressedRows: firstNumber(audit, [
      'privacy.suppressedRecords',
      'suppression.rows',
      'suppressedRows',
      'suppression.records',
      'suppression.suppressedRows',
    ]),
    riskBefore: firstNumber(audit, riskPaths('before')),
    riskAfter: firstNumber(audit, riskPaths('after')),
    expectedReidentificationsBefore: firstNumber(audit, expectedPaths('before')),
    expectedReidentificationsAfter: firstNumber(audit, expectedPaths('after')),
    informationLoss,
    generalisation,
    piiReplacements,
    figures,
  };
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
