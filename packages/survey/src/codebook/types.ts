/**
 * The survey instrument as data: every column of the raw survey file is one `Variable`, grouped
 * into sections, with English and Urdu wording. `data/instrument/codebook.json` is one of these,
 * validated by `data/instrument/codebook.schema.json`.
 */
export interface Localized {
  en: string;
  ur: string;
}

export interface ResponseOption {
  /** The value as written in the CSV cell (e.g. "1", "female", "Punjab"). */
  code: string;
  label: Localized;
}

export interface MissingCode {
  /** The value as written in the CSV cell (e.g. "98"). */
  code: string;
  label: Localized;
}

export type VariableType =
  | 'identifier' // direct identifier (name, phone, CNIC, email, respondent id)
  | 'design' // stratum, psu, weights, fpc, interview date
  | 'categorical' // single choice among `options`
  | 'multiselect' // one 0/1 column per option: `platform_tiktok`, … (`options` are 0/1)
  | 'likert' // ordered agreement/frequency scale with numeric codes
  | 'numeric' // a count or an amount (age, household size, hours)
  | 'knowledge' // a knowledge question with a `correct` option
  | 'text'; // free text

export interface Variable {
  /** Column name in the CSV. */
  name: string;
  type: VariableType;
  /** The question as asked (or a description for non-questions). */
  label: Localized;
  /** Short label for tables and charts. */
  shortLabel?: Localized;
  /** Response options in the order they are presented; this is the level order in results. */
  options?: ResponseOption[];
  /** Codes that mean "missing" for this column, e.g. 98 don't know, 99 refused. */
  missingCodes?: MissingCode[];
  /** Likert: reverse-keyed (scored as min + max − x). */
  reverse?: boolean;
  /** Sensitive item (asked after the content note; protected in outputs). */
  sensitive?: boolean;
  /** Numeric variables: allowed range. */
  min?: number;
  max?: number;
  /** Knowledge items: the code of the correct answer. */
  correct?: string;
  /** Multiselect: the question this 0/1 column belongs to (e.g. "platform"). */
  group?: string;
}

export interface Scale {
  id: string;
  label: Localized;
  /** The construct it is modelled on (published scale), for documentation only. */
  construct?: string;
  items: string[];
  /** Items that are reverse-keyed within this scale. */
  reverse: string[];
  /** Subscales: id → items. */
  subscales?: Record<string, { label: Localized; items: string[] }>;
  /** Scoring: mean of answered items (after reverse-keying) when at least `minAnswered` are answered. */
  scoring: { method: 'mean' | 'sum'; minAnswered: number };
}

export interface KnowledgeScore {
  id: string;
  label: Localized;
  /** Knowledge items; each scores 1 when the answer equals the item's `correct` code, else 0. */
  items: string[];
}

export interface Section {
  id: string;
  title: Localized;
  /** Shown before the section (e.g. the content note before the sensitive module). */
  intro?: Localized;
  /** Names of variables in this section, in order. */
  variables: string[];
}

export interface Codebook {
  id: string;
  version: string;
  title: Localized;
  /** Says the data are synthetic when they are. */
  synthetic: boolean;
  consent: Localized;
  ethics: { committee: string; reference: string; note?: Localized };
  contentNote: Localized;
  sections: Section[];
  variables: Variable[];
  scales: Scale[];
  knowledgeScores: KnowledgeScore[];
}
