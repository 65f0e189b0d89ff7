/**
 * What the report reads: the contract's `results.json` (see CONTRACT.md "Results"). Only aggregates
 * ever come in here; `assertAggregateOnly` refuses anything that looks like respondent-level data.
 * Fields are optional where the contract leaves them to the analysis type.
 */

/** The domain of a row: `{}` for the whole population, `{ gender: "female" }` for a `by` row. */
export type Domain = Record<string, string>;

/** One row of any analysis; which fields are set depends on the analysis type. */
export interface ResultRow {
  domain?: Domain;
  /** `distribution` rows: the response level. */
  level?: string;
  /** `quantile` rows. */
  probability?: number;
  estimate?: number | null;
  se?: number | null;
  ciLow?: number | null;
  ciHigh?: number | null;
  df?: number | null;
  deff?: number | null;
  /** Unweighted count of rows that entered the estimate (the base). */
  n?: number | null;
  // tests
  statistic?: number | null;
  ndf?: number | null;
  ddf?: number | null;
  t?: number | null;
  pValue?: number | null;
  pAdjusted?: number | null;
  method?: string;
  /** `ttest` rows: the two levels compared, `[reference, other]` (the estimate is other minus reference). */
  levels?: string[];
  // glm and ordinal models
  term?: string;
  /** The model's fit drove this coefficient towards infinity (complete or quasi-complete separation). */
  separation?: boolean;
  // reliability
  alpha?: number | null;
  stdAlpha?: number | null;
  omegaTotal?: number | null;
  items?: { item: string; alphaIfDropped?: number | null; rDrop?: number | null }[];
}

export type AnalysisType =
  | 'mean'
  | 'total'
  | 'ratio'
  | 'proportion'
  | 'distribution'
  | 'quantile'
  | 'chisq'
  | 'glm'
  | 'ordinal'
  | 'contrast'
  | 'ttest'
  | 'alpha'
  | 'omega';

export interface AnalysisResult {
  id: string;
  type: AnalysisType | string;
  variable?: string;
  /** Grouping variables as given in the plan (string or list). */
  by?: string | string[];
  /** Codebook section id the plan put this analysis in. */
  section?: string;
  /** The plan's label for this analysis. */
  label?: string;
  level?: string;
  levels?: string[];
  /** chisq: the two crossed variables, rows first (as the analyze command echoes them). */
  variables?: string[];
  /** chisq: the crossed variables (the plan's `rows` cannot be echoed under that name). */
  rowVariable?: string;
  cols?: string;
  formula?: string;
  /** glm: gaussian | quasibinomial | quasipoisson. */
  family?: string;
  /** ordinal: logit | probit | cloglog. */
  link?: string;
  /** glm quasibinomial: the level counted as 1. */
  success?: string;
  /** ratio: the two variables. */
  numerator?: string;
  denominator?: string;
  /** alpha: the design-based svycralpha rather than psych::alpha. */
  weighted?: boolean;
  /** Warnings of the fit (e.g. separation, no convergence): its rows are not presented as findings. */
  warnings?: string[];
  items?: string[];
  reverse?: string[];
  rows: ResultRow[];
}

export interface ResultsMeta {
  tool?: string;
  version?: string;
  data?: string;
  dataSha256?: string;
  plan?: string;
  /** The codebook copied into the results folder, by base name (older results: a path relative to it). */
  codebook?: string;
  /** The report settings copied into the results folder, by base name (older results: a path relative to it). */
  reportSettings?: string;
  rows?: number;
  createdAt?: string;
}

export interface ResultsDesign {
  strata?: number | null;
  psus?: number | null;
  df?: number | null;
  sumWeights?: number | null;
  lonelyPsu?: string;
  /** The weights column, when the design has one (`null` or absent: none named). */
  weights?: string | null;
  /** Whether estimates are weighted (design weights or calibration); read when present. */
  weighted?: boolean;
  [key: string]: unknown;
}

export interface ResultsCalibration {
  method?: string;
  iterations?: number | null;
  converged?: boolean;
  maxDiscrepancy?: number | null;
  /** Not in the contract's example, shown when present: variable → level → population total. */
  margins?: Record<string, Record<string, number>>;
  [key: string]: unknown;
}

export interface ResultsFile {
  meta: ResultsMeta;
  design?: ResultsDesign | null;
  calibration?: ResultsCalibration | null;
  results: AnalysisResult[];
}
