import { isMissingCell, type DictionaryColumn } from '@leakrisk/survey';
import { classesOfRows } from './classes.js';
import type { SearchSensitive } from './lattice.js';
import { achievedPrivacy, type AchievedPrivacy, type PrivacyRequirement } from './requirement.js';

/**
 * The k and l a release achieves, computed again from its key cells exactly as they are written
 * (`keyColumns`: each released key column as its distinct texts), independently of the search: the
 * guard that nothing reaches the output unless the written file itself meets the requirement.
 *
 * How a written cell counts follows `missingMatches`, as a reader of the file would apply it:
 * - `any` (sdcMicro): a missing cell — empty, `NA` or one of the column's missing codes — matches every
 *   value, whichever of these texts it is written as;
 * - `self` (ARX): only the empty cell (missing in the input, or suppressed) is the missing category;
 *   `NA` and every missing code are values of their own, because the file shows them as such. A record
 *   whose key cells are all empty is exempt (ARX's suppressed outliers).
 * Sensitive columns are released unchanged, and their missing cells are never counted.
 */
export function releasedPrivacy(
  keyColumns: readonly DictionaryColumn[],
  missing: readonly (ReadonlySet<string> | undefined)[],
  sensitive: readonly SearchSensitive[],
  requirement: PrivacyRequirement,
  nrow: number,
): AchievedPrivacy {
  const isMissing =
    requirement.missingMatches === 'self'
      ? (cell: string) => cell === ''
      : (cell: string, codes: ReadonlySet<string> | undefined) => isMissingCell(cell, codes);
  const cards: number[] = [];
  const codes = keyColumns.map((factor, j) => {
    let next = 0;
    const codeOf = Int32Array.from(factor.levels, (cell) => (isMissing(cell, missing[j]) ? -1 : next++));
    cards.push(next);
    const out = new Int32Array(nrow);
    const { codes: index } = factor;
    for (let i = 0; i < nrow; i++) out[i] = codeOf[index[i]!]!;
    return out;
  });
  const { table } = classesOfRows(
    codes,
    cards,
    sensitive.map((s) => s.codes),
    sensitive.map((s) => s.cardinality),
    nrow,
  );
  return achievedPrivacy(
    table,
    requirement,
    sensitive.map((s) => s.column),
  );
}
