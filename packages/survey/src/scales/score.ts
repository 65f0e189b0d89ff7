import { LeakriskError } from '../errors.js';
import type { Codebook, KnowledgeScore, Scale } from '../codebook/types.js';
import { isMissingCell } from '../table/missingCell.js';
import { distinctTexts } from '../table/distinct.js';
import { columnOf, type Table } from '../table/table.js';
import { codebookVariable, declaredMissing, itemValues, optionRange } from './itemValues.js';

/** How a scale score is formed from its items. */
export interface ScaleScoring {
  /** `mean` of the answered items, or their `sum`. */
  method: 'mean' | 'sum';
  /** A respondent with fewer answered items gets a missing score (NaN). */
  minAnswered: number;
}

/**
 * Scores respondents on items already read as numbers (NaN = missing).
 *
 * Item j is reverse-keyed when `reverse[j]` gives its range: x' = min + max − x. The score is
 * mean(x'ⱼ over answered j) — or their sum — when at least `minAnswered` items are answered, else NaN.
 * This is the rule of psych::scoreItems(impute = "none") with a minimum-answered threshold.
 *
 * @param items one Float64Array per item, all of the same length
 * @param reverse per item: its `{ min, max }` option range when reverse-keyed, else `undefined`
 * @returns one score per respondent
 * @example
 * scoreItems([Float64Array.of(1, 5), Float64Array.of(5, NaN)], [undefined, { min: 1, max: 5 }],
 *   { method: 'mean', minAnswered: 1 }) // → Float64Array [1, 5]
 */
export function scoreItems(
  items: ReadonlyArray<Float64Array>,
  reverse: ReadonlyArray<{ min: number; max: number } | undefined>,
  scoring: ScaleScoring,
): Float64Array {
  const n = items.length > 0 ? items[0]!.length : 0;
  const total = new Float64Array(n);
  const answered = new Int32Array(n);
  items.forEach((values, j) => {
    const range = reverse[j];
    const flip = range === undefined ? 0 : range.min + range.max;
    const sign = range === undefined ? 1 : -1;
    for (let i = 0; i < n; i++) {
      const x = values[i]!;
      if (x !== x) continue;
      total[i]! += flip + sign * x;
      answered[i]!++;
    }
  });
  const minAnswered = Math.max(1, scoring.minAnswered);
  for (let i = 0; i < n; i++) {
    const k = answered[i]!;
    total[i] = k < minAnswered ? NaN : scoring.method === 'mean' ? total[i]! / k : total[i]!;
  }
  return total;
}

function findScale(codebook: Codebook, scaleId: string): Scale {
  const scale = codebook.scales.find((s) => s.id === scaleId);
  if (scale === undefined) {
    throw new LeakriskError(
      `the codebook has no scale "${scaleId}" (scales: ${codebook.scales.map((s) => s.id).join(', ') || 'none'})`,
      { column: scaleId },
      "use one of the codebook's scale ids",
    );
  }
  return scale;
}

/**
 * Scores a codebook scale (or one of its subscales) for every respondent: declared missing codes
 * become missing, reverse-keyed items (the scale's `reverse` list, or a variable marked `reverse`)
 * are scored min + max − x over the item's option range, and the score is the mean (or sum) of the
 * answered items when at least `scoring.minAnswered` are answered, else NaN.
 *
 * @param subscale a key of `scale.subscales`: score only its items (same scoring rule)
 */
export function scoreScale(table: Table, codebook: Codebook, scaleId: string, subscale?: string): Float64Array {
  const scale = findScale(codebook, scaleId);
  let names = scale.items;
  if (subscale !== undefined) {
    const sub = scale.subscales?.[subscale];
    if (sub === undefined) {
      throw new LeakriskError(
        `the scale "${scaleId}" has no subscale "${subscale}" (subscales: ${Object.keys(scale.subscales ?? {}).join(', ') || 'none'})`,
        { column: scaleId },
        "use one of the scale's subscale ids",
      );
    }
    names = sub.items;
  }
  const reversed = new Set(scale.reverse);
  const items: Float64Array[] = [];
  const ranges: Array<{ min: number; max: number } | undefined> = [];
  for (const name of names) {
    const variable = codebookVariable(codebook, name, `the scale "${scaleId}"`);
    items.push(itemValues(table, name, declaredMissing(variable)));
    ranges.push(reversed.has(name) || variable.reverse === true ? optionRange(variable) : undefined);
  }
  const minAnswered = Math.min(scale.scoring.minAnswered, names.length);
  return scoreItems(items, ranges, { method: scale.scoring.method, minAnswered });
}

/**
 * Counts correct answers to a codebook knowledge score's items.
 *
 * An item scores 1 when the cell equals the item's `correct` code, else 0. A declared missing code
 * ("don't know", "refused") counts as incorrect: not knowing the answer is what the score measures.
 * Only a respondent with every item blank (empty or `NA`: never asked) gets a missing score (NaN).
 */
export function knowledgeScore(table: Table, codebook: Codebook, scoreId: string): Float64Array {
  const score: KnowledgeScore | undefined = codebook.knowledgeScores.find((k) => k.id === scoreId);
  if (score === undefined) {
    throw new LeakriskError(
      `the codebook has no knowledge score "${scoreId}" (knowledge scores: ${codebook.knowledgeScores.map((k) => k.id).join(', ') || 'none'})`,
      { column: scoreId },
      "use one of the codebook's knowledgeScores ids",
    );
  }
  const total = new Float64Array(table.nrow);
  const asked = new Uint8Array(table.nrow);
  for (const name of score.items) {
    const variable = codebookVariable(codebook, name, `the knowledge score "${scoreId}"`);
    if (variable.correct === undefined) {
      throw new LeakriskError(
        `the knowledge item "${name}" declares no correct answer`,
        { column: name },
        'give the variable a "correct" option code in the codebook',
      );
    }
    const correct = variable.correct;
    // Each distinct answer is judged once.
    const { codes, levels } = distinctTexts(columnOf(table, name));
    const isAsked = Uint8Array.from(levels, (cell) => (isMissingCell(cell) ? 0 : 1));
    const isCorrect = Uint8Array.from(levels, (cell) => (cell === correct ? 1 : 0));
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (isAsked[code] === 0) continue;
      asked[i] = 1;
      total[i]! += isCorrect[code]!;
    }
  }
  for (let i = 0; i < table.nrow; i++) if (asked[i] === 0) total[i] = NaN;
  return total;
}
