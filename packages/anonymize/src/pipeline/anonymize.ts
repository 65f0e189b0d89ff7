import {
  columnOf,
  countTexts,
  distinctColumns,
  distinctTexts,
  missingCodesOf,
  numberColumn,
  variableOf,
  type Codebook,
  type Column,
  type DictionaryColumn,
  type Table,
} from '@leakrisk/survey';
import { buildAudit } from '../audit/buildAudit.js';
import { changedCells, nonMissingCells } from '../audit/cellCounts.js';
import { formulaCells } from '../audit/formulaCells.js';
import type { FactorColumnWithMissing, RecoverableKey } from '../audit/recoverable.js';
import { weightsOfFactor } from '../audit/riskSummary.js';
import type { Audit, ColumnTransformation } from '../audit/types.js';
import { factorUtility, utilityOf, type ColumnUtility } from '../audit/utility.js';
import { checkConfigAgainstTable } from '../config/check.js';
import { designAudit } from '../design/designAudit.js';
import { designRelease } from '../design/designRelease.js';
import type { AnonymizeConfig } from '../config/types.js';
import { shiftDateColumn } from '../pseudonym/dateShift.js';
import { pseudonymizeColumn } from '../pseudonym/pseudonymizeColumn.js';
import { requireKey } from '../pseudonym/requireKey.js';
import { scrubUtf8Column } from '../text/scrubUtf8Column.js';
import { emptyCounts, PII_TYPES } from '../text/types.js';
import { refuseGivenBackKeys, type Determination } from './givenBack.js';
import { keptColumnStats, type KeptColumnRequest, type KeptColumnStats } from './keptColumns.js';
import { refuseKeptPii } from './keptPii.js';
import { releaseKeys } from './releaseKeys.js';
import { keyAtFirstLevel, quasiColumns } from './searchKeys.js';

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
 * Applies an anonymization config to a raw table, fail-closed (CONTRACT.md, "Anonymization config"
 * and "Trust rules"), one step per concern:
 *
 * 1. the config against the data (`checkConfigAgainstTable`: every column classified, every named
 *    column present, weights positive, hierarchy values known) and the key (`requireKey`);
 * 2. kept columns, read once (`keptColumnStats`): one that holds personal data by content is refused
 *    (`refuseKeptPii`); one that determines a quasi-identifier pins that key (never suppressed locally);
 * 3. quasi-identifiers (`releaseKeys`): recoded, searched (least-loss generalisation and local
 *    suppression meeting k and l within `maxSuppressedShare`), released, and verified again on the
 *    cells as written; then a kept column must not give a key back more finely than it is released
 *    (`refuseGivenBackKeys`);
 * 4. every other column by its role: `drop` leaves it out; `pseudonymize` (`pseudonymizeColumn`),
 *    `scrub` (`scrubUtf8Column`) and `dateShift` (`shiftDateColumn`, per respondent: the first
 *    `pseudonymize` column's raw value, or the row number) replace its cells; `keep` copies it;
 * 5. the audit (`buildAudit`), counting per column the cells any CSV writer neutralises as formulas.
 *
 * With a `design` block (a public-use file without design codes), replicate weights are made from the
 * design after step 2 (`designRelease`): the quasi-identifiers their pattern determines are pinned and
 * checked in step 3 as a kept column's are; the strata, PSU and fpc columns are dropped (the config
 * must say `drop`), the replicate columns follow the input's, and the audit gains `design`.
 *
 * Output columns keep the input order, minus dropped columns; rows are never removed or reordered.
 * Throws a LeakriskError (and returns nothing) when a requirement cannot be met.
 * The same table, config and key always give identical output and audit.
 */
export function anonymize(input: AnonymizeInput): AnonymizeOutput {
  const { table, config, configFile, codebook } = input;
  const n = table.nrow;
  const missingCodes = input.missingCodes ?? codebookMissing(codebook, table.header);
  const missingOf = (column: string) => missingCodes.get(column);
  const roleOf = (column: string) => config.columns[column]!.role;
  const distinctOf = sharedDistinctTexts(table, [
    config.privacy.weights,
    ...quasiColumns(config),
    ...(config.privacy.l?.sensitive ?? []),
    ...table.header.filter((c) => config.columns[c]?.role === 'dateShift'),
  ]);
  checkConfigAgainstTable(config, table, { missingCodes, factorOf: distinctOf });
  const key = requireKey(table.header, config, input.key, configFile);
  const weights = config.privacy.weights === undefined ? undefined : weightsOfFactor(distinctOf(config.privacy.weights));

  // Kept columns, in one pass: personal data (refused), the keys they determine, descriptions, formulas.
  const quasi = quasiColumns(config).filter((c) => table.header.includes(c));
  const originals: FactorColumnWithMissing[] = quasi.map((column) => ({ column, factor: distinctOf(column), missing: missingOf(column) }));
  const keptType = (name: string) => (codebook ? variableOf(codebook, name)?.type : undefined);
  const describes = (name: string) => {
    const type = keptType(name);
    return type === undefined || type === 'likert' || type === 'numeric';
  };
  const keptRequests: KeptColumnRequest[] = [];
  table.header.forEach((name, j) => {
    if (roleOf(name) === 'keep') keptRequests.push({ column: j, name, missing: missingOf(name), describe: describes(name) });
  });
  const keptStats = new Map<string, KeptColumnStats>();
  keptColumnStats(table, keptRequests, weights, originals).forEach((stats, p) => {
    keptStats.set(keptRequests[p]!.name, stats);
  });
  refuseKeptPii(
    keptRequests.map((r) => ({ column: r.name, pii: keptStats.get(r.name)!.pii })),
    table.file,
  );
  const keptDeterminations: Determination[] = keptRequests.flatMap((r) =>
    keptStats.get(r.name)!.determines.map(({ key: q, keyValueOf }) => ({ kept: r.name, key: quasi[q]!, keyValueOf })),
  );

  // A public-use release's replicate weights (the config's `design` block), judged as kept columns are.
  const design = config.design === undefined ? undefined : designRelease(table, config.design, key, missingCodes, originals);
  const determinations = [...keptDeterminations, ...(design?.determinations ?? [])];

  // Quasi-identifiers: searched with the determined keys pinned, released, verified as written.
  const pinned = new Map<string, string[]>();
  for (const { kept, key: q } of determinations) pinned.set(q, [...(pinned.get(q) ?? []), kept]);
  const release = releaseKeys({ table, config, configFile, codebook, distinctOf, missingOf, pinned });
  const best = release.search?.best;
  refuseGivenBackKeys({
    table,
    config,
    codebook,
    determinations,
    distinctOf,
    missingOf,
    released: release.released,
    levelOf: (column) => {
      const j = quasi.indexOf(column);
      return release.keys[j]!.hierarchy.levelNames[best!.levels[j]!]!;
    },
  });

  // Dropped columns: only their non-missing cells are counted.
  const dropped = table.header.filter((name) => roleOf(name) === 'drop');
  const missingCounts = new Map<string, number>();
  countTexts(
    dropped.map((name) => columnOf(table, name)),
    dropped.map((name) => missingTexts(missingOf(name))),
  ).forEach((count, p) => {
    missingCounts.set(dropped[p]!, count);
  });

  // Every column by its role, in input order.
  const header: string[] = [];
  const columns: Column[] = [];
  const transformations: ColumnTransformation[] = [];
  const utility: ColumnUtility[] = [];
  const pii = emptyCounts();
  const respondent = table.header.find((c) => roleOf(c) === 'pseudonymize');
  const respondentIds = respondent === undefined ? undefined : columnOf(table, respondent).utf8();
  table.header.forEach((name, j) => {
    const spec = config.columns[name]!;
    const missing = missingOf(name);
    const record: ColumnTransformation = { column: name, action: spec.role, cells: 0, changed: 0 };
    transformations.push(record);
    let out: Column;
    let formulas: number;
    switch (spec.role) {
      case 'drop':
        record.cells = n - missingCounts.get(name)!;
        record.changed = n;
        return;
      case 'pseudonymize': {
        const texts = name === respondent ? respondentIds! : table.columns[j]!.utf8();
        const pseudonyms = pseudonymizeColumn(texts, key!, missingTexts(missing));
        record.cells = pseudonyms.cells;
        record.changed = pseudonyms.changed;
        out = pseudonyms.column;
        formulas = formulaCells(pseudonyms.column);
        break;
      }
      case 'scrub': {
        const scrubbed = scrubUtf8Column(table.columns[j]!.utf8(), missing);
        record.cells = scrubbed.cells;
        record.changed = scrubbed.changed;
        record.replacements = scrubbed.replacements;
        for (const type of PII_TYPES) pii[type] += scrubbed.replacements[type];
        out = scrubbed.column;
        formulas = formulaCells(scrubbed.column);
        break;
      }
      case 'dateShift': {
        const maxDays = spec.maxDays ?? 0;
        record.maxDays = maxDays;
        const shifted = shiftDateColumn(distinctOf(name), respondentIds, key!, maxDays, missing, { file: table.file, column: name });
        record.cells = shifted.cells;
        record.changed = shifted.changed;
        out = shifted.dates;
        formulas = formulaCells(shifted.dates);
        break;
      }
      case 'quasi': {
        const original = distinctOf(name);
        const released = release.released.get(name)!;
        record.cells = nonMissingCells(original, missing);
        record.changed = changedCells(original, released);
        const jk = quasi.indexOf(name);
        if (best!.levels[jk] === 0) utility.push(factorUtility(name, 'quasi', keyAtFirstLevel(release.keys[jk]!, original), released, weights, missing));
        out = released;
        formulas = formulaCells(released);
        break;
      }
      default: {
        // keep: copied as it is.
        const stats = keptStats.get(name)!;
        record.cells = stats.cells;
        if (stats.description !== undefined && (keptType(name) !== undefined || stats.description.mean !== null)) {
          utility.push(utilityOf(name, 'keep', stats.description, stats.description));
        }
        out = table.columns[j]!;
        formulas = stats.formulas;
      }
    }
    if (formulas > 0) record.formulasNeutralised = formulas;
    header.push(name);
    columns.push(out);
  });

  // The replicate columns follow the input's columns.
  design?.names.forEach((name, r) => {
    header.push(name);
    columns.push(numberColumn(design.columns[r]!));
  });

  const recoverableKeys: RecoverableKey[] = keptDeterminations.map((d) => ({ column: d.kept, quasiIdentifier: d.key }));
  const audit = buildAudit({
    table,
    config,
    configFile,
    release,
    distinctOf,
    missingOf,
    header,
    transformations,
    pii,
    weights,
    utility,
    recoverableKeys,
  });
  if (design !== undefined) audit.design = designAudit(design, config.design!.replicates.type, config.design!.weights);
  return { header, columns, audit };
}

/**
 * A column's distinct texts (`distinctTexts`), read once and shared by every step: the `named` columns
 * (weights, quasi-identifiers, sensitive columns, dates to shift) in one pass over the rows, any other
 * when first asked for.
 */
function sharedDistinctTexts(table: Table, named: readonly (string | undefined)[]): (column: string) => DictionaryColumn {
  const shared = new Map<string, DictionaryColumn>();
  const first = [...new Set(named)].filter((c): c is string => c !== undefined && table.header.includes(c));
  distinctColumns(first.map((c) => columnOf(table, c))).forEach((column, p) => {
    shared.set(first[p]!, column);
  });
  return (column) => {
    let read = shared.get(column);
    if (read === undefined) shared.set(column, (read = distinctTexts(columnOf(table, column))));
    return read;
  };
}

/** Texts that are missing in a column: empty, `NA` and its missing codes. */
function missingTexts(missing: ReadonlySet<string> | undefined): Set<string> {
  return new Set(['', 'NA', ...(missing ?? [])]);
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
