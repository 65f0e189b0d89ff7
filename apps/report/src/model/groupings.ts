import type { AnalysisResult } from '../results/types.js';
import { byList } from './domains.js';

/**
 * The grouping (`by`) variables the report shows, in order: the settings' `groupings` when given,
 * else every grouping of the results in order of first appearance. Groupings the settings name that
 * no analysis uses, and groupings of the results the settings leave out, are reported as warnings.
 */
export function chooseGroupings(analyses: readonly AnalysisResult[], wanted: readonly string[] | undefined, warnings: string[]): string[] {
  const inResults: string[] = [];
  for (const analysis of analyses) for (const by of byList(analysis)) if (!inResults.includes(by)) inResults.push(by);
  if (wanted === undefined) return inResults;
  for (const by of wanted)
    if (!inResults.includes(by)) warnings.push(`the report settings list the grouping "${by}", but no analysis in the results is by "${by}"`);
  const left = inResults.filter((by) => !wanted.includes(by));
  if (left.length > 0)
    warnings.push(
      `results by ${left.map((by) => `"${by}"`).join(', ')} are not shown: the report settings' "groupings" leave ${left.length === 1 ? 'it' : 'them'} out`,
    );
  return wanted.filter((by) => inResults.includes(by));
}
