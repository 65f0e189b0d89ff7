import { LeakriskError, isMissingCell, levelsOf, type Codebook } from '@leakrisk/survey';
import type { AnonymizeConfig, ColumnConfig } from '../config/index.js';
import { autoIntervalHierarchy, bandLeafCodes } from '../recode/autoHierarchy.js';
import { flatHierarchy, hierarchyFromTable, leafCodes, type Hierarchy } from '../recode/hierarchy.js';
import type { SearchKey, SearchSensitive } from '../search/lattice.js';

/** How a quasi-identifier's hierarchy was made, for the audit. */
export type HierarchySource =
  | { kind: 'file'; path: string }
  | { kind: 'bands'; bands: number[] }
  | { kind: 'values'; topCode?: number; bottomCode?: number };

export interface PreparedKey extends SearchKey {
  source: HierarchySource;
}

/**
 * Builds a quasi-identifier's hierarchy and leaf codes from its config:
 * - `hierarchy` (ARX layout): the file's levels, then `*`;
 * - `recode.bands`: an automatic interval hierarchy over the bands (see `autoIntervalHierarchy`);
 * - otherwise its own values, then `*`. `recode.topCode` / `recode.bottomCode` first replace values
 *   above / below them by `>T` / `<B` (top and bottom coding; the column must then be numeric).
 * Missing cells (empty, `NA`, codebook missing codes) stay missing and are never generalised.
 */
export function prepareKey(
  column: string,
  spec: ColumnConfig,
  cells: readonly string[],
  options: { file: string; missing: ReadonlySet<string> | undefined; codebook?: Codebook },
): PreparedKey {
  const isMissing = (cell: string) => isMissingCell(cell, options.missing);
  const where = { file: options.file, column };
  if (spec.hierarchy !== undefined) {
    const hierarchy = hierarchyFromTable(column, spec.hierarchy);
    return {
      column,
      hierarchy,
      leaves: leafCodes(hierarchy, cells, isMissing, { file: options.file, hierarchyFile: spec.hierarchy.path }),
      importance: spec.importance,
      source: { kind: 'file', path: spec.hierarchy.path },
    };
  }
  const bands = spec.recode?.bands;
  if (bands !== undefined && bands.length > 0) {
    const hierarchy = autoIntervalHierarchy(column, bands);
    return { column, hierarchy, leaves: bandLeafCodes(bands, cells, isMissing, where), importance: spec.importance, source: { kind: 'bands', bands: [...bands] } };
  }
  const top = spec.recode?.topCode;
  const bottom = spec.recode?.bottomCode;
  let values: readonly string[] = cells;
  if (top !== undefined || bottom !== undefined) {
    const coded = new Array<string>(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (isMissing(cell)) {
        coded[i] = cell;
        continue;
      }
      const x = Number(cell.trim());
      if (cell.trim() === '' || !Number.isFinite(x)) {
        throw new LeakriskError(
          `"${cell}" is not a number, so it cannot be top- or bottom-coded`,
          { file: options.file, row: i + 1, column },
          'correct the value, declare it as a missing code in the codebook, or remove recode.topCode/bottomCode',
        );
      }
      coded[i] = top !== undefined && x > top ? `>${top}` : bottom !== undefined && x < bottom ? `<${bottom}` : cell;
    }
    values = coded;
  }
  const distinct = new Set<string>();
  for (const cell of values) if (!isMissing(cell)) distinct.add(cell);
  const order = options.codebook ? levelsOf(options.codebook, column) ?? [] : [];
  const hierarchy: Hierarchy = flatHierarchy(column, distinct, order);
  return {
    column,
    hierarchy,
    leaves: leafCodes(hierarchy, values, isMissing, { file: options.file }),
    importance: spec.importance,
    source: top !== undefined || bottom !== undefined ? { kind: 'values', ...(top !== undefined ? { topCode: top } : {}), ...(bottom !== undefined ? { bottomCode: bottom } : {}) } : { kind: 'values' },
  };
}

/**
 * A sensitive column as codes for l-diversity: non-missing values numbered in code-unit order (so
 * the numbering never depends on row order), missing cells -1.
 */
export function prepareSensitive(column: string, cells: readonly string[], missing: ReadonlySet<string> | undefined): SearchSensitive {
  const distinct = new Set<string>();
  for (const cell of cells) if (!isMissingCell(cell, missing)) distinct.add(cell);
  const values = [...distinct].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(values.map((v, i) => [v, i]));
  const codes = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) codes[i] = index.get(cells[i]!) ?? -1;
  return { column, codes, cardinality: values.length };
}

/** The quasi-identifiers of a config, in config order. */
export function quasiColumns(config: AnonymizeConfig): string[] {
  return Object.entries(config.columns)
    .filter(([, spec]) => spec.role === 'quasi')
    .map(([name]) => name);
}
