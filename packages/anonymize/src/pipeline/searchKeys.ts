import {
  cellInMessage,
  parseNumberText,
  dictionaryColumn,
  distinctTexts,
  LeakriskError,
  isMissingCell,
  levelsOf,
  type Codebook,
  type DictionaryColumn,
} from '@leakrisk/survey';
import type { AnonymizeConfig, ColumnConfig, MissingMatches } from '../config/types.js';
import { autoIntervalHierarchy, bandLeafCodesOf } from '../recode/autoHierarchy.js';
import { compareStrings, flatHierarchy, hierarchyFromTable, leafCodesOf, spread, type Hierarchy } from '../recode/hierarchy.js';
import type { SearchKey, SearchSensitive } from '../search/lattice.js';

/** How a quasi-identifier's hierarchy was made, for the audit. */
type HierarchySource = { kind: 'file'; path: string } | { kind: 'bands'; bands: number[] } | { kind: 'values'; topCode?: number; bottomCode?: number };

export interface PreparedKey extends SearchKey {
  source: HierarchySource;
}

/**
 * Builds a quasi-identifier's hierarchy and leaf codes from its config:
 * - `hierarchy` (ARX layout): the file's levels, then `*`;
 * - `recode.bands`: an automatic interval hierarchy over the bands (see `autoIntervalHierarchy`);
 * - otherwise its own values, then `*`. `recode.topCode` / `recode.bottomCode` first replace values
 *   above / below them by `>T` / `<B` (top and bottom coding; the column must then be numeric).
 * Missing cells (empty, `NA`, codebook missing codes) stay missing and are never generalised. With
 * `missingMatches: "self"` a missing cell is a category, and the output writes each as it is, so the
 * search sees the texts other than the empty cell as categories of their own (`missingForms`): `99`
 * and an empty or suppressed cell are different values in the release, and so in the search.
 * The column comes as its distinct texts (`distinctTexts`), so each value is recoded once.
 */
export function prepareKey(
  column: string,
  spec: ColumnConfig,
  cells: DictionaryColumn,
  options: { file: string; missing: ReadonlySet<string> | undefined; codebook?: Codebook; missingMatches?: MissingMatches },
): PreparedKey {
  const key = keyWithoutForms(column, spec, cells, options);
  return options.missingMatches === 'self' ? withMissingForms(key, cells, options.missing) : key;
}

/** The missing texts of a key other than the empty cell, as leaves after the hierarchy's (see `SearchKey.missingForms`). */
function withMissingForms(key: PreparedKey, cells: DictionaryColumn, missing: ReadonlySet<string> | undefined): PreparedKey {
  const forms = [...new Set(cells.levels.filter((cell) => cell !== '' && isMissingCell(cell, missing)))].sort(compareStrings);
  if (forms.length === 0) return key;
  const leafCount = key.hierarchy.leaves.length;
  const leafOf = cells.levels.map((cell) => (cell === '' ? -1 : forms.indexOf(cell)));
  const leaves = key.leaves.slice();
  const { codes } = cells;
  for (let i = 0; i < leaves.length; i++) if (leaves[i]! < 0 && leafOf[codes[i]!]! >= 0) leaves[i] = leafCount + leafOf[codes[i]!]!;
  return { ...key, leaves, missingForms: forms };
}

function keyWithoutForms(
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
      const x = parseNumberText(cell);
      if (!Number.isFinite(x)) {
        throw new LeakriskError(
          `the value (${cellInMessage(cell, false)}) is not a number, so it cannot be top- or bottom-coded`,
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

/** A quasi-identifier at its first level (its leaf labels), missing cells as they were: for the audit's utility. */
export function keyAtFirstLevel(key: PreparedKey, original: DictionaryColumn): DictionaryColumn {
  const leafCount = key.hierarchy.leaves.length;
  const index = new Int32Array(key.leaves.length);
  for (let i = 0; i < index.length; i++) {
    const leaf = key.leaves[i]!;
    // Missing cells, and the missing forms of `self` matching (leaves from leafCount on), as they were.
    index[i] = leaf < 0 || leaf >= leafCount ? leafCount + original.codes[i]! : leaf;
  }
  return distinctTexts(dictionaryColumn(index, [...key.hierarchy.leaves, ...original.levels]));
}
