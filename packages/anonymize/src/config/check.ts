import { cellInMessage, parseNumberText, columnOf, distinctTexts, LeakriskError, isMissingCell, type DictionaryColumn, type Table } from '@leakrisk/survey';
import type { AnonymizeConfig, ColumnRole } from './types.js';

/** The quasi-identifiers (key variables), in the order the config lists them. */
export function quasiIdentifiers(config: AnonymizeConfig): string[] {
  return columnsWithRole(config, 'quasi');
}

/** Columns with the given role, in the order the config lists them. */
function columnsWithRole(config: AnonymizeConfig, role: ColumnRole): string[] {
  return Object.entries(config.columns)
    .filter(([, spec]) => spec.role === role)
    .map(([name]) => name);
}

export interface CheckConfigOptions {
  /** Missing codes per column (from the codebook), so that e.g. `99` in a weight column is missing. */
  missingCodes?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The distinct texts of a column (default `distinctTexts`); lets a caller share them with later steps. */
  factorOf?: (column: string) => DictionaryColumn;
}

/**
 * Checks a config against the data it will run on, fail-closed:
 * - every data column is classified (an unclassified column may hold personal data);
 * - every configured column is in the data;
 * - the sensitive, weights and household columns are in the data;
 * - weights are positive numbers in every row (sdcMicro needs a weight for every record);
 * - every non-missing value of a column with a hierarchy appears in that hierarchy.
 * Throws a LeakriskError naming the file and the column(s) and saying what to do.
 */
export function checkConfigAgainstTable(config: AnonymizeConfig, table: Table, options: CheckConfigOptions = {}): void {
  const inData = new Set(table.header);
  const unclassified = table.header.filter((name) => !Object.hasOwn(config.columns, name));
  if (unclassified.length > 0) {
    throw new LeakriskError(
      `${unclassified.length} column${unclassified.length === 1 ? '' : 's'} of ${table.file} ${unclassified.length === 1 ? 'is' : 'are'} not classified: ${unclassified.join(', ')}`,
      { file: config.file, column: unclassified[0] },
      'an unclassified column may hold personal data: add each to "columns" as "drop", "pseudonymize", "scrub", "keep" or { "role": "quasi" }',
    );
  }
  const absent = Object.keys(config.columns).filter((name) => !inData.has(name));
  if (absent.length > 0) {
    throw new LeakriskError(
      `the config names column${absent.length === 1 ? '' : 's'} ${absent.map((a) => `"${a}"`).join(', ')} but ${table.file} has no such column`,
      { file: config.file, column: absent[0] },
      'check the spelling against the data\'s header, or remove the entry from "columns"',
    );
  }
  const roles: [string, string | undefined][] = [
    ['privacy.weights', config.privacy.weights],
    ['privacy.household', config.privacy.household],
    ...(config.privacy.l?.sensitive ?? []).map((s): [string, string] => ['privacy.l.sensitive', s]),
  ];
  for (const [field, name] of roles) {
    if (name !== undefined && !inData.has(name)) {
      throw new LeakriskError(
        `${field} names column "${name}" but ${table.file} has no such column`,
        { file: config.file, column: name },
        "check the spelling against the data's header",
      );
    }
  }
  const factorOf = options.factorOf ?? ((name: string) => distinctTexts(columnOf(table, name)));
  // Each check runs once per distinct value, in order of first appearance: the first bad value is in the first bad row.
  const weights = config.privacy.weights;
  if (weights !== undefined) {
    const { codes: rows, levels: values } = factorOf(weights);
    const codes = options.missingCodes?.get(weights);
    for (let c = 0; c < values.length; c++) {
      const cell = values[c]!;
      const w = isMissingCell(cell, codes) ? NaN : parseNumberText(cell);
      if (!(Number.isFinite(w) && w > 0)) {
        const row = rows.indexOf(c) + 1;
        throw new LeakriskError(
          `the weight in row ${row} is ${cellInMessage(cell, config.columns[weights]?.role === 'keep')}, not a positive number`,
          { file: table.file, row, column: weights },
          'every record needs a positive sampling weight for Fk and individual risk; fix the weight or remove "privacy.weights"',
        );
      }
    }
  }
  for (const [name, spec] of Object.entries(config.columns)) {
    if (spec.hierarchy === undefined) continue;
    const known = new Set(spec.hierarchy.rows.map((r) => r[0]!));
    const { codes: rows, levels: values } = factorOf(name);
    const codes = options.missingCodes?.get(name);
    const unknown = new Map<string, number>();
    for (let c = 0; c < values.length; c++) {
      const cell = values[c]!;
      if (!isMissingCell(cell, codes) && !known.has(cell)) unknown.set(cell, rows.indexOf(c) + 1);
    }
    if (unknown.size > 0) {
      // A quasi-identifier's values are never shown: rows, and each value's shape.
      const list = [...unknown.entries()].slice(0, 5).map(([v, row]) => `row ${row} (${cellInMessage(v, false)})`);
      throw new LeakriskError(
        `${unknown.size} value${unknown.size === 1 ? '' : 's'} of column "${name}" ${unknown.size === 1 ? 'is' : 'are'} not in its hierarchy ${spec.hierarchy.path}: ${list.join(', ')}${unknown.size > 5 ? ', …' : ''}`,
        { file: table.file, column: name, row: [...unknown.values()][0] },
        'add a row for each value to the hierarchy file (value, then its groups), or correct the data',
      );
    }
  }
}
