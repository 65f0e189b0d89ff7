import {
  LeakriskError,
  columnOf,
  countTexts,
  dictionaryColumn,
  distinctColumns,
  distinctTexts,
  isMissingCell,
  missingCodesOf,
  textColumn,
  TextMatcher,
  utf8Column,
  variableOf,
  type Codebook,
  type Column,
  type DictionaryColumn,
  type Table,
  type Utf8Column,
} from '@leakrisk/survey';
import { checkConfigAgainstTable, type AnonymizeConfig } from '../config/index.js';
import { pseudonymWriter, shiftDateColumn } from '../pseudonym/index.js';
import { emptyCounts, PII_TYPES, scrubber, type PiiType } from '../text/index.js';
import { levelCount } from '../recode/hierarchy.js';
import { classesOfRows } from '../search/classes.js';
import { searchLattice, type SearchResult } from '../search/lattice.js';
import { checkClasses, type PrivacyRequirement } from '../search/requirement.js';
import { summarizeRiskOf, weightsOfFactor } from '../audit/riskSummary.js';
import { keyCodes } from '../risk/frequencies.js';
import { factorUtility, utilityOf, type ColumnUtility } from '../audit/utility.js';
import type { FactorColumnWithMissing, RecoverableKey } from '../audit/recoverable.js';
import { keptColumnStats, type KeptColumnRequest, type KeptColumnStats } from './keptColumns.js';
import type { Audit, ColumnTransformation, QuasiIdentifierAudit } from '../audit/types.js';
import { prepareKey, prepareSensitive, quasiColumns, type PreparedKey } from './quasi.js';

/** Shortest pseudonymization key accepted, in bytes (CONTRACT.md). */
export const MIN_KEY_LENGTH = 16;

/** Bytes of a pseudonym with the default options: `P` and 16 hex digits. */
const PSEUDONYM_BYTES = 17;

export interface AnonymizeInput {
  table: Table;
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
  /**
   * The released columns, as `writeCsvColumnsAtomic` writes them: kept columns are the input's own
   * (for a CSV, still its bytes), quasi-identifiers and shifted dates dictionaries of their released
   * texts, pseudonyms and scrubbed text UTF-8 texts.
   */
  columns: Column[];
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
  // Columns read as distinct values (weights, quasi-identifiers, sensitive columns, dates to shift),
  // all in one pass over the rows.
  const shared = new Map<string, DictionaryColumn>();
  const asValues = [
    ...new Set([
      config.privacy.weights,
      ...quasiColumns(config),
      ...(config.privacy.l?.sensitive ?? []),
      ...table.header.filter((c) => config.columns[c]?.role === 'dateShift'),
    ]),
  ].filter((c): c is string => c !== undefined && table.header.includes(c));
  distinctColumns(asValues.map((c) => columnOf(table, c))).forEach((factor, p) => {
    shared.set(asValues[p]!, factor);
  });
  const factorOf = (column: string): DictionaryColumn => {
    let factor = shared.get(column);
    if (factor === undefined) shared.set(column, (factor = distinctTexts(columnOf(table, column))));
    return factor;
  };
  checkConfigAgainstTable(config, table, { missingCodes, factorOf });

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
  const pii = emptyCounts();

  // Quasi-identifiers: recode, search, suppress.
  const quasi = quasiColumns(config).filter((c) => table.header.includes(c));
  const keys: PreparedKey[] = quasi.map((column) =>
    prepareKey(column, config.columns[column]!, factorOf(column), { file: table.file, missing: missingOf(column), ...(codebook ? { codebook } : {}) }),
  );
  const lConfig = config.privacy.l;
  const sensitive = (lConfig?.sensitive ?? []).map((s) => prepareSensitive(s, factorOf(s), missingOf(s)));
  const requirement: PrivacyRequirement = {
    k: config.privacy.k,
    missingMatches: config.privacy.missingMatches,
    ...(lConfig
      ? {
          l: {
            ...(lConfig.distinct !== undefined ? { distinct: lConfig.distinct } : {}),
            ...(lConfig.entropy !== undefined ? { entropy: lConfig.entropy } : {}),
            ...(lConfig.recursive ? { recursive: lConfig.recursive } : {}),
          },
        }
      : {}),
  };
  const search = keys.length > 0 ? searchLattice({ keys, sensitive, nrow: n, requirement, maxSuppressedShare: config.privacy.maxSuppressedShare }) : undefined;
  if (search && !search.best) throw unmet(config, configFile, keys, search, n);
  const best = search?.best;
  const released = new Map<string, DictionaryColumn>();
  if (best) {
    keys.forEach((k, j) => {
      const out = search!.release(j);
      const atTop = best.levels[j]! >= levelCount(k.hierarchy) - 1;
      if (!atTop) {
        const { codes, levels } = factorOf(k.column);
        for (let i = 0; i < n; i++) if (k.leaves[i]! < 0) out[i] = levels[codes[i]!]!;
      }
      released.set(k.column, distinctTexts(textColumn(out)));
    });
  }

  // Audit parts that need the search's outcome.
  const weights = config.privacy.weights === undefined ? undefined : weightsOfFactor(factorOf(config.privacy.weights));
  const keyNames = keys.map((k) => k.column);
  const changedKeys: FactorColumnWithMissing[] = keys
    .filter((_, j) => best!.levels[j]! > 0 || best!.suppressedCells[j]! > 0)
    .map((k) => ({ column: k.column, factor: factorOf(k.column), missing: missingOf(k.column) }));
  const utility: ColumnUtility[] = [];
  const recoverableKeys: RecoverableKey[] = [];
  // Kept columns are read as values for the utility (codebook likert/numeric columns, and columns
  // without a codebook entry whose values are all numbers) and the recoverable-key checks, all in one
  // pass over the rows. Dropped columns, and kept ones needed for neither, only have their missing
  // cells counted (in another pass).
  const keptType = (name: string) => (codebook ? variableOf(codebook, name)?.type : undefined);
  const describes = (name: string) => {
    const type = keptType(name);
    return type === undefined || type === 'likert' || type === 'numeric';
  };
  const keptRequests: KeptColumnRequest[] = [];
  const counted: number[] = [];
  table.header.forEach((name, j) => {
    const role = config.columns[name]!.role;
    if (role === 'keep' && (describes(name) || changedKeys.length > 0))
      keptRequests.push({ column: j, name, missing: missingOf(name), describe: describes(name) });
    else if (role === 'keep' || role === 'drop') counted.push(j);
  });
  const keptStats = new Map<number, KeptColumnStats>();
  keptColumnStats(table, keptRequests, weights, changedKeys).forEach((stats, p) => {
    keptStats.set(keptRequests[p]!.column, stats);
  });
  const missingCounts = new Map<number, number>();
  countTexts(
    counted.map((j) => table.columns[j]!),
    counted.map((j) => missingTexts(missingOf(table.header[j]!))),
  ).forEach((count, p) => {
    missingCounts.set(counted[p]!, count);
  });

  // Every other column, in input order.
  const header: string[] = [];
  const columns: Column[] = [];
  const transformations: ColumnTransformation[] = [];
  const respondent = table.header.find((c) => config.columns[c]!.role === 'pseudonymize');
  let respondentIds: Utf8Column | undefined;
  const respondentTexts = (): Utf8Column => (respondentIds ??= columnOf(table, respondent!).utf8());
  table.header.forEach((name, j) => {
    const spec = config.columns[name]!;
    const missing = missingOf(name);
    const record: ColumnTransformation = { column: name, action: spec.role, cells: 0, changed: 0 };
    transformations.push(record);
    if (spec.role === 'drop') {
      record.cells = n - missingCounts.get(j)!;
      record.changed = n;
      return;
    }
    let out: Column;
    switch (spec.role) {
      case 'pseudonymize': {
        // Read and written as bytes: no string per identifier or pseudonym.
        const texts = table.header[j] === respondent ? respondentTexts() : table.columns[j]!.utf8();
        const isMissing = new TextMatcher(missingTexts(missing));
        const write = pseudonymWriter(key!);
        const pseudonyms = { bytes: Buffer.allocUnsafe(n * PSEUDONYM_BYTES), start: new Uint32Array(n), end: new Uint32Array(n) };
        const { bytes, start, end } = texts;
        let at = 0;
        for (let i = 0; i < n; i++) {
          const s = start[i]!;
          const e = end[i]!;
          const missingCell = isMissing.has(bytes, s, e);
          if (at + (missingCell ? e - s : PSEUDONYM_BYTES) > pseudonyms.bytes.length) {
            const grown = Buffer.allocUnsafe(2 * pseudonyms.bytes.length + e - s);
            pseudonyms.bytes.copy(grown, 0, 0, at);
            pseudonyms.bytes = grown;
          }
          pseudonyms.start[i] = at;
          if (missingCell) {
            // A missing cell stays as it is.
            bytes.copy(pseudonyms.bytes, at, s, e);
            at += e - s;
          } else {
            record.cells++;
            const from = at;
            at = write(bytes, s, e, pseudonyms.bytes, at);
            if (at - from !== e - s || pseudonyms.bytes.compare(bytes, s, e, from, at) !== 0) record.changed++;
          }
          pseudonyms.end[i] = at;
        }
        out = utf8Column(pseudonyms.bytes, pseudonyms.start, pseudonyms.end);
        break;
      }
      case 'scrub': {
        // Each cell is a short-lived string; only replaced cells are kept as strings.
        const texts = table.columns[j]!.utf8();
        const { scrub, counts } = scrubber();
        const rows: number[] = [];
        const cells: string[] = [];
        for (let i = 0; i < n; i++) {
          const cell = texts.end[i] === texts.start[i] ? '' : texts.get(i);
          if (!isMissingCell(cell, missing)) record.cells++;
          const scrubbed = scrub(cell);
          if (scrubbed !== cell) {
            record.changed++;
            rows.push(i);
            cells.push(scrubbed);
          }
        }
        record.replacements = counts;
        for (const type of PII_TYPES) pii[type] += counts[type];
        out = rows.length === 0 ? texts : withEdits(texts, rows, cells);
        break;
      }
      case 'dateShift': {
        const maxDays = spec.maxDays ?? 0;
        record.maxDays = maxDays;
        const ids = respondent === undefined ? undefined : respondentTexts();
        const shifted = shiftDateColumn(factorOf(name), ids, key!, maxDays, missing, { file: table.file, column: name });
        record.cells = shifted.cells;
        record.changed = shifted.changed;
        out = shifted.dates;
        break;
      }
      case 'quasi': {
        const original = factorOf(name);
        const release = released.get(name)!;
        record.cells = nonMissingCells(original, missing);
        record.changed = changedCells(original, release);
        const jk = keyNames.indexOf(name);
        if (best!.levels[jk] === 0) utility.push(factorUtility(name, 'quasi', firstLevel(keys[jk]!, original), release, weights, missing));
        out = release;
        break;
      }
      default: {
        // keep: copied as it is.
        const stats = keptStats.get(j);
        if (stats === undefined) record.cells = n - missingCounts.get(j)!;
        else {
          record.cells = stats.cells;
          if (stats.description !== undefined && (keptType(name) !== undefined || stats.description.mean !== null)) {
            utility.push(utilityOf(name, 'keep', stats.description, stats.description));
          }
          recoverableKeys.push(...stats.recoverable);
        }
        out = table.columns[j]!;
      }
    }
    header.push(name);
    columns.push(out);
  });

  const audit = buildAudit({
    table,
    config,
    configFile,
    keys,
    search,
    released,
    factorOf,
    missingCodes,
    requirement,
    sensitive,
    header,
    transformations,
    pii,
    weights,
    utility,
    recoverableKeys,
  });
  return { header, columns, audit };
}

/** Texts that are missing in a column: empty, `NA` and its missing codes. */
function missingTexts(missing: ReadonlySet<string> | undefined): Set<string> {
  return new Set(['', 'NA', ...(missing ?? [])]);
}

/**
 * UTF-8 texts with some rows replaced (`cells[k]` in row `rows[k]`, rows increasing), in a new
 * buffer: the other rows' bytes are copied as they are.
 */
function withEdits(texts: Utf8Column, rows: readonly number[], cells: readonly string[]): Utf8Column {
  const n = texts.length;
  const encoded = cells.map((cell) => Buffer.from(cell, 'utf8'));
  let total = 0;
  for (let i = 0; i < n; i++) total += texts.end[i]! - texts.start[i]!;
  rows.forEach((row, k) => {
    total += encoded[k]!.length - (texts.end[row]! - texts.start[row]!);
  });
  const bytes = Buffer.allocUnsafe(total);
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  let at = 0;
  let next = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    if (next < rows.length && rows[next] === i) at += encoded[next++]!.copy(bytes, at);
    else at += texts.bytes.copy(bytes, at, texts.start[i]!, texts.end[i]!);
    end[i] = at;
  }
  return utf8Column(bytes, start, end);
}

/** Rows whose value is not missing. */
function nonMissingCells(factor: DictionaryColumn, missing: ReadonlySet<string> | undefined): number {
  const present = Uint8Array.from(factor.levels, (value) => (isMissingCell(value, missing) ? 0 : 1));
  const index = factor.codes;
  let count = 0;
  for (let i = 0; i < index.length; i++) count += present[index[i]!]!;
  return count;
}

/** Rows whose text differs between two factors of the same rows. */
function changedCells(before: DictionaryColumn, after: DictionaryColumn): number {
  let count = 0;
  for (let i = 0; i < before.codes.length; i++) if (before.levels[before.codes[i]!] !== after.levels[after.codes[i]!]) count++;
  return count;
}

/** A quasi-identifier at its first level (its leaf labels), missing cells as they were. */
function firstLevel(key: PreparedKey, original: DictionaryColumn): DictionaryColumn {
  const leafCount = key.hierarchy.leaves.length;
  const index = new Int32Array(key.leaves.length);
  for (let i = 0; i < index.length; i++) {
    const leaf = key.leaves[i]!;
    index[i] = leaf < 0 ? leafCount + original.codes[i]! : leaf;
  }
  return distinctTexts(dictionaryColumn(index, [...key.hierarchy.leaves, ...original.levels]));
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
  table: Table;
  config: AnonymizeConfig;
  configFile: string;
  keys: PreparedKey[];
  search: SearchResult | undefined;
  released: Map<string, DictionaryColumn>;
  factorOf: (column: string) => DictionaryColumn;
  missingCodes: ReadonlyMap<string, ReadonlySet<string>>;
  requirement: PrivacyRequirement;
  sensitive: ReturnType<typeof prepareSensitive>[];
  header: string[];
  transformations: ColumnTransformation[];
  pii: Record<PiiType, number>;
  weights: Float64Array | undefined;
  utility: ColumnUtility[];
  recoverableKeys: RecoverableKey[];
}

function buildAudit(parts: AuditParts): Audit {
  const {
    table,
    config,
    configFile,
    keys,
    search,
    released,
    factorOf,
    missingCodes,
    requirement,
    sensitive,
    header,
    transformations,
    pii,
    weights,
    utility,
    recoverableKeys,
  } = parts;
  const n = table.nrow;
  const missingOf = (column: string) => missingCodes.get(column);
  const best = search?.best;

  // Independent check of the released keys (fail-closed if the search ever disagreed).
  const achieved = checkRelease(
    keys.map((k) => released.get(k.column)!),
    keys.map((k) => missingOf(k.column)),
    sensitive,
    requirement,
    n,
  );
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
  const riskOptions = {
    rows: n,
    k: config.privacy.k,
    missingMatches: config.privacy.missingMatches,
    ...(weights ? { weights } : {}),
    missing: keyNames.map(missingOf),
  };
  const before = summarizeRiskOf(keyNames.map(factorOf), keyNames, riskOptions);
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

/**
 * Re-checks released key columns from their text (missing = empty, `NA` or a missing code): the
 * smallest fk and, per sensitive column, the smallest distinct count and exp(entropy) over the
 * matching sets, skipping records exempt under `self` (all keys missing). The columns come as their
 * distinct texts (`distinctTexts`), numbered in order of first appearance.
 */
export function checkRelease(
  keyColumns: readonly DictionaryColumn[],
  missing: readonly (ReadonlySet<string> | undefined)[],
  sensitive: ReturnType<typeof prepareSensitive>[],
  requirement: PrivacyRequirement,
  n: number,
): { minFk: number; violatingRecords: number; l: { column: string; distinct: number; entropy: number }[] } {
  const codes = keyColumns.map((factor, j) => keyCodes(factor, missing[j]));
  const cards = keyColumns.map((factor, j) => factor.levels.filter((cell) => !isMissingCell(cell, missing[j])).length);
  const { table } = classesOfRows(
    codes,
    cards,
    sensitive.map((s) => s.codes),
    sensitive.map((s) => s.cardinality),
    n,
  );
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
      for (let v = 0; v < card; v++)
        if (h[c * card + v]! > 0) {
          d++;
          total += h[c * card + v]!;
        }
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
