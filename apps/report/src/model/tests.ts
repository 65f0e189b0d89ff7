import type { AnalysisResult } from '../results/types.js';

/** A significance test from the plan, flattened for tables and marks. */
export interface TestEntry {
  analysisId: string;
  type: string;
  /** The outcome variable (contrast/ttest/glm response) or the row variable of a chisq. */
  variable: string | undefined;
  /** The grouping variable (contrast/ttest `by`, chisq columns). */
  by: string | undefined;
  /** The two levels compared, when known. */
  levels: string[] | undefined;
  term: string | undefined;
  statistic: number | null;
  df: number | null;
  estimate: number | null;
  pValue: number | null;
  pAdjusted: number | null;
  method: string | undefined;
  label: string | undefined;
}

/** Whether a test counts as significant after Benjamini–Hochberg at the 5% level. */
export function isSignificant(test: { pAdjusted: number | null }, level = 0.05): boolean {
  return test.pAdjusted !== null && test.pAdjusted < level;
}

function firstBy(by: string | string[] | undefined): string | undefined {
  return Array.isArray(by) ? by[0] : by;
}

/** Every test row of the results (chisq, ttest, contrast, glm terms other than the intercept). */
export function collectTests(results: AnalysisResult[]): TestEntry[] {
  const tests: TestEntry[] = [];
  for (const analysis of results) {
    if (!['chisq', 'ttest', 'contrast', 'glm'].includes(analysis.type)) continue;
    const outcome = analysis.type === 'glm' ? analysis.formula?.split('~')[0]?.trim() : (analysis.variable ?? analysis.variables?.[0] ?? analysis.rowVariable);
    for (const row of analysis.rows) {
      if (analysis.type === 'glm' && (row.term === '(Intercept)' || row.term === undefined)) continue;
      tests.push({
        analysisId: analysis.id,
        type: analysis.type,
        variable: outcome,
        by: analysis.type === 'chisq' ? (analysis.variables?.[1] ?? analysis.cols) : firstBy(analysis.by),
        levels: analysis.levels,
        term: row.term,
        statistic: row.statistic ?? row.t ?? null,
        df: row.df ?? row.ndf ?? null,
        estimate: row.estimate ?? null,
        pValue: row.pValue ?? null,
        pAdjusted: row.pAdjusted ?? null,
        method: row.method,
        label: analysis.label,
      });
    }
  }
  return tests;
}
