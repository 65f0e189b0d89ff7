import type { FactorColumn } from '../io/columns.js';
import type { ModelFormula } from './formula.js';
import { isFactor, type ModelColumn } from './modelData.js';

/** A model matrix over the used rows (row k is data row `rows[k]`), R's `model.matrix`. */
export interface ModelMatrix {
  /** Column names as R prints them: `(Intercept)`, `age`, `gendermale`, `gendermale:arearural`. */
  names: string[];
  columns: Float64Array[];
  /** For each column, the index of its term in `formula.terms` (−1 for the intercept). */
  term: number[];
}

/**
 * Builds the model matrix with R's treatment contrasts: a factor contributes one indicator per
 * level other than its first level present among the used rows (R drops unused levels); a numeric
 * variable contributes itself; an interaction is the product of its variables' columns, the first
 * variable varying fastest. A factor whose margin is absent from the model is coded in full
 * (all levels), as R's `terms()` decides.
 */
export function buildModelMatrix(
  formula: ModelFormula,
  variables: ReadonlyMap<string, ModelColumn>,
  rows: Int32Array,
): ModelMatrix {
  const n = rows.length;
  const names: string[] = [];
  const columns: Float64Array[] = [];
  const term: number[] = [];
  if (formula.intercept) {
    const one = new Float64Array(n).fill(1);
    names.push('(Intercept)');
    columns.push(one);
    term.push(-1);
  }
  const presentLevels = new Map<string, number[]>();
  for (const [name, column] of variables) {
    if (isFactor(column)) presentLevels.set(name, levelsPresent(column, rows));
  }
  const termKeys = formula.terms.map((t) => [...t].sort().join(':'));
  let interceptCovered = formula.intercept;
  formula.terms.forEach((variablesOfTerm, t) => {
    let parts: { name: string; values: Float64Array }[] | undefined;
    for (const v of variablesOfTerm) {
      const column = variables.get(v)!;
      const others = variablesOfTerm.filter((u) => u !== v);
      let contrasts: boolean;
      if (others.length === 0) {
        contrasts = interceptCovered;
        if (!contrasts && isFactor(column)) interceptCovered = true;
      } else {
        const marginKey = [...others].sort().join(':');
        contrasts = termKeys.slice(0, t).includes(marginKey);
      }
      const factorParts = componentColumns(v, column, presentLevels.get(v), contrasts, rows);
      if (parts === undefined) {
        parts = factorParts;
        continue;
      }
      const next: { name: string; values: Float64Array }[] = [];
      // The first variable varies fastest: loop over this variable's columns outside.
      for (const part of factorParts) {
        for (const prev of parts) {
          const values = new Float64Array(n);
          for (let i = 0; i < n; i++) values[i] = prev.values[i]! * part.values[i]!;
          next.push({ name: `${prev.name}:${part.name}`, values });
        }
      }
      parts = next;
    }
    for (const part of parts!) {
      names.push(part.name);
      columns.push(part.values);
      term.push(t);
    }
  });
  return { names, columns, term };
}

function levelsPresent(column: FactorColumn, rows: Int32Array): number[] {
  const seen = new Uint8Array(column.levels.length);
  for (let k = 0; k < rows.length; k++) seen[column.codes[rows[k]!]!] = 1;
  const out: number[] = [];
  for (let c = 0; c < seen.length; c++) if (seen[c]) out.push(c);
  return out;
}

function componentColumns(
  name: string,
  column: ModelColumn,
  present: number[] | undefined,
  contrasts: boolean,
  rows: Int32Array,
): { name: string; values: Float64Array }[] {
  const n = rows.length;
  if (!isFactor(column)) {
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) values[k] = column[rows[k]!]!;
    return [{ name, values }];
  }
  const levels = contrasts ? present!.slice(1) : present!;
  const columnOf = new Int32Array(column.levels.length).fill(-1);
  const out = levels.map((c, j) => {
    columnOf[c] = j;
    return { name: `${name}${column.levels[c]}`, values: new Float64Array(n) };
  });
  const codes = column.codes;
  for (let k = 0; k < n; k++) {
    const j = columnOf[codes[rows[k]!]!]!;
    if (j >= 0) out[j]!.values[k] = 1;
  }
  return out;
}
