import { parseNumberText, type DictionaryColumn } from '@leakrisk/survey';
import type { MissingMatches } from '../config/types.js';
import { freqCalc, keyCodes } from '../risk/frequencies.js';
import { globalRisk, kViolations } from '../risk/globalRisk.js';
import { individualRisk } from '../risk/individualRisk.js';
import { REPORTED_K } from '../risk/measureRisk.js';

/** `risk.json` without its per-record list: what the audit keeps of a file's disclosure risk. */
export interface RiskSummary {
  rows: number;
  keys: string[];
  /** Records with fk below k, for k = 2, 3, 5 and the configured k. */
  kViolations: Record<string, number>;
  globalRisk: number;
  expectedReidentifications: number;
  /** Smallest fk over the records (the k the file achieves). */
  minFk: number;
}

/**
 * Disclosure risk of key columns as they are, given as their distinct texts (`distinctTexts`), with the
 * same sdcMicro semantics as `leakrisk risk` (freqCalc, indivRisk "approx", measure_risk), built from
 * the risk module's functions but without materialising one object per record. `weights` are the
 * sampling weights (already checked positive), or undefined for unweighted risk.
 */
export function summarizeRiskOf(
  keyColumns: readonly DictionaryColumn[],
  keys: readonly string[],
  options: { k: number; missingMatches: MissingMatches; weights?: Float64Array; missing?: readonly (ReadonlySet<string> | undefined)[]; rows?: number },
): RiskSummary {
  if (keyColumns.length === 0) {
    // No quasi-identifiers: no record can be singled out by keys (every record matches all n).
    const n = options.rows ?? 0;
    const violations: Record<string, number> = {};
    for (const k of [...REPORTED_K, options.k]) violations[String(k)] = n < k ? n : 0;
    return { rows: n, keys: [], kViolations: violations, globalRisk: 0, expectedReidentifications: 0, minFk: n };
  }
  const codes = keyColumns.map((factor, j) => keyCodes(factor, options.missing?.[j]));
  const { fk, Fk } = freqCalc(
    codes,
    options.weights === undefined ? { missingMatches: options.missingMatches } : { weights: options.weights, missingMatches: options.missingMatches },
  );
  const risk = individualRisk(fk, Fk, { weighted: options.weights !== undefined });
  const global = globalRisk(risk);
  let minFk = Number.POSITIVE_INFINITY;
  for (let i = 0; i < fk.length; i++) if (fk[i]! < minFk) minFk = fk[i]!;
  return {
    rows: fk.length,
    keys: [...keys],
    kViolations: kViolations(fk, [...REPORTED_K, options.k]),
    globalRisk: global.globalRisk,
    expectedReidentifications: global.expectedReidentifications,
    minFk: fk.length === 0 ? 0 : minFk,
  };
}

/** Sampling weights from a weight column's distinct values: each text is parsed once. */
export function weightsOfFactor(factor: DictionaryColumn): Float64Array {
  const number = Float64Array.from(factor.levels, parseNumberText);
  const index = factor.codes;
  const out = new Float64Array(index.length);
  for (let i = 0; i < index.length; i++) out[i] = number[index[i]!]!;
  return out;
}
