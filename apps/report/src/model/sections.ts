import type { KindSection } from '../i18n/index.js';
import type { AnalysisResult } from '../results/types.js';
import type { Labels } from './labels.js';
import { outcomeOf } from './modelWords.js';

/**
 * The sections a report falls back to when neither the plan (`section`) nor the codebook places an
 * analysis: one per kind of result.
 */
export const KIND_SECTIONS: readonly KindSection[] = ['answers', 'estimates', 'models'];

/** Analysis types shown on the topic pages (tests go to the group-differences page, reliability to the methodology). */
const SECTION_TYPES = new Set(['mean', 'total', 'ratio', 'proportion', 'distribution', 'quantile', 'glm', 'ordinal']);

function kindSectionOf(analysis: AnalysisResult): KindSection {
  if (analysis.type === 'glm' || analysis.type === 'ordinal') return 'models';
  if (analysis.type === 'distribution' || analysis.type === 'proportion') return 'answers';
  return 'estimates';
}

/**
 * The section of an analysis: the plan's `section`, else the codebook section of its variable (or
 * outcome, or first item), else the section of its kind of result.
 */
export function sectionOfAnalysis(analysis: AnalysisResult, labels: Labels): string {
  if (analysis.section !== undefined && analysis.section !== '') return analysis.section;
  const variable = outcomeOf(analysis) ?? analysis.numerator ?? analysis.items?.[0];
  return (variable !== undefined ? labels.sectionOf(variable) : undefined) ?? kindSectionOf(analysis);
}

/**
 * The topic sections of the report in reading order: the codebook's sections (in its order), then
 * sections the plan names that the codebook does not know (in plan order), then the kind sections.
 * Only sections that hold an analysis shown on a topic page are listed.
 */
export function orderSections(analyses: readonly AnalysisResult[], labels: Labels, sectionOf: (analysis: AnalysisResult) => string): string[] {
  const used: string[] = [];
  for (const analysis of analyses) {
    if (!SECTION_TYPES.has(analysis.type)) continue;
    const id = sectionOf(analysis);
    if (!used.includes(id)) used.push(id);
  }
  const codebookOrder = labels.codebook?.sections.map((section) => section.id) ?? [];
  const rank = (id: string) => {
    const inCodebook = codebookOrder.indexOf(id);
    if (inCodebook !== -1) return inCodebook;
    const kind = (KIND_SECTIONS as readonly string[]).indexOf(id);
    return kind !== -1 ? 2 * codebookOrder.length + used.length + kind : codebookOrder.length + used.indexOf(id);
  };
  return [...used].sort((a, b) => rank(a) - rank(b));
}
