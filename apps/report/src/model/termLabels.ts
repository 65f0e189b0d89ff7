import { parseFormula, type ModelFormula } from '@leakrisk/survey';
import type { Lang, PredictorUnit } from '../i18n/index.js';
import type { AnalysisResult } from '../results/types.js';
import type { Labels } from './labels.js';
import { parseTermName, type TermPart } from './termNames.js';

/**
 * The unit of a numeric predictor, read from its name and label: a point of a scale score, a correct
 * answer of a knowledge score, a year of age, an hour of a time, a person of a household size;
 * otherwise one unit.
 */
export function unitOf(variable: string, labels: Labels): PredictorUnit {
  if (labels.isKnowledgeScore(variable)) return 'correctAnswer';
  if (labels.isScale(variable) || labels.typeOf(variable) === 'likert') return 'point';
  const words = `${variable} ${labels.short(variable, 'en')}`.toLowerCase().replace(/_/g, ' ');
  if (/\bage\b|\byears?\b/.test(words)) return 'year';
  if (/\bhours?\b/.test(words)) return 'hour';
  if (/\bhousehold size\b|\bpeople\b|\bpersons\b|\bmembers\b/.test(words)) return 'person';
  return 'unit';
}

/** The formula of a model analysis, or `undefined` when it has none that reads. */
export function formulaOf(analysis: AnalysisResult): ModelFormula | undefined {
  if (analysis.formula === undefined) return undefined;
  try {
    return parseFormula(analysis.formula, `results "${analysis.id}" formula`);
  } catch {
    return undefined;
  }
}

/**
 * Names the terms of one model in words, from the codebook's labels: "Gender: male compared with
 * female", "Age (per year)", "Gender: male × Age (per year)". The reference level of a factor is the
 * first level (in the codebook's or the results' order) that has no coefficient of its own. A term no
 * part of the formula explains keeps its raw name.
 */
export class TermLabeller {
  private readonly parsed = new Map<string, TermPart[] | undefined>();
  private readonly references = new Map<string, string | undefined>();

  constructor(
    readonly analysis: AnalysisResult,
    private readonly labels: Labels,
    readonly formula: ModelFormula | undefined = formulaOf(analysis),
  ) {
    const levelsOf = (variable: string) => labels.levelOrder(variable);
    for (const row of analysis.rows) {
      if (row.term === undefined || this.parsed.has(row.term)) continue;
      this.parsed.set(row.term, formula ? parseTermName(row.term, formula, levelsOf) : undefined);
    }
    const used = new Map<string, Set<string>>();
    for (const parts of this.parsed.values()) {
      const level = parts?.length === 1 ? parts[0]!.level : null;
      if (level === null) continue;
      const variable = parts![0]!.variable;
      used.set(variable, (used.get(variable) ?? new Set<string>()).add(level));
    }
    for (const [variable, levels] of used)
      this.references.set(
        variable,
        labels.levelOrder(variable)?.find((level) => !levels.has(level)),
      );
  }

  /** The variables and levels of a term, when the formula explains it. */
  parts(term: string): TermPart[] | undefined {
    return this.parsed.get(term);
  }

  /** The factor level a term's level is compared with, when known. */
  referenceOf(variable: string): string | undefined {
    return this.references.get(variable);
  }

  /** The term in words, in `lang`. */
  label(term: string, lang: Lang): string {
    const parts = this.parts(term);
    if (!parts) return term;
    const t = this.labels.strings[lang].model;
    const words = parts.map((part) => {
      const variable = this.labels.short(part.variable, lang);
      if (part.level === null) return t.perUnit(variable, t.units[unitOf(part.variable, this.labels)]);
      const level = this.labels.levelInSentence(part.variable, part.level, lang);
      const reference = parts.length === 1 ? this.referenceOf(part.variable) : undefined;
      return reference === undefined
        ? t.levelOnly(variable, level)
        : t.comparedWith(variable, level, this.labels.levelInSentence(part.variable, reference, lang));
    });
    return words.length === 1 ? words[0]! : t.interaction(words);
  }
}
