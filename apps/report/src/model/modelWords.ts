import type { Lang } from '../i18n/index.js';
import type { AnalysisResult } from '../results/types.js';
import type { Labels } from './labels.js';
import { modelKindOf } from './modelKind.js';
import { midSentence } from '../i18n/sentenceCase.js';
import { formulaOf } from './termLabels.js';

/** The outcome variable of a model (the left of its formula), or of any other analysis. */
export function outcomeOf(analysis: AnalysisResult): string | undefined {
  if (analysis.type === 'glm' || analysis.type === 'ordinal') return formulaOf(analysis)?.response ?? analysis.variable;
  return analysis.variable ?? analysis.variables?.[0] ?? analysis.rowVariable;
}

/**
 * A model described in words instead of R's notation: "Linear regression of the victim blaming score
 * on age band, gender and area", "Logistic regression of posting photos of oneself (yes) on …",
 * "Ordinal regression (proportional odds) of … on …". Interactions read "gender × area".
 */
export function describeModel(analysis: AnalysisResult, labels: Labels, lang: Lang): string {
  const t = labels.strings[lang].model;
  const formula = formulaOf(analysis);
  const outcomeName = outcomeOf(analysis) ?? analysis.id;
  let outcome = midSentence(labels.short(outcomeName, lang), lang);
  if (analysis.success !== undefined) outcome = t.outcomeLevel(outcome, labels.levelInSentence(outcomeName, analysis.success, lang));
  const predictors = (formula?.terms ?? []).map((variables) => variables.map((variable) => midSentence(labels.short(variable, lang), lang)).join(' × '));
  return t.describe(modelKindOf(analysis).kind, outcome, predictors, analysis.link);
}
