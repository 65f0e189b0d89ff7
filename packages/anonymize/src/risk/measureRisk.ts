import { cellInMessage, parseNumberText, distinctTexts, LeakriskError, isMissingCell, type Table } from '@leakrisk/survey';
import { quasiIdentifiers } from '../config/check.js';
import type { AnonymizeConfig } from '../config/types.js';
import { freqCalc, keyCodes } from './frequencies.js';
import { textsOf } from './textsOf.js';
import { globalRisk, householdRisk, kViolations } from './globalRisk.js';
import { individualRisk } from './individualRisk.js';

/** One record of `risk.json`. */
export interface RecordRisk {
  /** 1-based data row. */
  row: number;
  fk: number;
  Fk: number;
  risk: number;
  /** Only when `privacy.household` is set: the household's risk, null without a household id. */
  householdRisk?: number | null;
}

/** `risk.json` (CONTRACT.md, "Risk output"). */
export interface RiskReport {
  rows: number;
  keys: string[];
  /** Records with fk < k, for k = 2, 3, 5 and the configured k. */
  kViolations: Record<string, number>;
  globalRisk: number;
  expectedReidentifications: number;
  /** Only when `privacy.household` is set (sdcMicro `hier_risk`, `hier_risk_ER`). */
  household?: { column: string; globalRisk: number; expectedReidentifications: number };
  records: RecordRisk[];
}

export interface MeasureRiskOptions {
  /** Codes that count as missing, per column (from the codebook), besides empty cells and `NA`. */
  missingCodes?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The k values whose violations are always reported (the configured k is added). */
export const REPORTED_K = [2, 3, 5] as const;

/**
 * Disclosure risk of a file as it is; matches sdcMicro `measure_risk(obj)` on an object created
 * with the config's quasi-identifiers as `keyVars`, `privacy.weights` as `weightVar` and
 * `privacy.household` as `hhId`: fk and Fk from `freqCalc` (missing keys as wildcards when
 * `missingMatches` is `any`), individual risk from `indivRisk(method = "approx")` (1/fk without
 * weights), global risk = mean individual risk, expected re-identifications = their sum.
 * Recodes in the config are not applied: this measures the file it is given.
 */
export function measureRisk(table: Table, config: AnonymizeConfig, options: MeasureRiskOptions = {}): RiskReport {
  const keys = quasiIdentifiers(config);
  if (keys.length === 0) {
    throw new LeakriskError(
      'the config names no quasi-identifiers, so there is no key to measure risk on',
      { file: config.file, column: 'columns' },
      'mark the demographic columns an outsider could know (age, gender, district, …) as { "role": "quasi" }',
    );
  }
  const column = (name: string) => {
    const j = table.header.indexOf(name);
    if (j < 0)
      throw new LeakriskError(
        `the config names column "${name}" but ${table.file} has no such column`,
        { file: config.file, column: name },
        "check the spelling against the data's header",
      );
    return table.columns[j]!;
  };
  const missingOf = (name: string) => options.missingCodes?.get(name);
  const keyColumns = keys.map((name) => keyCodes(distinctTexts(column(name)), missingOf(name)));

  let weights: Float64Array | undefined;
  if (config.privacy.weights !== undefined) {
    const name = config.privacy.weights;
    const codes = missingOf(name);
    // Each distinct weight is parsed once, in order of first appearance: the first bad one is in the first bad row.
    const cells = distinctTexts(column(name));
    const perLevel = cells.levels.map((cell, c) => {
      const w = isMissingCell(cell, codes) ? NaN : parseNumberText(cell);
      if (!(Number.isFinite(w) && w > 0)) {
        const row = cells.codes.indexOf(c) + 1;
        throw new LeakriskError(
          `the weight in row ${row} is ${cellInMessage(cell, config.columns[name]?.role === 'keep')}, not a positive number`,
          { file: table.file, row, column: name },
          'every record needs a positive sampling weight for Fk and individual risk; fix the weight or remove "privacy.weights"',
        );
      }
      return w;
    });
    weights = Float64Array.from(cells.codes, (code) => perLevel[code]!);
  }

  const { fk, Fk } = freqCalc(
    keyColumns,
    weights === undefined ? { missingMatches: config.privacy.missingMatches } : { weights, missingMatches: config.privacy.missingMatches },
  );
  const risk = individualRisk(fk, Fk, { weighted: weights !== undefined });
  const global = globalRisk(risk);
  const report: RiskReport = {
    rows: table.nrow,
    keys,
    kViolations: kViolations(fk, [...REPORTED_K, config.privacy.k]),
    globalRisk: global.globalRisk,
    expectedReidentifications: global.expectedReidentifications,
    records: [],
  };
  let household: Float64Array | undefined;
  if (config.privacy.household !== undefined) {
    const name = config.privacy.household;
    const codes = missingOf(name);
    const hh = householdRisk(risk, textsOf(column(name)), (cell) => isMissingCell(cell, codes));
    household = hh.risk;
    report.household = { column: name, globalRisk: hh.globalRisk, expectedReidentifications: hh.expectedReidentifications };
  }
  const records: RecordRisk[] = new Array(table.nrow);
  for (let i = 0; i < table.nrow; i++) {
    const record: RecordRisk = { row: i + 1, fk: fk[i]!, Fk: Fk[i]!, risk: risk[i]! };
    if (household !== undefined) record.householdRisk = Number.isNaN(household[i]!) ? null : household[i]!;
    records[i] = record;
  }
  report.records = records;
  return report;
}
