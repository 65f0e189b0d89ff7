import type { ModelKindName, ModelScale } from '../i18n/index.js';
import type { AnalysisResult } from '../results/types.js';

/**
 * How a model's coefficients are read (`scale`): `difference` (linear model: a difference in the
 * outcome), `odds` (logistic: odds ratios), `rate` (Poisson: rate ratios), `higher-odds` (ordinal,
 * logit link: odds ratios of a higher answer), `link` (ordinal with a probit or cloglog link: the
 * coefficient on that scale). Ratios are shown as exp(coefficient) on a log scale.
 */
export interface ModelKind {
  kind: ModelKindName;
  scale: ModelScale;
  /** Shown as exp(coefficient) on a log scale, with 1 as "no difference". */
  ratio: boolean;
}

/** The kind of a `glm` (by its family) or `ordinal` (by its link) analysis. */
export function modelKindOf(analysis: AnalysisResult): ModelKind {
  if (analysis.type === 'ordinal') {
    const logit = analysis.link === undefined || analysis.link === 'logit';
    return { kind: 'ordinal', scale: logit ? 'higher-odds' : 'link', ratio: logit };
  }
  const family = analysis.family ?? 'gaussian';
  if (/binomial/.test(family)) return { kind: 'logistic', scale: 'odds', ratio: true };
  if (/poisson/.test(family)) return { kind: 'poisson', scale: 'rate', ratio: true };
  return { kind: 'linear', scale: 'difference', ratio: false };
}
