import { labelOf, levelLabelOf, levelsOf, scaleOf, shortLabelOf, variableOf, type Codebook, type Localized } from '@leakrisk/survey';
import type { Lang, Strings } from '../i18n/index.js';

/** Level order of the shared derived grouping variables (the plan's `derive` step). */
const DERIVED_LEVELS: Record<string, string[]> = {
  age_band: ['18-25', '26-35', '36-45', '46-55', '56-65', '66+'],
};

/**
 * Names for what the report shows, in either language: question wording and short labels from the
 * codebook, the report's own names for derived grouping variables, and the raw name as a last resort.
 */
export class Labels {
  constructor(
    readonly codebook: Codebook | undefined,
    readonly strings: Record<Lang, Strings>,
  ) {}

  /** Weighting copies of a variable (the plan's `gender_w`, `province_w`, …) are named like the variable. */
  private base(name: string): string {
    if (!name.endsWith('_w')) return name;
    const stripped = name.slice(0, -2);
    return (this.codebook && variableOf(this.codebook, stripped)) || DERIVED_LEVELS[stripped] ? stripped : name;
  }

  /** The question wording (full label) of a column, scale or score. */
  question(name: string, lang: Lang): string {
    name = this.base(name);
    if (this.codebook) {
      const scale = scaleOf(this.codebook, name);
      const range = this.itemRange(scale?.items[0]);
      if (scale && range) return this.strings[lang].scaleQuestion(scale.label[lang], scale.items.length, String(range[0]), String(range[1]));
      const knowledge = this.codebook.knowledgeScores.find((k) => k.id === name);
      if (knowledge) return this.strings[lang].knowledgeQuestion(knowledge.label[lang], knowledge.items.length);
      const label = labelOf(this.codebook, name, lang);
      if (label !== name) return label;
    }
    return this.strings[lang].groups[name] ?? name;
  }

  /** A short label for charts and tables. */
  short(name: string, lang: Lang): string {
    name = this.base(name);
    const grouping = this.strings[lang].groups[name];
    if (grouping !== undefined) return grouping;
    if (this.codebook) {
      const scale = scaleOf(this.codebook, name);
      if (scale) return scale.label[lang];
      const label = shortLabelOf(this.codebook, name, lang);
      if (label !== name) return label;
    }
    return name;
  }

  /** The label of a level of a grouping or item variable. */
  level(name: string, code: string, lang: Lang): string {
    name = this.base(name);
    const variable = this.codebook ? variableOf(this.codebook, name) : undefined;
    if (variable?.type === 'multiselect' && (code === '0' || code === '1')) {
      const platform = variable.shortLabel?.[lang] ?? name;
      return code === '1' ? this.strings[lang].uses(platform) : this.strings[lang].doesNotUse(platform);
    }
    if (this.codebook) return levelLabelOf(this.codebook, name, code, lang);
    return code;
  }

  /** The codebook's level order of a variable (presentation order), if it has one. */
  levelOrder(name: string): string[] | undefined {
    name = this.base(name);
    return (this.codebook ? levelsOf(this.codebook, name) : undefined) ?? DERIVED_LEVELS[name];
  }

  /** Codebook section title, or the id. */
  sectionTitle(id: string, lang: Lang): string {
    return this.codebook?.sections.find((section) => section.id === id)?.title[lang] ?? id;
  }

  /** Codebook section id a variable (or a scale, or the knowledge score) belongs to. */
  sectionOf(name: string): string | undefined {
    if (!this.codebook) return undefined;
    const direct = this.codebook.sections.find((section) => section.variables.includes(name));
    if (direct) return direct.id;
    if (this.codebook.sections.some((section) => section.id === name)) return name;
    const scale = this.codebook.scales.find((s) => s.id === name);
    if (scale) return this.sectionOf(scale.items[0] ?? '');
    const knowledge = this.codebook.knowledgeScores.find((k) => k.id === name);
    if (knowledge) return this.sectionOf(knowledge.items[0] ?? '');
    return undefined;
  }

  private itemRange(item: string | undefined): [number, number] | undefined {
    const variable = this.codebook && item !== undefined ? variableOf(this.codebook, item) : undefined;
    const codes = variable?.options?.map((option) => Number(option.code)).filter(Number.isFinite) ?? [];
    return codes.length === 0 ? undefined : [Math.min(...codes), Math.max(...codes)];
  }

  /** Score range of a scale (from its items' options), e.g. [1, 5]. */
  scaleRange(name: string): [number, number] | undefined {
    if (!this.codebook) return undefined;
    const scale = scaleOf(this.codebook, name);
    const knowledge = this.codebook.knowledgeScores.find((k) => k.id === name);
    if (knowledge) return [0, knowledge.items.length];
    const item = scale ? variableOf(this.codebook, scale.items[0] ?? '') : undefined;
    const codes = item?.options?.map((option) => Number(option.code)).filter(Number.isFinite) ?? [];
    if (codes.length === 0) return undefined;
    const range: [number, number] = [Math.min(...codes), Math.max(...codes)];
    return scale?.scoring.method === 'sum' ? [range[0] * scale.items.length, range[1] * scale.items.length] : range;
  }

  isScale(name: string): boolean {
    return this.codebook !== undefined && (scaleOf(this.codebook, name) !== undefined || this.codebook.knowledgeScores.some((k) => k.id === name));
  }

  isKnowledgeScore(name: string): boolean {
    return this.codebook?.knowledgeScores.some((k) => k.id === name) === true;
  }

  /** The correct answer code of a knowledge item. */
  correct(name: string): string | undefined {
    return this.codebook ? variableOf(this.codebook, name)?.correct : undefined;
  }

  /** Both languages at once. */
  both(get: (lang: Lang) => string): Localized {
    return { en: get('en'), ur: get('ur') };
  }
}
