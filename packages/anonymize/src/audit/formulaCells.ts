import { bytesStartFormula, startsFormula, type DictionaryColumn, type Utf8Column } from '@leakrisk/survey';

/**
 * Cells of a released column that every CSV writer of the toolkit writes with a leading `'`, because
 * they would start a spreadsheet formula (`startsFormula`): for the audit, which counts them per column.
 * A dictionary's levels are judged once each.
 */
export function formulaCells(column: DictionaryColumn | Utf8Column): number {
  let count = 0;
  if (column.kind === 'dictionary') {
    const formula = Uint8Array.from(column.levels, (text) => (startsFormula(text) ? 1 : 0));
    if (!formula.includes(1)) return 0;
    for (const code of column.codes) if (code >= 0) count += formula[code]!;
    return count;
  }
  const { bytes, start, end } = column;
  for (let i = 0; i < column.length; i++) if (bytesStartFormula(bytes, start[i]!, end[i]!)) count++;
  return count;
}
