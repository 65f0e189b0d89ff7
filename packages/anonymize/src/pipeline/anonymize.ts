import { LeakriskError, isMissingCell, missingCodesOf, variableOf, type Codebook, type RawTable } from '@leakrisk/survey';
import { checkConfigAgainstTable, type AnonymizeConfig } from '../config/index.js';
import { pseudonymize, shiftDate } from '../pseudonym/index.js';
import { emptyCounts, PII_TYPES, scrubColumn, type PiiType } from '../text/index.js';
import { levelCount } from '../recode/hierarchy.js';
import { classesOfRows } from '../search/classes.js';
import { searchLattice, type SearchResult } from '../search/lattice.js';
import { checkClasses, type PrivacyRequirement } from '../search/requirement.js';
import { summarizeRisk, weightsOf } from '../audit/riskSummary.js';
import { columnUtility, type ColumnUtility } from '../audit/utility.js';
import { findRecoverableKeys } from '../audit/recoverable.js';
import type { Audit, ColumnTransformation, QuasiIdentifierAudit } from '../audit/types.js';
import { prepareKey, prepareSensitive, quasiColumns, type PreparedKey } from './quasi.js';

/** Shortest pseudonymization key accepted, in bytes (CONTRACT.md). */
export const MIN_KEY_LENGTH = 16;

export interface AnonymizeInput {
  table: RawTable;
  config: AnonymizeConfig;
  /** The pseudonymization key (bytes), required when a column is `pseudonymize` or `dateShift`. */
  key: Uint8Array | undefined;
  /** The config file as the user named it (for the audit and messages). */
  configFile: string;
  codebook?: Codebook;
  /** Missing codes per column; derived from the codebook when omitted. */
  missingCodes?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface AnonymizeOutput {
  header: string[];
  columns: string[][];
  audit: Audit;
}

/**
 * Applies an anonymization config to a raw table, fail-closed (CONTRACT.md, "Anonymization config"):
 *
 * 1. checks the config against the data (every column classified, every named column present,
 *    weights positive, hierarchy values known) and that a key of at least 16 bytes is given when a
 *    column is `pseudonymize` or `dateShift`;
 * 2. per column: `drop` removes it; `pseudonymize` replaces each value by its keyed HMAC-SHA-256
 *    pseudonym; `scrub` replaces PII in free text by typed tags; `dateShift` moves each date by a
 *    keyed per-respondent offset (the respondent is the first `pseudonymize` column's raw value, or
 *    the row number when there is none); `keep` copies it; missing cells stay as they are;
 * 3. quasi-identifiers are recoded to their first level, then the least-loss generalisation plus local
 *    suppression that meets k-anonymity and l-diversity within `maxSuppressedShare` is chosen
 *    (`searchLattice`); a generalised value becomes its group label, a suppressed cell an empty cell;
 * 4. the released keys are checked again independently of the search before anything is returned.
 *
 * Output columns keep the input order, minus dropped columns; rows are never removed or reordered.
 * Throws a LeakriskError (and returns nothing) when a requirement cannot be met.
 * The same table, config and key always give identical output and audit.
 */
export function anonymize(input: AnonymizeInput): AnonymizeOutput {
  const { table, config, key, configFile, codebook } = input;
  const missingCodes = input.missingCodes ?? codebookMissing(codebook, table.header);
  const missingOf = (column: string) => missingCodes.get(column);
  checkConfigAgainstTable(config, table, { missingCodes });

  const needsKey = table.header.filter((c) => {
    const role = config.columns[c]!.role;
    return role === 'pseudonymize' || role === 'dateShift';
  });
  if (needsKey.length > 0) {
    const source = config.keyFrom?.spec ?? 'env:LEAKRISK_KEY';
    if (key === undefined || key.length === 0) {
      throw new LeakriskError(
        `column "${needsKey[0]}" is to be ${config.columns[needsKey[0]!]!.role === 'dateShift' ? 'date-shifted' : 'pseudonymized'} but no key was given (keyFrom: ${source})`,
        { file: configFile, column: needsKey[0] },
        'create a key with `leakrisk keygen --out key.txt` and set "keyFrom": "file:key.txt", or set the environment variable named in keyFrom; keep the key out of the data folder',
      );
    }
    if (key.length < MIN_KEY_LENGTH) {
      throw new LeakriskError(
        `the pseudonymization key is ${key.length} bytes long; at least ${MIN_KEY_LENGTH} are needed (keyFrom: ${source})`,
        { file: configFile, column: needsKey[0] },
        'use a key from `leakrisk keygen` (32 random bytes as hex)',
      );
    }
  }

  const n = table.nrow;
  const columnOf = (name: string) => table.columns[table.header.indexOf(name)]!;
  const pii = emptyCounts();

  // Quasi-identifiers: recode, search, suppress.
  const quasi = quasiColumns(config).filter((c) => table.header.includes(c));
  const keys: PreparedKey[] = quasi.map((column) =>
    prepareKey(column, config.columns[column]!, columnOf(column), { file: table.file, missing: missingOf(column), ...(codebook ? { codebook } : {}) }),
  );
  const lConfig = config.privacy.l;
  const sensitive = (lConfig?.sensitive ?? []).map((s) => prepareSensitive(s, columnOf(s), missingOf(s)));
  const requirement: PrivacyRequirement = {
    k: config.privacy.k,
    missingMatches: config.privacy.missingMatches,
    ...(lConfig ? { l: { ...(lConfig.distinct !== undefined ? { distinct: lConfig.distinct } : {}), ...(lConfig.entropy !== undefined ? { entropy: lConfig.entropy } : {}), ...(lConfig.recursive ? { recursive: lConfig.recursive } : {}) } } : {}),
  };
  const search = keys.length > 0 ? searchLattice({ keys, sensitive, nrow: n, requirement, maxSuppressedShare: config.privacy.maxSuppressedShare }) : undefined;
  if (search && !search.best) throw unmet(config, configFile, keys, search, n);
  const released = new Map<string, string[]>();
  if (search?.best) {
    keys.forEach((k, j) => {
      const out = search.release(j);
      const atTop = search.best!.levels[j]! >= levelCount(k.hierarchy) - 1;
      if (!atTop) {
        const cells = columnOf(k.column);
        for (let i = 0; i < n; i++) if (k.leaves[i]! < 0) out[i] = cells[i]!;
      }
      released.set(k.column, out);
    });
  }

  // Every other column, in input order.
  const header: string[] = [];
  const columns: string[][] = [];
  const transformations: ColumnTransformation[] = [];
  const respondent = table.header.find((c) => config.columns[c]!.role === 'pseudonymize');
  for (const name of table.header) {
    const spec = config.columns[name]!;
    const cells = columnOf(name);
    const missing = missingOf(name);
    let nonMissing = 0;
    for (let i = 0; i < n; i++) if (!isMissingCell(cells[i]!, missing)) nonMissing++;
    if (spec.role === 'drop') {
      transformations.push({ column: name, action: 'drop', cells: nonMissing, changed: n });
      continue;
    }
    let out: string[];
    const record: ColumnTransformation = { column: name, action: spec.role, cells: nonMissing, changed: 0 };
    switch (spec.role) {
      case 'pseudonymize':
        out = cells.map((cell) => (isMissingCell(cell, missing) ? cell : pseudonymize(cell, key!)));
        break;
      case 'scrub': {
        const result = scrubColumn(cells);
        out = result.values;
        record.replacements = result.counts;
        for (const type of PII_TYPES) pii[type] += result.counts[type];
        break;
      }
      case 'dateShift': {
        const maxDays = spec.maxDays ?? 0;
        record.maxDays = maxDays;
        const ids = respondent === undefined ? undefined : columnOf(respondent);
        out = cells.map((cell, i) => (isMissingCell(cell, missing) ? cell : shiftDate(cell, ids ? ids[i]! : String(i + 1), key!, maxDays, { file: table.file, row: i + 1, column: name })));
        break;
      }
      case 'quasi':
        out = released.get(name)!;
        break;
      default:
        out = cells;
    }
    let changed = 0;
    if (out !== cells) for (let i = 0; i < n; i++) if (out[i] !== cells[i]) changed++;
    record.changed = changed;
    transformations.push(record);
    header.push(name);
    columns.push(out);
  }

  const audit = buildAudit({ table, config, configFile, codebook, missingCodes, keys, search, released, requirement, sensitive, header, columns, transformations, pii });
  return { header, columns, audit };
}

function codebookMissing(codebook: Codebook | undefined, header: readonly string[]): Map<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>();
  if (!codebook) return out;
  for (const column of header) {
    const codes = missingCodesOf(codebook, column);
    if (codes.size > 0) out.set(column, codes);
  }
  return out;
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function unmet(config: AnonymizeConfig, configFile: string, keys: PreparedKey[], search: SearchResult, n: number): LeakriskError {
  const p = config.privacy;
  const parts = [`k = ${p.k}`];
  if (p.l?.distinct !== undefined) parts.push(`distinct l = ${p.l.distinct}`);
  if (p.l?.entropy !== undefined) parts.push(`entropy l = ${p.l.entropy}`);
  if (p.l?.recursive !== undefined) parts.push(`recursive (c = ${p.l.recursive.c}, l = ${p.l.recursive.l})`);
  const weakest = keys[search.order[0]!]!.column;
  const closest = search.closest;
  const detail = closest
    ? `; the closest solution (${closest.levels.map((level, j) => `${keys[j]!.column} at ${keys[j]!.hierarchy.levelNames[level]}`).join(', ')}) would suppress cells in at least ${closest.suppressedRecords} of ${n} records (${percent(n === 0 ? 0 : closest.suppressedRecords / n)})`
    : '';
  return new LeakriskError(
    `${parts.join(' and ')} cannot be met with at most ${percent(p.maxSuppressedShare)} of records suppressed${detail}`,
    { file: configFile, column: 'privacy' },
    `raise privacy.maxSuppressedShare, add a coarser hierarchy level for ${weakest}, or drop ${weakest} (or another quasi-identifier); no data file was written`,
  );
}

interface AuditParts {
  table: RawTable;
  config: AnonymizeConfig;
  configFile: string;
  codebook: Codebook | undefined;
  missingCodes: ReadonlyMap<string, ReadonlySet<string>>;
  keys: PreparedKey[];
  search: SearchResult | undefined;
  released: Map<string, string[]>;
  requirement: PrivacyRequirement;
  sensitive: ReturnType<typeof prepareSensitive>[];
  header: string[];
  columns: string[][];
  transformations: ColumnTransformation[];
  pii: Record<PiiType, number>;
}

function buildAudit(parts: AuditParts): Audit {
  const { table, config, configFile, codebook, missingCodes, keys, search, released, requirement, sensitive, header, columns, transformations, pii } = parts;
  const n = table.nrow;
  const missingOf = (column: string) => missingCodes.get(column);
  const best = search?.best;
  const weights = weightsOf(table, config.privacy.weights);

  // Independent check of the released keys (fail-closed if the search ever disagreed).
  const achieved = checkRelease(keys.map((k) => released.get(k.column)!), keys.map((k) => missingOf(k.column)), sensitive, requirement, n);
  if (keys.length > 0 && achieved.violatingRecords > 0) {
    throw new LeakriskError(
      `internal check failed: ${achieved.violatingRecords} released records still violate the requirement`,
      { file: configFile, column: 'privacy' },
      'this is a bug in leakrisk; please report it. No data file was written',
    );
  }

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
  const riskOptions = { rows: n, k: config.privacy.k, missingMatches: config.privacy.missingMatches, ...(weights ? { weights } : {}), missing: keyNames.map(missingOf) };
  const before = summarizeRisk(keyNames.map((c) => table.columns[table.header.indexOf(c)]!), keyNames, riskOptions);
  const after = summarizeRisk(keyNames.map((c) => released.get(c)!), keyNames, riskOptions);

  const utility: ColumnUtility[] = [];
  for (let jj = 0; jj < header.length; jj++) {
    const name = header[jj]!;
    const role = config.columns[name]!.role;
    const before = table.columns[table.header.indexOf(name)]!;
    if (role === 'keep') {
      // Codebook likert/numeric columns, and (without a codebook entry) columns whose values are all numbers.
      const type = codebook ? variableOf(codebook, name)?.type : undefined;
      if (type !== undefined && type !== 'likert' && type !== 'numeric') continue;
      const row = columnUtility(name, 'keep', before, columns[jj]!, weights, missingOf(name));
      if (type !== undefined || row.meanBefore !== null) utility.push(row);
    } else if (role === 'quasi') {
      const j = keyNames.indexOf(name);
      if (best!.levels[j] !== 0) continue;
      const k = keys[j]!;
      const firstLevel = Array.from(k.leaves, (leaf, i) => (leaf < 0 ? before[i]! : k.hierarchy.leaves[leaf]!));
      utility.push(columnUtility(name, 'quasi', firstLevel, columns[jj]!, weights, missingOf(name)));
    }
  }

  // Kept columns that give back what generalisation or suppression took away.
  const changedKeys = keys.filter((_, j) => best!.levels[j]! > 0 || best!.suppressedCells[j]! > 0);
  const recoverableKeys = changedKeys.length === 0 ? [] : findRecoverableKeys(
    header.filter((name) => config.columns[name]!.role === 'keep').map((name) => ({ column: name, cells: table.columns[table.header.indexOf(name)]!, missing: missingOf(name) })),
    changedKeys.map((k) => ({ column: k.column, cells: table.columns[table.header.indexOf(k.column)]!, missing: missingOf(k.column) })),
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
      l: lc ? { sensitive: [...lc.sensitive], ...(lc.distinct !== undefined ? { distinct: lc.distinct } : {}), ...(lc.entropy !== undefined ? { entropy: lc.entropy } : {}), ...(lc.recursive ? { recursive: { ...lc.recursive } } : {}) } : null,
      missingMatches: config.privacy.missingMatches,
      maxSuppressedShare: config.privacy.maxSuppressedShare,
      achieved: { k: achieved.minFk, l: achieved.l },
      suppressedRecords: best?.suppressedRecords ?? 0,
      suppressedShare: n === 0 ? 0 : (best?.suppressedRecords ?? 0) / n,
    },
    search: {
      measure: 'importance-weighted Loss Metric (ARX "Loss"): per cell (leaves in its group − 1)/(leaves − 1), 1 when suppressed; averaged over records per key, weighted by importance',
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

/**
 * Re-checks released key columns from their text (missing = empty, `NA` or a missing code): the
 * smallest fk and, per sensitive column, the smallest distinct count and exp(entropy) over the
 * matching sets, skipping records exempt under `self` (all keys missing).
 */
export function checkRelease(
  keyColumns: readonly (readonly string[])[],
  missing: readonly (ReadonlySet<string> | undefined)[],
  sensitive: ReturnType<typeof prepareSensitive>[],
  requirement: PrivacyRequirement,
  n: number,
): { minFk: number; violatingRecords: number; l: { column: string; distinct: number; entropy: number }[] } {
  const cards: number[] = [];
  const codes = keyColumns.map((cells, j) => {
    const ids = new Map<string, number>();
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const cell = cells[i]!;
      if (isMissingCell(cell, missing[j])) out[i] = -1;
      else {
        let id = ids.get(cell);
        if (id === undefined) ids.set(cell, (id = ids.size));
        out[i] = id;
      }
    }
    cards.push(ids.size);
    return out;
  });
  const { table } = classesOfRows(codes, cards, sensitive.map((s) => s.codes), sensitive.map((s) => s.cardinality), n);
  const check = checkClasses(table, requirement);
  const m = codes.length;
  const exempt = (c: number) => requirement.missingMatches === 'self' && m > 0 && table.codes.every((col) => col[c]! < 0);
  let minFk = Number.POSITIVE_INFINITY;
  for (let c = 0; c < table.size; c++) if (!exempt(c) && check.fk[c]! < minFk) minFk = check.fk[c]!;
  const l = sensitive.map((s, a) => {
    const card = s.cardinality;
    const h = check.matchedHist[a]!;
    let distinct = Number.POSITIVE_INFINITY;
    let entropy = Number.POSITIVE_INFINITY;
    for (let c = 0; c < table.size; c++) {
      if (exempt(c)) continue;
      let d = 0;
      let total = 0;
      for (let v = 0; v < card; v++) if (h[c * card + v]! > 0) (d++, (total += h[c * card + v]!));
      let e = 0;
      for (let v = 0; v < card; v++) {
        const x = h[c * card + v]!;
        if (x > 0) e -= (x / total) * Math.log(x / total);
      }
      distinct = Math.min(distinct, d);
      entropy = Math.min(entropy, Math.exp(e));
    }
    return { column: s.column, distinct: Number.isFinite(distinct) ? distinct : 0, entropy: Number.isFinite(entropy) ? entropy : 0 };
  });
  return { minFk: Number.isFinite(minFk) ? minFk : 0, violatingRecords: check.violatingRecords, l };
}
