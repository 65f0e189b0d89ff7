import { LeakriskError } from '../errors.js';
import type { DictionaryColumn } from '../table/column.js';

/**
 * A variable for a model: numeric (a Float64Array, NaN = missing) or categorical (factor codes,
 * −1 = missing, into `levels`, whose order sets the reference level: the first present one).
 */
export type ModelColumn = Float64Array | DictionaryColumn;

/** Where a model finds its variables: a record by name, or a function returning the column. */
export type ModelData = Readonly<Record<string, ModelColumn>> | ((name: string) => ModelColumn | undefined);

export function isFactor(column: ModelColumn): column is DictionaryColumn {
  return !(column instanceof Float64Array);
}

/** The named column, or an error naming it when the data has no such variable. */
export function modelColumn(data: ModelData, name: string, file?: string): ModelColumn {
  const column = typeof data === 'function' ? data(name) : Object.hasOwn(data, name) ? data[name] : undefined;
  if (column === undefined) {
    throw new LeakriskError(
      `the model uses the variable "${name}", which is not in the data`,
      { file, column: name },
      'check the spelling in the formula, or derive the variable in the plan first',
    );
  }
  return column;
}
