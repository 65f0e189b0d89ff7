import type { DictionaryColumn, Table } from '@leakrisk/survey';
import type { AnonymizeConfig } from '../config/types.js';
import type { ReleasedKeys } from '../pipeline/releaseKeys.js';
import type { PiiType } from '../text/types.js';
import type { RecoverableKey } from './recoverable.js';
import { summarizeRiskOf } from './riskSummary.js';
import type { Audit, ColumnTransformation, QuasiIdentifierAudit } from './types.js';
import type { ColumnUtility } from './utility.js';

/** What the steps of `anonymize` hand to the audit. */
export interface AuditParts {
  table: Table;
  config: AnonymizeConfig;
  configFile: string;
  release: ReleasedKeys;
  /** A column's distinct texts as read (the keys before release). */
  distinctOf: (column: string) => DictionaryColumn;
  missingOf: (column: string) => ReadonlySet<string> | undefined;
  /** The released header (input order, dropped columns left out). */
  header: readonly string[];
  transformations: ColumnTransformation[];
  pii: Record<PiiType, number>;
  weights: Float64Array | undefined;
  utility: ColumnUtility[];
  recoverableKeys: RecoverableKey[];
}

/**
 * The anonymization audit (`audit.json`, see `Audit`): rows and columns in and out, what was done to
 * every column, the generalisation chosen for each quasi-identifier, the requirement and what the
 * written release achieves, the search, the information lost, disclosure risk before and after (the
 * sdcMicro measures of `leakrisk risk`, on the raw keys and on the released ones), PII replaced, utility
 * and the kept columns that determine a quasi-identifier. It never holds a data value or the key.
 */
export function buildAudit(parts: AuditParts): Audit {
  const { table, config, configFile, release, distinctOf, missingOf, header, transformations, pii, weights, utility, recoverableKeys } = parts;
  const { keys, search, released, achieved } = release;
  const n = table.nrow;
  const best = search?.best;

  const quasiIdentifiers: QuasiIdentifierAudit[] = keys.map((k, j) => {
    const level = best!.levels[j]!;
    return {
      column: k.column,
      hierarchy: k.source,
      levels: [...k.hierarchy.levelNames],
      chosenLevel: level,
      chosenLevelName: k.hierarchy.levelNames[level]!,
      importance: k.importance ?? null,
      weight: search!.weights[j]!,
      generalisedCells: best!.generalisedCells[j]!,
      suppressedCells: best!.suppressedCells[j]!,
      locallySuppressedCells: best!.locallySuppressedCells[j]!,
      loss: best!.lossPerKey[j]!,
      generalisedShare: n === 0 ? 0 : best!.generalisedCells[j]! / n,
      suppressedShare: n === 0 ? 0 : best!.suppressedCells[j]! / n,
    };
  });

  const keyNames = keys.map((k) => k.column);
  const riskOptions = {
    rows: n,
    k: config.privacy.k,
    missingMatches: config.privacy.missingMatches,
    ...(weights ? { weights } : {}),
    missing: keyNames.map(missingOf),
  };
  const before = summarizeRiskOf(keyNames.map(distinctOf), keyNames, riskOptions);
  const after = summarizeRiskOf(
    keyNames.map((c) => released.get(c)!),
    keyNames,
    riskOptions,
  );

  const lc = config.privacy.l;
  return {
    tool: 'leakrisk',
    kind: 'anonymization-audit',
    data: table.file,
    config: configFile,
    rows: { in: n, out: n },
    columns: { in: table.header.length, out: header.length },
    transformations,
    quasiIdentifiers,
    privacy: {
      k: config.privacy.k,
      l: lc
        ? {
            sensitive: [...lc.sensitive],
            ...(lc.distinct !== undefined ? { distinct: lc.distinct } : {}),
            ...(lc.entropy !== undefined ? { entropy: lc.entropy } : {}),
            ...(lc.recursive ? { recursive: { ...lc.recursive } } : {}),
          }
        : null,
      missingMatches: config.privacy.missingMatches,
      maxSuppressedShare: config.privacy.maxSuppressedShare,
      achieved: { k: achieved.minFk, l: achieved.l },
      suppressedRecords: best?.suppressedRecords ?? 0,
      suppressedShare: n === 0 ? 0 : (best?.suppressedRecords ?? 0) / n,
    },
    search: {
      measure:
        'importance-weighted Loss Metric (ARX "Loss"): per cell (leaves in its group − 1)/(leaves − 1), 1 when suppressed; averaged over records per key, weighted by importance',
      latticeSize: search?.latticeSize ?? 1,
      evaluated: search?.evaluated ?? 0,
      optimal: search?.optimal ?? true,
      suppressionOrder: search ? search.order.map((j) => keyNames[j]!) : [],
    },
    informationLoss: { total: best?.loss ?? 0, generalisation: best?.generalisationLoss ?? 0 },
    risk: { before, after },
    pii,
    utility,
    recoverableKeys,
  };
}
