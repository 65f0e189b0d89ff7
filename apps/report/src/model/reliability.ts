import type { Localized } from '@leakrisk/survey';
import type { AnalysisResult } from '../results/types.js';
import type { Labels } from './labels.js';

export interface ReliabilityRow {
  label: Localized;
  /** The analyses (alpha, omega) the row reports. */
  analyses: string[];
  alpha: number | null;
  stdAlpha: number | null;
  omega: number | null;
  n: number | null;
}

/**
 * The reliability table (every `alpha` and `omega` analysis) and, per section, the alpha and omega of
 * its scale. Analyses of the same scale share a row; a second alpha of one scale (e.g. the design-based
 * `svycralpha` beside `psych::alpha`) gets its own row: named as design-based when it is one, else
 * under its plan label.
 */
export function reliabilityOf(
  analyses: readonly AnalysisResult[],
  labels: Labels,
  sectionOf: (analysis: AnalysisResult) => string,
): { rows: ReliabilityRow[]; bySection: Map<string, { alpha: number | null; omega: number | null }> } {
  const rows: ReliabilityRow[] = [];
  const bySection = new Map<string, { alpha: number | null; omega: number | null }>();
  for (const analysis of analyses.filter((a) => a.type === 'alpha' || a.type === 'omega')) {
    const section = sectionOf(analysis);
    const row = analysis.rows[0];
    const entry = bySection.get(section) ?? { alpha: null, omega: null };
    const scale = scaleOfItems(analysis, labels) ?? section;
    const scaleLabel = labels.isScale(scale) ? labels.both((lang) => labels.short(scale, lang)) : labels.both((lang) => labels.sectionTitle(section, lang));
    const duplicate = analysis.type === 'alpha' && entry.alpha !== null;
    const label = !duplicate
      ? scaleLabel
      : analysis.weighted === true
        ? labels.both((lang) => labels.strings[lang].methodology.designBasedAlpha(scaleLabel[lang]))
        : analysis.label !== undefined
          ? { en: analysis.label, ur: analysis.label }
          : scaleLabel;
    if (!duplicate) {
      if (analysis.type === 'alpha') entry.alpha = row?.alpha ?? null;
      else entry.omega = row?.omegaTotal ?? null;
      bySection.set(section, entry);
    }
    let existing = rows.find((r) => r.label.en === label.en);
    if (!existing) {
      existing = { label, analyses: [], alpha: null, stdAlpha: null, omega: null, n: null };
      rows.push(existing);
    }
    existing.analyses.push(analysis.id);
    if (analysis.type === 'alpha') {
      existing.alpha = row?.alpha ?? null;
      existing.stdAlpha = row?.stdAlpha ?? null;
      existing.n = row?.n ?? null;
    } else existing.omega = row?.omegaTotal ?? null;
  }
  return { rows, bySection };
}

/** The codebook scale whose items an alpha/omega analysis uses, if any. */
function scaleOfItems(analysis: AnalysisResult, labels: Labels): string | undefined {
  const items = analysis.items ?? [];
  return labels.codebook?.scales.find((scale) => scale.items.length === items.length && scale.items.every((item) => items.includes(item)))?.id;
}
