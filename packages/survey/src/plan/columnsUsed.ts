import type { Codebook } from '../codebook/types.js';
import { parseFormula } from '../inference/formula.js';
import type { Plan } from './types.js';

/**
 * The data columns a plan reads: design columns, calibration margins, the sources of derived
 * columns (scale and knowledge items for `scores`), and every variable its analyses name (glm
 * and ordinal formula variables included). Derived columns themselves are left out. A reader can keep only
 * these columns of a wide survey file, which saves memory and time.
 */
export function columnsUsedBy(plan: Plan, codebook?: Codebook): string[] {
  const used = new Set<string>();
  const derived = new Set<string>();
  const add = (name: string | undefined) => {
    if (name !== undefined && !derived.has(name)) used.add(name);
  };
  const d = plan.design;
  (d.ids ?? []).forEach(add);
  add(d.strata);
  add(d.weights);
  (typeof d.probs === 'string' ? [d.probs] : (d.probs ?? [])).forEach(add);
  (d.fpc ?? []).forEach(add);
  for (const step of plan.derive ?? []) {
    if ('scores' in step) {
      const ids = step.scores === 'all' ? undefined : new Set(step.scores);
      for (const scale of codebook?.scales ?? []) if (!ids || ids.has(scale.id)) scale.items.forEach(add);
      for (const score of codebook?.knowledgeScores ?? []) if (!ids || ids.has(score.id)) score.items.forEach(add);
      for (const scale of codebook?.scales ?? []) if (!ids || ids.has(scale.id)) derived.add(scale.id);
      for (const score of codebook?.knowledgeScores ?? []) if (!ids || ids.has(score.id)) derived.add(score.id);
    } else {
      add(step.from);
      derived.add(step.name);
    }
  }
  Object.keys(plan.calibration?.margins ?? {}).forEach(add);
  for (const a of plan.analyses) {
    switch (a.type) {
      case 'mean':
      case 'total':
      case 'distribution':
      case 'quantile':
      case 'proportion':
        add(a.variable);
        (a.by ?? []).forEach(add);
        break;
      case 'ratio':
        add(a.numerator);
        add(a.denominator);
        (a.by ?? []).forEach(add);
        break;
      case 'chisq':
        add(a.rows);
        add(a.cols);
        break;
      case 'glm':
      case 'ordinal': {
        const formula = parseFormula(a.formula);
        add(formula.response);
        formula.variables.forEach(add);
        break;
      }
      case 'contrast':
      case 'ttest':
        add(a.variable);
        add(a.by);
        break;
      case 'alpha':
      case 'omega':
        a.items.forEach(add);
        break;
    }
  }
  return [...used];
}
