import { labelOf, levelLabelOf, levelsOf, scaleOf, shortLabelOf, variableOf, type Codebook, type Localized } from '@leakrisk/survey';
import type { Lang, Strings } from '../i18n/index.js';
import { ANSWER_WORDS } from '../i18n/answerWords.js';
import { humanizeName, midSentence } from '../i18n/sentenceCase.js';

/**
 * Names for what the report shows, in either language: question wording, short labels and answer
 * labels from the codebook; for a column the codebook does not describe (a variable derived by the
 * plan), its name written for people and its levels in the order the results give them.
 */
export class Labels {
  constructor(
    readonly codebook: Codebook | undefined,
    readonly strings: Record<Lang, Strings>,
    /** Levels seen in the results (domains and distribution levels), in order of appearance. */
    private readonly observedLevels: ReadonlyMap<string, string[]> = new Map(),
  ) {}

  /**
   * A copy of a column made for weighting (a plan's `gender_w`, derived from `gender`; `age_band_w`
   * from the banded `age_band`) is named like the column it copies.
   */
  private base(name: string): string {
    if (!this.codebook || variableOf(this.codebook, name) || !name.endsWith('_w')) return name;
    const stripped = name.slice(0, -2);
    return variableOf(this.codebook, stripped) || this.bandedFrom(stripped) ? stripped : name;
  }

  /**
   * The numeric codebook variable a column the codebook does not describe groups into bands (a plan's
   * `age_band` derived from `age` with `bands`), so that it is named from that variable in either
   * language ("Age band", "عمر کا گروپ") rather than from its column name, which has no Urdu.
   */
  private bandedFrom(name: string): string | undefined {
    const from = /^(.+)_(?:band|group)$/.exec(name)?.[1];
    if (!this.codebook || from === undefined || variableOf(this.codebook, name)) return undefined;
    return variableOf(this.codebook, from)?.type === 'numeric' ? from : undefined;
  }

  /**
   * A label (an answer, a group) as it reads inside an English sentence: its first letter lower-cased
   * only when its first word is a common answer word (`ANSWER_WORDS`) or one the codebook itself
   * writes in lower case ("Woman" → "woman" when a question asks "… a woman or a man?"), so that place
   * names and other proper nouns keep their capital ("Hyderabad and the towns along the Indus"). Urdu
   * has no case.
   */
  inSentence(label: string, lang: Lang): string {
    if (lang !== 'en') return label;
    const lowered = midSentence(label, lang);
    return lowered !== label && this.isCommonWord(lowered) ? lowered : label;
  }

  /**
   * The label of a level inside an English sentence: all the levels of a variable are written one way,
   * in lower case only when the first word of every one of its answers is a common word (see
   * {@link inSentence}: "Woman", "Man" → "woman", "man"), else as the codebook writes them ("Matric",
   * "Hyderabad"), so that the answers of one question never mix the two.
   */
  levelInSentence(name: string, code: string, lang: Lang): string {
    const label = this.level(name, code, lang);
    if (lang !== 'en') return label;
    const options = this.codebook ? (variableOf(this.codebook, this.base(name))?.options ?? []) : [];
    const allCommon = options.length > 0 && options.every((option) => this.isCommonWord(midSentence(option.label.en, 'en')));
    return allCommon || !this.codebook ? midSentence(label, lang) : label;
  }

  /** Whether the first word of a lower-cased label is one the codebook writes in lower case. */
  private isCommonWord(lowered: string): boolean {
    const firstWord = /^[A-Za-z'’]+/.exec(lowered)?.[0];
    return firstWord !== undefined && (ANSWER_WORDS.has(firstWord) || this.vocabulary().has(firstWord));
  }

  private words: Set<string> | undefined;

  /** The words the codebook's English text writes in lower case. */
  private vocabulary(): Set<string> {
    if (this.words) return this.words;
    const words = new Set<string>();
    const collect = (text: unknown) => {
      if (typeof text === 'string') for (const word of text.match(/(?<![A-Za-z'’-])[a-z][A-Za-z'’-]*/g) ?? []) words.add(word);
      else if (Array.isArray(text)) for (const item of text) collect(item);
      else if (text !== null && typeof text === 'object')
        for (const [key, value] of Object.entries(text)) if (key !== 'ur' && key !== 'code' && key !== 'name' && key !== 'id') collect(value);
    };
    collect(this.codebook ?? {});
    this.words = words;
    return words;
  }

  /** Whether the codebook describes this column, scale or score. */
  knows(name: string): boolean {
    const codebook = this.codebook;
    if (!codebook) return false;
    name = this.base(name);
    return variableOf(codebook, name) !== undefined || scaleOf(codebook, name) !== undefined || codebook.knowledgeScores.some((k) => k.id === name);
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
    return this.derivedName(name, lang);
  }

  /** A column the codebook does not describe: a banded numeric variable from that variable, else its name written for people. */
  private derivedName(name: string, lang: Lang): string {
    const from = this.bandedFrom(name);
    return from === undefined ? humanizeName(name) : this.strings[lang].bandOf(this.short(from, lang));
  }

  /** A short label for charts and tables. */
  short(name: string, lang: Lang): string {
    name = this.base(name);
    if (this.codebook) {
      const scale = scaleOf(this.codebook, name);
      if (scale) return scale.label[lang];
      const label = shortLabelOf(this.codebook, name, lang);
      if (label !== name) return label;
    }
    return this.derivedName(name, lang);
  }

  /**
   * A column named in a list of columns (the anonymization summary): its short label when the codebook
   * gives one, else its label when short (without a closing aside), else its name written for people
   * (a question's full wording is too long for a list).
   */
  columnName(name: string, lang: Lang): string {
    const variable = this.codebook ? variableOf(this.codebook, name) : undefined;
    const short = variable?.shortLabel?.[lang] ?? (this.codebook && scaleOf(this.codebook, name)?.label[lang]);
    if (short) return short;
    // A full label without its aside ("Name of the respondent (for call-backs only)") when that is short enough.
    const label = variable?.label[lang].replace(/\s*[(（][^)）]*[)）]\s*$/, '').replace(/[?؟:]\s*$/, '');
    return label !== undefined && label.length > 0 && label.length <= 48 ? label : this.derivedName(name, lang);
  }

  /** The label of a level of a grouping or item variable (a select-multiple option: "selected" or "not selected"). */
  level(name: string, code: string, lang: Lang): string {
    name = this.base(name);
    if (this.isOption(name) && (code === '0' || code === '1')) return code === '1' ? this.strings[lang].selected : this.strings[lang].notSelected;
    if (this.codebook) return levelLabelOf(this.codebook, name, code, lang);
    return code;
  }

  /** A group named on its own, outside a chart of its grouping: "Male", or "TikTok: selected" for an option column. */
  group(name: string, code: string, lang: Lang): string {
    const level = this.level(name, code, lang);
    return this.isOption(this.base(name)) ? `${this.short(name, lang)}: ${level}` : level;
  }

  /** Whether a grouping is one option of a select-multiple question (its groups read "TikTok: selected"). */
  isGroupOption(name: string): boolean {
    return this.isOption(this.base(name));
  }

  /** Whether a column is one option of a select-multiple question (coded 0/1). */
  private isOption(name: string): boolean {
    return this.codebook !== undefined && variableOf(this.codebook, name)?.type === 'multiselect';
  }

  /** Presentation order of a variable's levels: the codebook's, else the order the results give. */
  levelOrder(name: string): string[] | undefined {
    name = this.base(name);
    return (this.codebook ? levelsOf(this.codebook, name) : undefined) ?? this.observedLevels.get(name);
  }

  /** Codebook section title, or the section id written for people. */
  sectionTitle(id: string, lang: Lang): string {
    return this.codebook?.sections.find((section) => section.id === id)?.title[lang] ?? humanizeName(id);
  }

  /** Codebook section id a variable (or a scale, or a knowledge score) belongs to. */
  sectionOf(name: string): string | undefined {
    if (!this.codebook) return undefined;
    name = this.base(name);
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

  /** Score range of a scale (from its items' options), e.g. [1, 5]; a knowledge score's 0 to items. */
  scaleRange(name: string): [number, number] | undefined {
    if (!this.codebook) return undefined;
    const scale = scaleOf(this.codebook, name);
    const knowledge = this.codebook.knowledgeScores.find((k) => k.id === name);
    if (knowledge) return [0, knowledge.items.length];
    const range = this.itemRange(scale?.items[0]);
    if (!scale || !range) return undefined;
    return scale.scoring.method === 'sum' ? [range[0] * scale.items.length, range[1] * scale.items.length] : range;
  }

  isScale(name: string): boolean {
    return this.codebook !== undefined && (scaleOf(this.codebook, name) !== undefined || this.codebook.knowledgeScores.some((k) => k.id === name));
  }

  isKnowledgeScore(name: string): boolean {
    return this.codebook?.knowledgeScores.some((k) => k.id === name) === true;
  }

  /** The codebook type of a column (`likert`, `categorical`, `numeric`, …), when known. */
  typeOf(name: string): string | undefined {
    return this.codebook ? variableOf(this.codebook, this.base(name))?.type : undefined;
  }

  /** Both languages at once. */
  both(get: (lang: Lang) => string): Localized {
    return { en: get('en'), ur: get('ur') };
  }
}
