import type { Lang, Strings } from '../../i18n/index.js';
import { formatPRelation } from '../format.js';
import type { Labels } from '../labels.js';
import type { TestEntry } from '../significanceTests.js';

/**
 * The one caption line that explains the ◆ * marks of a figure: each pair of groups that differs
 * significantly after BH, once (a contrast and a t-test of the same two groups are one comparison;
 * the smaller adjusted p is given). `undefined` when nothing is marked.
 */
export function markedNote(
  tests: readonly TestEntry[],
  byVariable: string,
  fallbackLevels: readonly string[],
  labels: Labels,
  lang: Lang,
  t: Strings,
): string | undefined {
  const pairs = new Map<string, { levels: readonly string[]; pAdjusted: number | null }>();
  for (const test of tests) {
    const levels = test.levels ?? fallbackLevels;
    const key = [...levels].sort().join('|');
    const known = pairs.get(key);
    if (!known || (test.pAdjusted !== null && (known.pAdjusted === null || test.pAdjusted < known.pAdjusted)))
      pairs.set(key, { levels, pAdjusted: test.pAdjusted });
  }
  if (pairs.size === 0) return undefined;
  const details = [...pairs.values()].map(
    ({ levels, pAdjusted }) => `${levels.map((level) => labels.level(byVariable, level, lang)).join(' / ')}: p (BH) ${formatPRelation(pAdjusted)}`,
  );
  return t.figure.markedNote(details.join(lang === 'ur' ? '؛ ' : '; '));
}
