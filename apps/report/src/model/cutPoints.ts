import type { AnalysisResult, ResultRow } from '../results/types.js';
import { formulaOf } from './termLabels.js';
import { parseTermName } from './termNames.js';

/**
 * Whether a row of an ordinal model is one of its cut points (`svyolr` lists them after the
 * coefficients, named `"1|2"`, `"2|3"`, …) rather than a coefficient the formula explains.
 */
export function isCutPoint(analysis: AnalysisResult, row: ResultRow): boolean {
  if (analysis.type !== 'ordinal' || row.term === undefined || !row.term.includes('|')) return false;
  const formula = formulaOf(analysis);
  return formula === undefined || parseTermName(row.term, formula, () => undefined) === undefined;
}
