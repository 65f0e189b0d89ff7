import type { FigureSpec } from './figures/spec.js';

/**
 * At least six charts of different kinds for the landing pages, chosen by kind in a fixed order of
 * preference (answers to statements, a score by the first grouping, groups side by side, shares, a
 * model, a distribution, the overview of scores), then the first chart of each topic until there
 * are six. Tables are never on the landing page.
 */
export function pickLanding(
  figures: ReadonlyMap<string, FigureSpec>,
  topicFigures: readonly string[][],
  firstGroupFigures: readonly string[],
  extra: readonly string[],
): string[] {
  const chosen: string[] = [];
  const take = (id: string | undefined) => {
    if (id !== undefined && figures.has(id) && figures.get(id)!.kind !== 'table' && !chosen.includes(id)) chosen.push(id);
  };
  const all = [...topicFigures.flat(), ...extra];
  const firstOf = (kind: FigureSpec['kind']) => all.find((id) => figures.get(id)?.kind === kind);
  take(firstOf('likert'));
  take(firstGroupFigures[0]);
  take(firstOf('small-multiples'));
  take(firstOf('awareness'));
  take(firstOf('coefficients'));
  take(firstOf('score-distribution'));
  take(extra.find((id) => figures.get(id)?.kind === 'dot-interval'));
  for (const ids of topicFigures) {
    if (chosen.length >= 6) break;
    for (const id of ids) {
      const before = chosen.length;
      take(id);
      if (chosen.length > before) break;
    }
  }
  return chosen;
}
