import type { AnalysisResult, Domain, ResultRow } from '../../results/types.js';
import { primarySuppression, protectGroups, type ProtectedCell } from '../disclosure.js';
import { isDomainOf } from '../domains.js';
import { isSignificant, type TestEntry } from '../significanceTests.js';
import { sortByOrder } from './levelOrder.js';
import type { FigureInputs } from './spec.js';

export interface GroupEstimate extends ProtectedCell {
  key: string;
  /** Level code per grouping variable. */
  domain: Domain;
  row: ResultRow;
}

/** Estimates of one analysis by one grouping variable, with primary and secondary suppression, in level order. */
export function groupEstimates(inputs: FigureInputs, analysis: AnalysisResult, byVariable: string, marginPublished: boolean): GroupEstimate[] {
  const cells = analysis.rows
    .filter((row) => isDomainOf(row, byVariable))
    .map((row) => ({
      key: row.domain![byVariable]!,
      domain: row.domain!,
      row,
      ...primarySuppression(row.n, inputs.minBase, false, inputs.sampleSize),
    }));
  return sortByOrder(protectGroups(cells, inputs.minBase, marginPublished), (cell) => cell.key, inputs.labels.levelOrder(byVariable));
}

/**
 * The contrasts and t-tests of `variable` by `byVariable` that are significant after BH, the levels
 * they involve (to mark), and whether any test of the two exists. A test that involves a suppressed
 * group marks nothing: the mark would point at an estimate that is not shown.
 */
export function significantLevels(
  inputs: FigureInputs,
  variable: string,
  byVariable: string,
  cells: readonly GroupEstimate[],
): { marked: Set<string>; tests: TestEntry[]; tested: boolean } {
  const tests = inputs.tests.filter((test) => (test.type === 'contrast' || test.type === 'ttest') && test.variable === variable && test.by === byVariable);
  const shown = new Set(cells.filter((cell) => !cell.suppressed).map((cell) => cell.key));
  const marked = new Set<string>();
  const significant = tests.filter((test) => {
    const involved = test.levels ?? (cells.length === 2 ? cells.map((cell) => cell.key) : []);
    if (!isSignificant(test) || involved.length === 0 || !involved.every((level) => shown.has(level))) return false;
    for (const level of involved) marked.add(level);
    return true;
  });
  return { marked, tests: significant, tested: tests.length > 0 };
}
