import { LeakriskError } from '../errors.js';
import type { DictionaryColumn } from '../table/column.js';
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
export function buildModelMatrix(formula: ModelFormula, variables: ReadonlyMap<string, ModelColumn>, rows: Int32Array): ModelMatrix {
  const matrix = modelRows(formula, variables, rows);
  return { names: matrix.names, columns: matrix.columns(), term: matrix.term };
}

function levelsPresent(column: DictionaryColumn, rows: Int32Array): number[] {
  const seen = new Uint8Array(column.levels.length);
  for (let k = 0; k < rows.length; k++) seen[column.codes[rows[k]!]!] = 1;
  const out: number[] = [];
  for (let c = 0; c < seen.length; c++) if (seen[c]) out.push(c);
  return out;
}

/** One factor of a model-matrix column: a numeric variable, or the indicator of a factor level. */
type Part = { values: Float64Array; codes?: undefined; level?: undefined } | { values?: undefined; codes: Int32Array; level: number };

/**
 * The model matrix without its columns: each column as the product of its parts (numeric variables
 * and factor-level indicators, read from the data rows), evaluated one row at a time. Fitting through
 * the normal equations needs each row once per pass, so the n×p matrix is never stored; `columns()`
 * materialises it (for the QR path) exactly as {@link buildModelMatrix} does.
 */
export class ModelRows {
  readonly p: number;
  /** Rows used (row k of the model is data row `rows[k]`). */
  readonly m: number;
  private readonly partStart: Int32Array;
  private readonly parts: Part[];

  constructor(
    readonly names: string[],
    readonly term: number[],
    columnParts: Part[][],
    private readonly rows: Int32Array,
  ) {
    this.p = names.length;
    this.m = rows.length;
    this.partStart = new Int32Array(this.p + 1);
    this.parts = [];
    columnParts.forEach((parts, c) => {
      this.parts.push(...parts);
      this.partStart[c + 1] = this.parts.length;
    });
  }

  /** Row k of the model matrix into `out` (length p). */
  fill(k: number, out: Float64Array): void {
    const i = this.rows[k]!;
    const { partStart, parts } = this;
    for (let c = 0; c < this.p; c++) {
      let v = 1;
      for (let q = partStart[c]!; q < partStart[c + 1]!; q++) {
        const part = parts[q]!;
        v *= part.values !== undefined ? part.values[i]! : part.codes[i] === part.level ? 1 : 0;
      }
      out[c] = v;
    }
  }

  /**
   * For each column, the used rows (with `include[k] > 0`, when given) where the column's factor levels
   * all hold: a level's indicator counts the rows at that level, an interaction of factors the rows at
   * every one of its levels; a numeric variable always holds, so the intercept and numeric terms count
   * every row.
   */
  rowsWithLevels(include?: Float64Array): Int32Array {
    const counts = new Int32Array(this.p);
    const { partStart, parts, rows } = this;
    for (let k = 0; k < this.m; k++) {
      if (include !== undefined && !(include[k]! > 0)) continue;
      const i = rows[k]!;
      for (let c = 0; c < this.p; c++) {
        let holds = 1;
        for (let q = partStart[c]!; q < partStart[c + 1]!; q++) {
          const part = parts[q]!;
          if (part.codes !== undefined && part.codes[i] !== part.level) {
            holds = 0;
            break;
          }
        }
        counts[c] = counts[c]! + holds;
      }
    }
    return counts;
  }

  /** The columns over the used rows (R's `model.matrix`). */
  columns(): Float64Array[] {
    const out = Array.from({ length: this.p }, () => new Float64Array(this.m));
    const row = new Float64Array(this.p);
    for (let k = 0; k < this.m; k++) {
      this.fill(k, row);
      for (let c = 0; c < this.p; c++) out[c]![k] = row[c]!;
    }
    return out;
  }
}

/**
 * The model matrix of {@link buildModelMatrix} as a {@link ModelRows}: the same columns, names and
 * order (R's treatment contrasts, unused levels dropped, interactions with the first variable varying
 * fastest), without storing them.
 *
 * A factor with a single level among the used rows cannot be coded (R's `model.matrix`: "contrasts
 * can be applied only to factors with 2 or more levels", for every factor of the model, whatever its
 * terms): `onSingleLevel(variable)` is called, and must throw.
 */
export function modelRows(
  formula: ModelFormula,
  variables: ReadonlyMap<string, ModelColumn>,
  rows: Int32Array,
  onSingleLevel: (variable: string) => never = singleLevelError,
): ModelRows {
  const names: string[] = [];
  const columnParts: Part[][] = [];
  const term: number[] = [];
  if (formula.intercept) {
    names.push('(Intercept)');
    columnParts.push([]);
    term.push(-1);
  }
  const presentLevels = new Map<string, number[]>();
  for (const [name, column] of variables) {
    if (!isFactor(column)) continue;
    const present = levelsPresent(column, rows);
    if (present.length < 2) onSingleLevel(name);
    presentLevels.set(name, present);
  }
  const termKeys = formula.terms.map((t) => [...t].sort().join(':'));
  let interceptCovered = formula.intercept;
  formula.terms.forEach((variablesOfTerm, t) => {
    let current: { name: string; parts: Part[] }[] | undefined;
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
      let own: { name: string; parts: Part[] }[];
      if (!isFactor(column)) own = [{ name: v, parts: [{ values: column }] }];
      else {
        const present = presentLevels.get(v)!;
        const levels = contrasts ? present.slice(1) : present;
        own = levels.map((level) => ({ name: `${v}${column.levels[level]}`, parts: [{ codes: column.codes, level }] }));
      }
      if (current === undefined) {
        current = own;
        continue;
      }
      const next: { name: string; parts: Part[] }[] = [];
      for (const part of own) for (const prev of current) next.push({ name: `${prev.name}:${part.name}`, parts: [...prev.parts, ...part.parts] });
      current = next;
    }
    for (const column of current!) {
      names.push(column.name);
      columnParts.push(column.parts);
      term.push(t);
    }
  });
  return new ModelRows(names, term, columnParts, rows);
}

function singleLevelError(variable: string): never {
  throw new LeakriskError(
    `the factor "${variable}" has a single level among the rows used, so the model cannot contrast it with anything (R: "contrasts can be applied only to factors with 2 or more levels")`,
    { column: variable },
    `remove "${variable}" from the formula, or fit the model where "${variable}" varies`,
  );
}
