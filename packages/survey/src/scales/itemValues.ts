import { LeakriskError } from '../errors.js';
import type { Codebook, Variable } from '../codebook/types.js';
import { variableOf } from '../codebook/accessors.js';
import type { Table } from '../table/table.js';
import { numericColumn } from '../io/columns.js';

/**
 * The numeric answers of one item: an empty cell, `NA` or one of the variable's declared missing
 * codes becomes NaN; anything else must be a number (otherwise an error naming the row and column).
 */
export function itemValues(table: Table, name: string, missingCodes?: ReadonlySet<string>): Float64Array {
  return numericColumn(table, name, missingCodes ? { missingCodes } : {});
}

/** The codebook entry of a variable, or an error naming the codebook and the variable. */
export function codebookVariable(codebook: Codebook, name: string, context: string): Variable {
  const variable = variableOf(codebook, name);
  if (variable === undefined) {
    throw new LeakriskError(
      `${context} names the item "${name}", which the codebook does not define`,
      { column: name },
      'add the variable to the codebook, or correct the item list',
    );
  }
  return variable;
}

/** The declared missing codes of a codebook variable as a set of cell strings. */
export function declaredMissing(variable: Variable | undefined): Set<string> {
  return new Set((variable?.missingCodes ?? []).map((m) => m.code));
}

/**
 * The numeric range used to reverse-key an item: the smallest and largest numeric option codes
 * (missing codes excluded), else the variable's declared `min`/`max`.
 */
export function optionRange(variable: Variable): { min: number; max: number } {
  const missing = declaredMissing(variable);
  const codes = (variable.options ?? [])
    .filter((o) => !missing.has(o.code))
    .map((o) => Number(o.code))
    .filter((x) => Number.isFinite(x));
  if (codes.length > 0) return { min: Math.min(...codes), max: Math.max(...codes) };
  if (variable.min !== undefined && variable.max !== undefined) return { min: variable.min, max: variable.max };
  throw new LeakriskError(
    `the item "${variable.name}" is reverse-keyed but has no numeric options nor min/max to reverse it with`,
    { column: variable.name },
    'give the variable numeric response options (e.g. codes 1..5) or min and max in the codebook',
  );
}
