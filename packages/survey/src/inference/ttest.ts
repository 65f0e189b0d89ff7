import type { SurveyDesign } from '../design/types.js';
import { LeakriskError } from '../errors.js';
import type { DictionaryColumn } from '../table/column.js';
import { dictionaryColumn } from '../table/dictionaryColumn.js';
import { qt } from '../estimate/tDistribution.js';
import { svyglm } from './glm.js';
import { isFactor } from './modelData.js';

export interface TTestOptions {
  /**
   * The two levels to compare, `[reference, other]`; the estimate is `mean(other) − mean(reference)`.
   * Other levels of the group are left out as a domain. Default: the two levels present, in level order.
   */
  levels?: readonly [string, string];
  /** Confidence level of the interval (default 0.95). */
  level?: number;
}

export interface TTestResult {
  /** Difference in means, second level minus first (R's `difference in mean`). */
  estimate: number;
  se: number;
  t: number;
  /** `degf(design) − 1` over the rows used. */
  df: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
  /** The compared levels, `[reference, other]`. */
  levels: [string, string];
  /** Rows used (both variables present, in the two groups). */
  n: number;
}

/**
 * Design-based two-sample t-test, matching `survey::svyttest(y ~ group, design)`: the coefficient
 * of the group indicator in the gaussian `svyglm(y ~ group)` is the difference in means; its
 * design-based SE gives `t`, tested on `degf(design) − 1` degrees of freedom (the glm's residual df),
 * and the interval is `estimate ± qt(1 − α/2, df) · SE` (R's `confint(svyglm)`).
 *
 * @param variable the numeric outcome (NaN = missing)
 * @param group the two-level grouping variable (factor codes; −1 = missing)
 */
export function svyttest(
  design: SurveyDesign,
  variable: { name: string; values: Float64Array },
  group: { name: string; column: DictionaryColumn | Float64Array },
  options: TTestOptions = {},
): TTestResult {
  const column = group.column;
  let domain: Uint8Array | undefined;
  let levels: [string, string];
  if (isFactor(column)) {
    const present = new Set<number>();
    for (let i = 0; i < design.nrow; i++) {
      if (column.codes[i]! >= 0 && !Number.isNaN(variable.values[i]!)) present.add(column.codes[i]!);
    }
    if (options.levels !== undefined) {
      const codes = options.levels.map((level) => {
        const k = column.levels.indexOf(level);
        if (k < 0) {
          throw new LeakriskError(
            `"${level}" is not a level of "${group.name}" (${column.levels.join(', ')})`,
            { file: design.file, column: group.name },
            `name two of: ${column.levels.join(', ')}`,
          );
        }
        return k;
      });
      domain = new Uint8Array(design.nrow);
      for (let i = 0; i < design.nrow; i++) if (column.codes[i] === codes[0] || column.codes[i] === codes[1]) domain[i] = 1;
      // The reference level is the one the caller names first.
      const remapped = new Int32Array(design.nrow).fill(-1);
      for (let i = 0; i < design.nrow; i++) {
        if (column.codes[i] === codes[0]) remapped[i] = 0;
        else if (column.codes[i] === codes[1]) remapped[i] = 1;
      }
      levels = [options.levels[0], options.levels[1]];
      return run(design, variable, group.name, dictionaryColumn(remapped, levels), domain, levels, options.level ?? 0.95);
    }
    if (present.size !== 2) {
      throw new LeakriskError(
        `a t-test compares two groups, but "${group.name}" has ${present.size} level(s) with data (${[...present]
          .sort((a, b) => a - b)
          .map((c) => column.levels[c])
          .join(', ')})`,
        { file: design.file, column: group.name },
        'name the two levels to compare ("levels"), or use a variable with two groups',
      );
    }
    const [a, b] = [...present].sort((x, y) => x - y) as [number, number];
    levels = [column.levels[a]!, column.levels[b]!];
    return run(design, variable, group.name, column, undefined, levels, options.level ?? 0.95);
  }
  const values = new Set<number>();
  for (let i = 0; i < design.nrow; i++) if (!Number.isNaN(column[i]!) && !Number.isNaN(variable.values[i]!)) values.add(column[i]!);
  const sorted = [...values].sort((x, y) => x - y);
  if (!(sorted.length === 2 && ((sorted[0] === 0 && sorted[1] === 1) || (sorted[0] === 1 && sorted[1] === 2)))) {
    throw new LeakriskError(
      `a t-test needs a binary group, but "${group.name}" has the values ${sorted.slice(0, 6).join(', ')}`,
      { file: design.file, column: group.name },
      'use a group coded 0/1 or 1/2, or a categorical variable with two levels',
    );
  }
  levels = [String(sorted[0]), String(sorted[1])];
  return run(design, variable, group.name, column, undefined, levels, options.level ?? 0.95);
}

function run(
  design: SurveyDesign,
  variable: { name: string; values: Float64Array },
  groupName: string,
  groupColumn: DictionaryColumn | Float64Array,
  domain: Uint8Array | undefined,
  levels: [string, string],
  level: number,
): TTestResult {
  const data = { [variable.name]: variable.values, [groupName]: groupColumn };
  const formula = `\`${variable.name}\` ~ \`${groupName}\``;
  const fit = svyglm(design, data, formula, 'gaussian', domain === undefined ? { where: groupName } : { domain, where: groupName });
  const row = fit.coefficients[1]!;
  const df = fit.dfResidual;
  const q = df > 0 ? qt(1 - (1 - level) / 2, df) : Number.NaN;
  return {
    estimate: row.estimate,
    se: row.se,
    t: row.t,
    df,
    pValue: row.pValue,
    ciLow: row.estimate - q * row.se,
    ciHigh: row.estimate + q * row.se,
    levels,
    n: fit.n,
  };
}
