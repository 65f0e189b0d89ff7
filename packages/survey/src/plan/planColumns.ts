import { LeakriskError, valuesInMessage } from '../errors.js';
import type { Codebook } from '../codebook/types.js';
import { levelsOf, missingCodesOf } from '../codebook/accessors.js';
import { factorColumn, firstPresentIsNumber, numericColumn } from '../io/columns.js';
import type { DictionaryColumn } from '../table/column.js';
import { dictionaryColumn } from '../table/dictionaryColumn.js';
import type { Table } from '../table/table.js';
import type { DerivedColumn } from './derive.js';

/**
 * Column access for one plan run: typed columns read once and cached, codebook missing codes and
 * level order applied, and errors that name the plan file, the analysis and the field.
 */
export class PlanColumns {
  private readonly numeric = new Map<string, Float64Array>();
  private readonly factors = new Map<string, DictionaryColumn>();

  constructor(
    readonly table: Table,
    readonly planFile: string,
    readonly codebook: Codebook | undefined,
    readonly derived: ReadonlyMap<string, DerivedColumn>,
  ) {}

  missingCodes(name: string): Set<string> {
    return this.derived.get(name)?.missingCodes ?? (this.codebook ? missingCodesOf(this.codebook, name) : new Set());
  }

  /** The column must exist; otherwise an error naming the plan, the analysis, the field and the columns there are. */
  require(name: string, analysisId: string, field: string): void {
    if (this.table.header.includes(name)) return;
    const available = this.table.header;
    throw new LeakriskError(
      `${analysisId === 'design' || analysisId === 'calibration' ? `the plan's ${analysisId}` : `analysis "${analysisId}"`} names the column "${name}" in "${field}", but the data ${this.table.file} has no such column (columns: ${
        available.length <= 40 ? available.join(', ') : `${available.slice(0, 40).join(', ')}, … (${available.length} in all)`
      })`,
      { file: this.planFile, column: `${analysisId}.${field}` },
      'correct the column name in the plan, or derive the column first (plan "derive")',
    );
  }

  numericOf(name: string, analysisId: string, field: string): Float64Array {
    this.require(name, analysisId, field);
    let values = this.numeric.get(name);
    if (values === undefined) {
      values = numericColumn(this.table, name, { missingCodes: this.missingCodes(name) });
      this.numeric.set(name, values);
    }
    return values;
  }

  /**
   * A categorical column: levels in the codebook's order (or a derived column's), then any other
   * values found in the data in sorted order; without a codebook entry, R's sorted order.
   */
  factorOf(name: string, analysisId: string, field: string): DictionaryColumn {
    this.require(name, analysisId, field);
    let factor = this.factors.get(name);
    if (factor === undefined) {
      const observed = factorColumn(this.table, name, { missingCodes: this.missingCodes(name) });
      const preferred = this.derived.get(name)?.levels ?? (this.codebook ? levelsOf(this.codebook, name) : undefined);
      factor = preferred === undefined ? observed : reorder(observed, preferred);
      this.factors.set(name, factor);
    }
    return factor;
  }

  /**
   * A model variable: numeric when the codebook calls it numeric or Likert (or a score), or when it
   * has no codebook entry and every present value is a number; otherwise a factor in R's sorted
   * level order, so that the reference level of a treatment contrast is the first sorted level
   * (as R's `factor()` after `read.csv`).
   */
  modelColumnOf(name: string, analysisId: string, field: string): Float64Array | DictionaryColumn {
    this.require(name, analysisId, field);
    const derived = this.derived.get(name);
    const variable = this.codebook?.variables.find((v) => v.name === name);
    const numericType = variable !== undefined && (variable.type === 'numeric' || variable.type === 'likert');
    if (derived?.levels === undefined && variable === undefined) {
      if (firstPresentIsNumber(this.table, name, this.missingCodes(name))) {
        try {
          return this.numericOf(name, analysisId, field);
        } catch {
          // not all numbers: a categorical variable
        }
      }
      // Without a codebook or derived level order, factorOf gives R's sorted order: share it.
      if (derived === undefined) return this.factorOf(name, analysisId, field);
    } else if (numericType || (derived !== undefined && derived.levels === undefined)) {
      return this.numericOf(name, analysisId, field);
    }
    const key = `sorted:${name}`;
    let factor = this.factors.get(key);
    if (factor === undefined) {
      factor = factorColumn(this.table, name, { missingCodes: this.missingCodes(name) });
      this.factors.set(key, factor);
    }
    return factor;
  }

  /** The index of `level` in the factor, or an error listing the levels there are. */
  levelIndex(factor: DictionaryColumn, column: string, level: string, analysisId: string, field: string): number {
    const k = factor.levels.indexOf(level);
    if (k >= 0) return k;
    throw new LeakriskError(
      `analysis "${analysisId}" names the level "${level}" of "${column}" in "${field}", but "${column}" has no such level (levels: ${valuesInMessage(factor.levels)})`,
      { file: this.planFile, column: `${analysisId}.${field}` },
      'use one of the listed levels (they are case-sensitive)',
    );
  }
}

function reorder(observed: DictionaryColumn, preferred: readonly string[]): DictionaryColumn {
  const levels = [...preferred];
  for (const level of observed.levels) if (!levels.includes(level)) levels.push(level);
  const map = observed.levels.map((level) => levels.indexOf(level));
  const codes = new Int32Array(observed.codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = observed.codes[i]!;
    codes[i] = c < 0 ? -1 : map[c]!;
  }
  return dictionaryColumn(codes, levels);
}
