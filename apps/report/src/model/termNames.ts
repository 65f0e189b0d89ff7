import type { ModelFormula } from '@leakrisk/survey';

/** One factor of a model term: a numeric variable (`level` null) or one level of a factor. */
export interface TermPart {
  variable: string;
  level: string | null;
}

/**
 * Reads a coefficient name as R's `model.matrix` writes it (and `svyglm`/`svyolr` report it): a
 * numeric variable is its name (`age`), a factor level is the variable's name followed by the level
 * (`gendermale`), and an interaction joins its parts with `:` in the term's variable order
 * (`gendermale:age`). The formula says which variables and interactions exist; `levelsOf` (codebook or
 * results) settles names that could be read two ways (`age_band26-35` is `age_band` + `26-35`, not
 * `age` + `_band26-35`). Returns `undefined` for the intercept and for a name no term of the formula
 * can have made.
 *
 * @example parseTermName('gendermale:age', parseFormula('y ~ gender * age'), levels)
 * // [{ variable: 'gender', level: 'male' }, { variable: 'age', level: null }]
 */
export function parseTermName(name: string, formula: ModelFormula, levelsOf: (variable: string) => readonly string[] | undefined): TermPart[] | undefined {
  if (name === '(Intercept)') return undefined;
  let best: { parts: TermPart[]; score: number } | undefined;
  for (const variables of formula.terms) {
    for (const parts of readParts(name, 0, variables, 0)) {
      const score = scoreOf(parts, levelsOf);
      if (score !== null && (best === undefined || score > best.score)) best = { parts, score };
    }
  }
  return best?.parts;
}

/** Every way `name` (from `at`) can be read as the parts of the term `variables` (from `index`). */
function readParts(name: string, at: number, variables: readonly string[], index: number): TermPart[][] {
  const variable = variables[index]!;
  if (!name.startsWith(variable, at)) return [];
  const after = at + variable.length;
  if (index === variables.length - 1) {
    const level = name.slice(after);
    return [[{ variable, level: level === '' ? null : level }]];
  }
  const readings: TermPart[][] = [];
  const joint = `:${variables[index + 1]!}`;
  for (let next = name.indexOf(joint, after); next !== -1; next = name.indexOf(joint, next + 1)) {
    const level = name.slice(after, next);
    for (const rest of readParts(name, next + 1, variables, index + 1)) readings.push([{ variable, level: level === '' ? null : level }, ...rest]);
  }
  return readings;
}

/**
 * How well a reading fits what is known of the variables: a level the variable is known to have
 * scores 3, a numeric part of a variable without levels 3, a level of a variable whose levels are
 * unknown 1, a level the codebook does not list 0.5 (a generalised value, say), each plus the length
 * of the variable's name so that the longer name wins a tie. A factor read as numeric rules the
 * reading out (`null`).
 */
function scoreOf(parts: TermPart[], levelsOf: (variable: string) => readonly string[] | undefined): number | null {
  let score = 0;
  for (const part of parts) {
    const levels = levelsOf(part.variable);
    if (part.level === null) {
      if (levels !== undefined && levels.length > 0) return null;
      score += 3;
    } else if (levels === undefined || levels.length === 0) score += 1;
    else score += levels.includes(part.level) ? 3 : 0.5;
    score += part.variable.length / 1000;
  }
  return score;
}

/**
 * Reads an ordinal model's cut point (`svyolr` names them `"1|2"`, `"2|3"`, …) as the two answers it
 * separates, preferring a split into two adjacent known levels; `undefined` when the name has no `|`.
 */
export function parseCutPoint(name: string, levels: readonly string[] | undefined): [string, string] | undefined {
  const splits: [string, string][] = [];
  for (let at = name.indexOf('|'); at !== -1; at = name.indexOf('|', at + 1)) splits.push([name.slice(0, at), name.slice(at + 1)]);
  if (splits.length === 0) return undefined;
  const adjacent = levels ? splits.find(([low, high]) => levels.indexOf(high) === levels.indexOf(low) + 1 && levels.includes(low)) : undefined;
  return adjacent ?? splits[0];
}
