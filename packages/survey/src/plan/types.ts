import type { DesignSpec } from '../design/types.js';
import type { OrdinalLink } from '../inference/ordinalLinks.js';

/** Proportion confidence intervals, as `svyciprop(method = …)`: logit (default), beta (Korn–Graubard), mean (Wald). */
export type CiMethod = 'logit' | 'beta' | 'mean';
export type GlmFamily = 'gaussian' | 'quasibinomial' | 'quasipoisson';
export type PlanCalibrationMethod = 'rake' | 'poststratify' | 'linear';

/** Fields every analysis may carry. */
export interface AnalysisBase {
  /** Unique within the plan; names the CSV `results/<id>.csv`. */
  id: string;
  /** A codebook section id; the report groups results by it. */
  section?: string;
  /** A human label for the report. */
  label?: string;
}

export interface MeanAnalysis extends AnalysisBase {
  type: 'mean' | 'total';
  variable: string;
  by?: string[];
  naRm?: boolean;
}
export interface RatioAnalysis extends AnalysisBase {
  type: 'ratio';
  numerator: string;
  denominator: string;
  by?: string[];
  naRm?: boolean;
}
export interface ProportionAnalysis extends AnalysisBase {
  type: 'proportion';
  variable: string;
  level: string;
  ci?: CiMethod;
  by?: string[];
  naRm?: boolean;
}
export interface DistributionAnalysis extends AnalysisBase {
  type: 'distribution';
  variable: string;
  ci?: CiMethod;
  by?: string[];
  naRm?: boolean;
}
export interface QuantileAnalysis extends AnalysisBase {
  type: 'quantile';
  variable: string;
  probs: number[];
  by?: string[];
  naRm?: boolean;
}
export interface ChisqAnalysis extends AnalysisBase {
  type: 'chisq';
  rows: string;
  cols: string;
  /** `F` (second-order Rao–Scott, default) or `Chisq` (first-order). */
  statistic?: 'F' | 'Chisq';
}
export interface GlmAnalysis extends AnalysisBase {
  type: 'glm';
  formula: string;
  family?: GlmFamily;
  /** For a categorical quasibinomial response: the level counted as 1. */
  success?: string;
}
/** `svyolr`: a proportional-odds model of an ordered answer (levels in codebook order). */
export interface OrdinalAnalysis extends AnalysisBase {
  type: 'ordinal';
  formula: string;
  /** `logit` (default), `probit` or `cloglog` (survey's pgumbel), as `svyolr(method = …)`. */
  link?: OrdinalLink;
}
export interface ContrastAnalysis extends AnalysisBase {
  type: 'contrast';
  variable: string;
  by: string;
  /** First level's domain mean minus the second's. */
  levels: [string, string];
  naRm?: boolean;
}
export interface TtestAnalysis extends AnalysisBase {
  type: 'ttest';
  variable: string;
  by: string;
  /** The two groups; default: the by-variable's two levels. */
  levels?: [string, string];
}
export interface AlphaAnalysis extends AnalysisBase {
  type: 'alpha';
  items: string[];
  reverse?: string[];
  /** `survey::svycralpha` on the design instead of `psych::alpha`. */
  weighted?: boolean;
}
export interface OmegaAnalysis extends AnalysisBase {
  type: 'omega';
  items: string[];
  reverse?: string[];
}

export type Analysis =
  | MeanAnalysis
  | RatioAnalysis
  | ProportionAnalysis
  | DistributionAnalysis
  | QuantileAnalysis
  | ChisqAnalysis
  | GlmAnalysis
  | OrdinalAnalysis
  | ContrastAnalysis
  | TtestAnalysis
  | AlphaAnalysis
  | OmegaAnalysis;

export type AnalysisType = Analysis['type'];

export const ANALYSIS_TYPES: readonly AnalysisType[] = [
  'mean',
  'total',
  'ratio',
  'proportion',
  'distribution',
  'quantile',
  'chisq',
  'glm',
  'ordinal',
  'contrast',
  'ttest',
  'alpha',
  'omega',
];

export interface PlanCalibration {
  method: PlanCalibrationMethod;
  /** Population totals: variable → level → total. Every margin sums to the same total (within 0.1%). */
  margins: Record<string, Record<string, number>>;
  /** Raking: convergence tolerance and iteration cap (R's `rake(control = list(epsilon, maxit))`). */
  epsilon?: number;
  maxit?: number;
  /** Optional weight trimming after calibration (survey::trimWeights). */
  trim?: { lower?: number; upper?: number };
}

/** Derived columns, computed in order before anything else. */
export type Derivation =
  | { name: string; from: string; bands: number[] }
  | { name: string; from: string; map: Record<string, string>; missing?: string }
  | { scores: 'all' | string[] };

export interface Plan {
  /** The plan file (absolute), for messages and relative paths. */
  file: string;
  /** Absolute path of the codebook named in the plan, if any. */
  codebook?: string;
  /** Absolute path of the report settings named in the plan (`"report"`), if any: `analyze` copies them into the results folder. */
  report?: string;
  /** Absolute path of the file the calibration margins were read from, when the plan names one. */
  marginsFile?: string;
  derive?: Derivation[];
  design: DesignSpec;
  calibration?: PlanCalibration;
  analyses: Analysis[];
}
