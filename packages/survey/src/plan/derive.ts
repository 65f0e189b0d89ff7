import { LeakriskError } from '../errors.js';
import type { Codebook } from '../codebook/types.js';
import { levelsOf, missingCodesOf } from '../codebook/accessors.js';
import { isMissingCell, type RawTable } from '../io/csv.js';
import { shallowCopyTable } from '../io/byteTable.js';
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
  table: RawTable,
  derivations: readonly Derivation[],
  codebook: Codebook | undefined,
  planFile: string,
): { table: RawTable; derived: Map<string, DerivedColumn> } {
  if (derivations.length === 0) return { table, derived: new Map() };
  // A copy whose columns stay lazy (a byte-backed table makes a column's strings only when read).
  const copy = shallowCopyTable(table);
  const { header, columns } = copy;
  const derived = new Map<string, DerivedColumn>();
  const current = (): RawTable => copy;
  const put = (name: string, cells: string[], info: DerivedColumn) => {
    const j = header.indexOf(name);
    if (j >= 0) columns[j] = cells;
    else {
      header.push(name);
      columns.push(cells);
    }
    derived.set(name, info);
  };
  const source = (from: string, index: number): string[] => {
    const j = header.indexOf(from);
    if (j < 0) {
      throw new LeakriskError(
        `derive[${index}] reads the column "${from}", which is not in the data ${table.file} (columns: ${header.join(', ')})`,
        { file: planFile, column: `derive[${index}].from` },
        'name a column of the data (or one derived earlier in the list)',
      );
    }
    return columns[j]!;
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
        if (codebook.scales.some((s) => s.id === id)) values = scoreScale(current(), codebook, id);
        else if (codebook.knowledgeScores.some((k) => k.id === id)) values = knowledgeScore(current(), codebook, id);
        else {
          throw new LeakriskError(
            `derive[${index}] names the score "${id}", which the codebook does not define (scores: ${known.join(', ')})`,
            { file: planFile, column: `derive[${index}].scores` },
            'use a scale or knowledge-score id of the codebook',
          );
        }
        put(
          id,
          Array.from(values, (x) => (Number.isNaN(x) ? '' : String(x))),
          {},
        );
      }
      return;
    }
    const cells = source(step.from, index);
    const missing = missingOf(step.from);
    if ('bands' in step) {
      const labels = bandLabels(step.bands);
      const known = new Set(labels);
      const out = new Array<string>(cells.length);
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        if (isMissingCell(cell, missing)) out[i] = '';
        else if (known.has(cell)) out[i] = cell;
        else {
          const x = Number(cell);
          let k = -1;
          if (cell.trim() !== '' && Number.isFinite(x)) for (let b = 0; b < step.bands.length && step.bands[b]! <= x; b++) k = b;
          if (k < 0) {
            throw new LeakriskError(
              `row ${i + 1} of "${step.from}" holds "${cell}", which is neither a number from ${step.bands[0]} up nor one of the bands ${labels.join(', ')}`,
              { file: table.file, row: i + 1, column: step.from },
              `correct the value, or change derive[${index}].bands in the plan ${planFile}`,
            );
          }
          out[i] = labels[k]!;
        }
      }
      put(step.name, out, { levels: labels });
      return;
    }
    const map = new Map(Object.entries(step.map));
    const out = new Array<string>(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if ((cell === '' || cell === 'NA') && step.missing !== undefined) out[i] = step.missing;
      else out[i] = map.get(cell) ?? cell;
    }
    const fromLevels = derived.get(step.from)?.levels ?? (codebook ? levelsOf(codebook, step.from) : undefined);
    const levels = fromLevels ? [...new Set(fromLevels.map((l) => map.get(l) ?? l))] : undefined;
    put(step.name, out, { ...(levels ? { levels } : {}), missingCodes: missing });
  });
  return { table: current(), derived };
}
