import type { AnalysisResult } from '../results/types.js';
import { isCutPoint } from './cutPoints.js';
import { outcomeOf } from './modelWords.js';

/** A significance test from the plan, flattened for tables and marks. */
export interface TestEntry {
  analysisId: string;
  type: string;
  /** The outcome variable (contrast/ttest/model response) or the row variable of a chisq. */
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
  /** Unweighted base of the row (a model term: the rows with that level). */
  n: number | null;
  /** A model term whose base is below `minBase`: shown as suppressed, never as a finding. */
  suppressed: boolean;
  /** Why a model term cannot be read as a finding: its fit separated, or the fit warned. */
  caution: 'separation' | 'warning' | null;
}

/**
 * Whether a test counts as significant after Benjamini–Hochberg at the 5% level. A suppressed model
 * term, or one whose fit separated or warned, is never significant: it is not a finding.
 */
export function isSignificant(test: Pick<TestEntry, 'pAdjusted' | 'suppressed' | 'caution'>, level = 0.05): boolean {
  return !test.suppressed && test.caution === null && test.pAdjusted !== null && test.pAdjusted < level;
}

function firstBy(by: string | string[] | undefined): string | undefined {
  return Array.isArray(by) ? by[0] : by;
}

/**
 * Every test row of the results (chisq, ttest, contrast, and the coefficients of glm and ordinal
 * models other than the intercept and the cut points). A model term with `n` below `minBase` is
 * suppressed, as small estimates are; a term marked `separation`, or any term of a fit that warned,
 * carries its caution.
 */
export function collectTests(results: AnalysisResult[], minBase: number): TestEntry[] {
  const tests: TestEntry[] = [];
  for (const analysis of results) {
    if (!['chisq', 'ttest', 'contrast', 'glm', 'ordinal'].includes(analysis.type)) continue;
    const model = analysis.type === 'glm' || analysis.type === 'ordinal';
    const outcome = analysis.type === 'chisq' ? (analysis.variables?.[0] ?? analysis.rowVariable) : outcomeOf(analysis);
    const warned = (analysis.warnings?.length ?? 0) > 0;
    for (const row of analysis.rows) {
      if (model && (row.term === undefined || row.term === '(Intercept)' || isCutPoint(analysis, row))) continue;
      const n = typeof row.n === 'number' ? row.n : null;
      tests.push({
        analysisId: analysis.id,
        type: analysis.type,
        variable: outcome,
        by: analysis.type === 'chisq' ? (analysis.variables?.[1] ?? analysis.cols) : firstBy(analysis.by),
        levels: analysis.levels ?? row.levels,
        term: row.term,
        statistic: row.statistic ?? row.t ?? null,
        df: row.df ?? row.ndf ?? null,
        estimate: row.estimate ?? null,
        pValue: row.pValue ?? null,
        pAdjusted: row.pAdjusted ?? null,
        method: row.method,
        n,
        suppressed: model && n !== null && n < minBase,
        caution: model && row.separation === true ? 'separation' : model && warned ? 'warning' : null,
      });
    }
  }
  return tests;
}
