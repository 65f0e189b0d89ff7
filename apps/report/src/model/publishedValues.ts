import type { AnalysisResult, ResultsFile } from '../results/types.js';
import type { Labels } from './labels.js';
import { TermLabeller } from './termLabels.js';

/** A value from the data that the report would print: a group, an answer or a model term's level. */
export interface PublishedValue {
  /** The analysis it comes from (or `calibration` for a margin). */
  analysis: string;
  /** The variable (column) whose value it is. */
  column: string;
  value: string;
}

/**
 * Every data value the report would publish: each domain value (`by` groups), each answer level of a
 * distribution or proportion, the levels a contrast or t-test compares, the factor levels inside model term
 * names (a term no part of the formula explains counts whole), and the levels of calibration margins.
 */
export function publishedValues(results: ResultsFile, labels: Labels): PublishedValue[] {
  const values: PublishedValue[] = [];
  const add = (analysis: AnalysisResult, column: string | undefined, value: string | undefined) => {
    if (value !== undefined && value !== '') values.push({ analysis: analysis.id, column: column ?? analysis.id, value });
  };
  for (const analysis of results.results) {
    add(analysis, analysis.variable, analysis.level);
    for (const level of analysis.levels ?? []) add(analysis, Array.isArray(analysis.by) ? analysis.by[0] : analysis.by, level);
    const terms = analysis.type === 'glm' || analysis.type === 'ordinal' ? new TermLabeller(analysis, labels) : undefined;
    for (const row of analysis.rows) {
      for (const [column, value] of Object.entries(row.domain ?? {})) add(analysis, column, value);
      add(analysis, analysis.variable, row.level);
      for (const level of row.levels ?? []) add(analysis, Array.isArray(analysis.by) ? analysis.by[0] : analysis.by, level);
      if (terms && row.term !== undefined && row.term !== '(Intercept)') {
        const parts = terms.parts(row.term);
        if (!parts) add(analysis, 'term', row.term);
        else for (const part of parts) add(analysis, part.variable, part.level ?? undefined);
      }
    }
  }
  for (const [column, levels] of Object.entries(results.calibration?.margins ?? {})) {
    for (const level of Object.keys(levels)) values.push({ analysis: 'calibration', column, value: level });
  }
  return values;
}
