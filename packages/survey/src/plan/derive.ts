import { cellInMessage, LeakriskError } from '../errors.js';
import { parseNumberText } from '../table/numberText.js';
import type { Codebook } from '../codebook/types.js';
import { levelsOf, missingCodesOf } from '../codebook/accessors.js';
import { isMissingCell } from '../io/csv.js';
import type { Column } from '../table/column.js';
import { dictionaryColumn } from '../table/dictionaryColumn.js';
import { distinctTexts } from '../table/distinct.js';
import { numberColumn } from '../table/numberColumn.js';
import { withColumn, type Table } from '../table/table.js';
import { TextCodes } from '../table/textCodes.js';
import { knowledgeScore, scoreScale } from '../scales/score.js';
import type { Derivation } from './types.js';

/** What the plan runner knows about a derived column: its level order and its missing codes. */
export interface DerivedColumn {
  levels?: string[];
  missingCodes?: Set<string>;
}

/** The labels of age-style bands: [18, 26, 36] → `18-25`, `26-35`, `36+`. */
export function bandLabels(bands: readonly number[]): string[] {
  return bands.map((lower, k) => (k + 1 < bands.length ? `${lower}-${bands[k + 1]! - 1}` : `${lower}+`));
}

/**
 * Applies the plan's `derive` steps in order and returns a new table (the input is not changed)
 * with the derived columns added (or replaced), plus what is known about them.
 * - bands: a number x gets the label of the last band whose lower limit is ≤ x; a cell that already
 *   holds one of the labels passes through (anonymized data are already banded); a missing cell stays
 *   missing; anything else is an error naming the row;
 * - map: mapped values are replaced, others pass through; `missing` fills empty (and `NA`) cells;
 * - scores: one column per codebook scale (by its id) and knowledge score, scored as the codebook says.
 */
export function applyDerivations(
  table: Table,
  derivations: readonly Derivation[],
  codebook: Codebook | undefined,
  planFile: string,
): { table: Table; derived: Map<string, DerivedColumn> } {
  if (derivations.length === 0) return { table, derived: new Map() };
  // Each step adds a column to a new table; the input's columns are shared, never changed.
  let current = table;
  const derived = new Map<string, DerivedColumn>();
  const put = (name: string, column: Column, info: DerivedColumn) => {
    current = withColumn(current, name, column);
    derived.set(name, info);
  };
  const source = (from: string, index: number): Column => {
    const j = current.header.indexOf(from);
    if (j < 0) {
      throw new LeakriskError(
        `derive[${index}] reads the column "${from}", which is not in the data ${table.file} (columns: ${current.header.join(', ')})`,
        { file: planFile, column: `derive[${index}].from` },
        'name a column of the data (or one derived earlier in the list)',
      );
    }
    return current.columns[j]!;
  };
  const missingOf = (column: string): Set<string> => derived.get(column)?.missingCodes ?? (codebook ? missingCodesOf(codebook, column) : new Set<string>());

  derivations.forEach((step, index) => {
    if ('scores' in step) {
      if (codebook === undefined) {
        throw new LeakriskError(
          `derive[${index}] asks for scale scores, but no codebook is given`,
          { file: planFile, column: `derive[${index}].scores` },
          'add "codebook": "<path>" to the plan, or pass --codebook',
        );
      }
      const known = [...codebook.scales.map((s) => s.id), ...codebook.knowledgeScores.map((k) => k.id)];
      const wanted = step.scores === 'all' ? known : step.scores;
      for (const id of wanted) {
        let values: Float64Array;
        if (codebook.scales.some((s) => s.id === id)) values = scoreScale(current, codebook, id);
        else if (codebook.knowledgeScores.some((k) => k.id === id)) values = knowledgeScore(current, codebook, id);
        else {
          throw new LeakriskError(
            `derive[${index}] names the score "${id}", which the codebook does not define (scores: ${known.join(', ')})`,
            { file: planFile, column: `derive[${index}].scores` },
            'use a scale or knowledge-score id of the codebook',
          );
        }
        put(id, numberColumn(values), {});
      }
      return;
    }
    // Each distinct value is derived once (in order of first appearance, so that an error names the
    // first row holding a bad value), then spread over the rows.
    const { codes, levels: values } = distinctTexts(source(step.from, index));
    const missing = missingOf(step.from);
    const out = new TextCodes();
    const outCode = new Int32Array(values.length);
    if ('bands' in step) {
      const labels = bandLabels(step.bands);
      const known = new Set(labels);
      values.forEach((cell, c) => {
        let text: string;
        if (isMissingCell(cell, missing)) text = '';
        else if (known.has(cell)) text = cell;
        else {
          const x = parseNumberText(cell);
          let k = -1;
          if (Number.isFinite(x)) for (let b = 0; b < step.bands.length && step.bands[b]! <= x; b++) k = b;
          if (k < 0) {
            const row = codes.indexOf(c);
            throw new LeakriskError(
              `row ${row + 1} of "${step.from}" holds ${cellInMessage(cell, true)}, which is neither a number from ${step.bands[0]} up nor one of the bands ${labels.join(', ')}`,
              { file: table.file, row: row + 1, column: step.from },
              `correct the value, or change derive[${index}].bands in the plan ${planFile}`,
            );
          }
          text = labels[k]!;
        }
        outCode[c] = out.code(text);
      });
      put(step.name, dictionaryColumn(spread(codes, outCode), out.levels), { levels: labels });
      return;
    }
    const map = new Map(Object.entries(step.map));
    values.forEach((cell, c) => {
      outCode[c] = out.code((cell === '' || cell === 'NA') && step.missing !== undefined ? step.missing : (map.get(cell) ?? cell));
    });
    const fromLevels = derived.get(step.from)?.levels ?? (codebook ? levelsOf(codebook, step.from) : undefined);
    const levels = fromLevels ? [...new Set(fromLevels.map((l) => map.get(l) ?? l))] : undefined;
    put(step.name, dictionaryColumn(spread(codes, outCode), out.levels), { ...(levels ? { levels } : {}), missingCodes: missing });
  });
  return { table: current, derived };
}

/** Row i's code in `perValue`, through its value code. */
function spread(codes: Int32Array, perValue: Int32Array): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = perValue[codes[i]!]!;
  return out;
}
