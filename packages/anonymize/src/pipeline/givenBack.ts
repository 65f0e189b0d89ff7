import { columnOf, distinctTexts, isMissingCell, LeakriskError, type Codebook, type DictionaryColumn, type Table } from '@leakrisk/survey';
import { coarseCells, givenBackCells } from '../audit/recoverable.js';
import type { AnonymizeConfig } from '../config/types.js';

/** A kept column that determines a quasi-identifier (`RecoverableCheck.determined`). */
export interface Determination {
  /** The kept column and the quasi-identifier. */
  kept: string;
  key: string;
  /** The kept column's value codes (order of first appearance) → the key's original value codes. */
  keyValueOf: Int32Array;
  /** Each row's value code, when the kept column is not a column of the table (the replicate weights' pattern). */
  keptCodes?: Int32Array;
  /** The kept "column" is the release's replicate weights, taken together (`design/designRelease.ts`). */
  replicates?: boolean;
}

export interface GivenBackInput {
  table: Table;
  config: AnonymizeConfig;
  codebook: Codebook | undefined;
  determinations: readonly Determination[];
  distinctOf: (column: string) => DictionaryColumn;
  missingOf: (column: string) => ReadonlySet<string> | undefined;
  /** Each key's released column, as written. */
  released: ReadonlyMap<string, DictionaryColumn>;
  /** Each key's chosen level, by name (for the message). */
  levelOf: (key: string) => string;
}

/**
 * Fail-closed: a kept column must not give a quasi-identifier back more finely than it is released.
 *
 * The rule. A kept column K determines a quasi-identifier Q when each value of K occurs with one value
 * of Q's original column (over the records where both are present) and K is coarse, two records per
 * value on average (`RecoverableCheck`). Then K tells Q's original value of every record that holds a
 * K value seen beside Q. It gives something back where Q's released cell stands for more than one
 * original value: a cell generalised into a group that holds two or more original values among the
 * records, or a cell released empty or missing (suppressed, or missing in the input) while Q has two or
 * more values (`coarseCells`). One such record is enough to refuse the release: it undoes the
 * generalisation or suppression that k-anonymity was computed on. Keys a kept column determines are
 * never suppressed locally (they are pinned in the search), so this fires when such a key was
 * generalised, or was missing in the input; the cost is one pass over Q and, when Q has such cells,
 * one over K.
 *
 * Weights and design columns are kept columns like any other; the message says what can be done with
 * them (weights cannot be a quasi-identifier).
 */
export function refuseGivenBackKeys(input: GivenBackInput): void {
  const { table, config, codebook, determinations, distinctOf, missingOf, released, levelOf } = input;
  for (const { kept, key, keyValueOf, keptCodes, replicates } of determinations) {
    const original = codesOf(distinctOf(key), missingOf(key));
    const written = released.get(key);
    if (written === undefined) continue;
    const coarse = coarseCells(original, codesOf(written, missingOf(key)));
    if (!coarse.includes(1)) continue;
    const cells = givenBackCells(keptCodes ?? distinctTexts(columnOf(table, kept)).codes, keyValueOf, coarse);
    if (cells === 0) continue;
    if (replicates === true) {
      throw new LeakriskError(
        `the ${kept} give away quasi-identifier "${key}": the rows that share a pattern of replicate factors (a PSU) all have one value of "${key}", so they tell the original "${key}" of ${cells} record${cells === 1 ? '' : 's'} whose "${key}" is released at level "${levelOf(key)}", suppressed or missing`,
        { file: config.file, column: 'design.replicates' },
        `release "${key}" as it is (give it importance 1 or remove its hierarchy), or release without replicate weights (remove "design"); no data file was written`,
      );
    }
    const isWeights = config.privacy.weights === kept;
    const isDesign = codebook?.variables.find((v) => v.name === kept)?.type === 'design';
    const what = isWeights ? `the sampling weights ("${kept}", privacy.weights)` : isDesign ? `design column "${kept}"` : `kept column "${kept}"`;
    throw new LeakriskError(
      `${what} give${isWeights ? '' : 's'} away quasi-identifier "${key}": each of ${isWeights ? 'their' : 'its'} values goes with one value of "${key}", so it tells the original "${key}" of ${cells} record${cells === 1 ? '' : 's'} whose "${key}" is released at level "${levelOf(key)}", suppressed or missing`,
      { file: config.file, column: kept },
      isWeights
        ? `weights cannot be a quasi-identifier: drop them (or release weights that do not differ with "${key}"), or release "${key}" as it is (no coarser level: give it importance 1 or remove its hierarchy); no data file was written`
        : `make "${kept}" a quasi-identifier ({ "role": "quasi" }) or drop it${isDesign ? ' (the design then loses it)' : ''}, or release "${key}" as it is; no data file was written`,
    );
  }
}

/** A column's codes with every missing text (empty, `NA`, its missing codes) as −1. */
function codesOf(column: DictionaryColumn, missing: ReadonlySet<string> | undefined): Int32Array {
  const perLevel = Int32Array.from(column.levels, (text, c) => (isMissingCell(text, missing) ? -1 : c));
  const { codes } = column;
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = perLevel[codes[i]!]!;
  return out;
}
