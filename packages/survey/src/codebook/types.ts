/**
 * The survey instrument as data: every column of the raw survey file is one `Variable`, grouped
 * into sections, with English and Urdu wording. `data/instrument/codebook.json` is one of these,
 * validated by `data/instrument/codebook.schema.json`.
 */
export interface Localized {
  en: string;
  ur: string;
  /** Wording in further languages of the form, by language code (`pa`, `sd`, `ps`, …). */
  [language: string]: string;
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
  | 'text' // free text
  | 'date' // a date, date-time or time of day, as ISO text (`2024-06-11`, `2024-06-11T09:30:00`, `09:30:00`)
  | 'selectMultiple'; // the whole answer of a select-multiple question: the chosen option codes, space-separated

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
  /** Multiselect: the option this 0/1 column stands for (a form's `platforms/facebook` has option `facebook`). */
  option?: string;
  /** Help shown with the question (an XLSForm `hint`). */
  hint?: Localized;
  /**
   * The question type in the form the codebook was drawn from, as the form writes it: XLSForm
   * `integer`, `select_one`, `geopoint`, `phonenumber`, `deviceid`, `start`, `audit`, … or a
   * KoboToolbox/ODK submission column (`_uuid`, `_submission_time`). Tools that decide what identifies
   * a person (the anonymization draft) read it beside `type`.
   */
  formType?: string;
  /** Recorded by the device or server, not asked (XLSForm metadata, Kobo/ODK submission columns). */
  metadata?: boolean;
  /** Where the question sits in the form: its groups and name (`online/use/hours_online`). */
  path?: string;
  /** The repeat group the question belongs to: its answers are rows of another sheet, not columns here. */
  repeat?: string;
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
  /** The consent statement read to respondents (hand-written codebooks; a drawn codebook has none). */
  consent?: Localized;
  ethics?: { committee: string; reference: string; note?: Localized };
  contentNote?: Localized;
  /**
   * The languages the wording was written in (`["en", "ur"]`), when the codebook was drawn from a form
   * or data file. Where a language is missing its text repeats the first language's, so every label
   * still has `en` and `ur`; without this field every `ur` must be Urdu script.
   */
  languages?: string[];
  /** What the codebook was drawn from (file base name only) and how. */
  source?: { format: 'xlsform' | 'sav' | 'csv' | 'xlsx'; file: string };
  /** Points a person should review in a drawn codebook (guessed types, fallbacks, ignored rows). */
  notes?: string[];
  sections: Section[];
  variables: Variable[];
  scales: Scale[];
  knowledgeScores: KnowledgeScore[];
}
