import type { AnalysisResult, Domain, ResultRow } from '../results/types.js';

/** Whether a row estimates the whole population (`domain` `{}` or absent). */
export function isWholePopulation(row: Pick<ResultRow, 'domain'>): boolean {
  return row.domain === undefined || Object.keys(row.domain).length === 0;
}

/** Whether a row is a domain of exactly one grouping variable, `by`. */
export function isDomainOf<T extends Pick<ResultRow, 'domain'>>(row: T, by: string): row is T & { domain: Domain } {
  return row.domain !== undefined && Object.keys(row.domain).length === 1 && row.domain[by] !== undefined;
}

/** The grouping variables of an analysis, as a list (the plan's `by` may be one name or a list). */
export function byList(analysis: Pick<AnalysisResult, 'by'>): string[] {
  return analysis.by === undefined ? [] : Array.isArray(analysis.by) ? analysis.by : [analysis.by];
}

/**
 * The levels each grouping or item variable takes in the results (domain values, distribution
 * levels), in order of first appearance: the presentation order of a variable the codebook does not
 * describe (analyze writes domains in R's order).
 */
export function observedLevels(analyses: readonly AnalysisResult[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const note = (variable: string, level: string) => {
    const levels = seen.get(variable) ?? [];
    if (!levels.includes(level)) levels.push(level);
    seen.set(variable, levels);
  };
  for (const analysis of analyses) {
    for (const row of analysis.rows) {
      for (const [variable, level] of Object.entries(row.domain ?? {})) note(variable, level);
      if (analysis.type === 'distribution' && analysis.variable !== undefined && row.level !== undefined) note(analysis.variable, row.level);
    }
  }
  return seen;
}
