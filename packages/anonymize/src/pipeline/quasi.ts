import { dictionaryColumn, LeakriskError, isMissingCell, levelsOf, type Codebook, type DictionaryColumn } from '@leakrisk/survey';
import type { AnonymizeConfig, ColumnConfig } from '../config/index.js';
import { autoIntervalHierarchy, bandLeafCodesOf } from '../recode/autoHierarchy.js';
import { flatHierarchy, hierarchyFromTable, leafCodesOf, spread, type Hierarchy } from '../recode/hierarchy.js';
import type { SearchKey, SearchSensitive } from '../search/lattice.js';

/** How a quasi-identifier's hierarchy was made, for the audit. */
export type HierarchySource = { kind: 'file'; path: string } | { kind: 'bands'; bands: number[] } | { kind: 'values'; topCode?: number; bottomCode?: number };

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
 * The column comes as its distinct texts (`distinctTexts`), so each value is recoded once.
 */
export function prepareKey(
  column: string,
  spec: ColumnConfig,
  cells: DictionaryColumn,
  options: { file: string; missing: ReadonlySet<string> | undefined; codebook?: Codebook },
): PreparedKey {
  const isMissing = (cell: string) => isMissingCell(cell, options.missing);
  const where = { file: options.file, column };
  if (spec.hierarchy !== undefined) {
    const hierarchy = hierarchyFromTable(column, spec.hierarchy);
    return {
      column,
      hierarchy,
      leaves: leafCodesOf(hierarchy, cells, isMissing, { file: options.file, hierarchyFile: spec.hierarchy.path }),
      importance: spec.importance,
      source: { kind: 'file', path: spec.hierarchy.path },
    };
  }
  const bands = spec.recode?.bands;
  if (bands !== undefined && bands.length > 0) {
    const hierarchy = autoIntervalHierarchy(column, bands);
    return {
      column,
      hierarchy,
      leaves: bandLeafCodesOf(bands, cells, isMissing, where),
      importance: spec.importance,
      source: { kind: 'bands', bands: [...bands] },
    };
  }
  const top = spec.recode?.topCode;
  const bottom = spec.recode?.bottomCode;
  // The recoded text of each distinct value (top / bottom coding), in order of first appearance.
  let coded: readonly string[] = cells.levels;
  if (top !== undefined || bottom !== undefined) {
    coded = cells.levels.map((cell, c) => {
      if (isMissing(cell)) return cell;
      const x = Number(cell.trim());
      if (cell.trim() === '' || !Number.isFinite(x)) {
        throw new LeakriskError(
          `"${cell}" is not a number, so it cannot be top- or bottom-coded`,
          { file: options.file, row: cells.codes.indexOf(c) + 1, column },
          'correct the value, declare it as a missing code in the codebook, or remove recode.topCode/bottomCode',
        );
      }
      return top !== undefined && x > top ? `>${top}` : bottom !== undefined && x < bottom ? `<${bottom}` : cell;
    });
  }
  const distinct = new Set<string>();
  for (const value of coded) if (!isMissing(value)) distinct.add(value);
  const order = options.codebook ? (levelsOf(options.codebook, column) ?? []) : [];
  const hierarchy: Hierarchy = flatHierarchy(column, distinct, order);
  return {
    column,
    hierarchy,
    leaves: leafCodesOf(hierarchy, coded === cells.levels ? cells : dictionaryColumn(cells.codes, coded), isMissing, { file: options.file }),
    importance: spec.importance,
    source:
      top !== undefined || bottom !== undefined
        ? { kind: 'values', ...(top !== undefined ? { topCode: top } : {}), ...(bottom !== undefined ? { bottomCode: bottom } : {}) }
        : { kind: 'values' },
  };
}

/**
 * A sensitive column as codes for l-diversity: non-missing values numbered in code-unit order (so
 * the numbering never depends on row order), missing cells -1. The column comes as its distinct values.
 */
export function prepareSensitive(column: string, cells: DictionaryColumn, missing: ReadonlySet<string> | undefined): SearchSensitive {
  const present = cells.levels.filter((cell) => !isMissingCell(cell, missing));
  const values = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(values.map((v, i) => [v, i]));
  return {
    column,
    codes: spread(
      cells,
      cells.levels.map((cell) => rank.get(cell) ?? -1),
    ),
    cardinality: values.length,
  };
}

/** The quasi-identifiers of a config, in config order. */
export function quasiColumns(config: AnonymizeConfig): string[] {
  return Object.entries(config.columns)
    .filter(([, spec]) => spec.role === 'quasi')
    .map(([name]) => name);
}
