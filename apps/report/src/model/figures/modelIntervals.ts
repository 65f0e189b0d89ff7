import { qt } from '@leakrisk/survey';
import type { AnalysisResult, ResultRow } from '../../results/types.js';

/** qnorm(0.975). */
const NORMAL_975 = 1.959963984540054;

/**
 * The 95% interval of a model coefficient. A glm row carries it (`ciLow`/`ciHigh`, computed by analyze
 * as `confint.svyglm` does) and it is used as it is. An `ordinal` row without one gets R's own: there
 * is no `confint` method for `svyolr`, so `confint.default` applies, estimate ± qnorm(0.975)·se. A glm
 * row without one comes from an older results file: see {@link intervalForOlderResults}.
 */
export function coefficientInterval(
  row: ResultRow,
  analysis: AnalysisResult,
  designDf: number | null,
  olderResults: () => void,
): [number | null, number | null] {
  if (typeof row.ciLow === 'number' && typeof row.ciHigh === 'number') return [row.ciLow, row.ciHigh];
  if (typeof row.estimate !== 'number' || typeof row.se !== 'number' || !Number.isFinite(row.se)) return [null, null];
  if (analysis.type === 'ordinal') return [row.estimate - NORMAL_975 * row.se, row.estimate + NORMAL_975 * row.se];
  olderResults();
  return intervalForOlderResults(row.estimate, row.se, row.df ?? (designDf === null ? null : designDf + 1 - analysis.rows.length));
}

/**
 * Only for results files written before analyze gave glm intervals: estimate ± qt(0.975, df)·se with
 * the row's df, else svyglm's residual df (design df + 1 − number of coefficients), which is what
 * `confint.svyglm` computes. The build warns that the file is old.
 */
function intervalForOlderResults(estimate: number, se: number, df: number | null): [number, number] {
  const multiplier = df !== null && df > 0 ? qt(0.975, df) : NORMAL_975;
  return [estimate - multiplier * se, estimate + multiplier * se];
}
