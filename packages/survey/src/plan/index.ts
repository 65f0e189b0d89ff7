export { ANALYSIS_TYPES } from './types.js';
export type {
  AlphaAnalysis,
  Analysis,
  AnalysisBase,
  AnalysisType,
  ChisqAnalysis,
  CiMethod,
  ContrastAnalysis,
  Derivation,
  DistributionAnalysis,
  GlmAnalysis,
  GlmFamily,
  MeanAnalysis,
  OmegaAnalysis,
  OrdinalAnalysis,
  Plan,
  PlanCalibration,
  PlanCalibrationMethod,
  ProportionAnalysis,
  QuantileAnalysis,
  RatioAnalysis,
  TtestAnalysis,
} from './types.js';
export { checkPlan } from './schema.js';
export { loadPlan } from './load.js';
export { applyDerivations, bandLabels, type DerivedColumn } from './derive.js';
export { runPlan, type RunPlanInput } from './run.js';
export { resultToCsv } from './resultCsv.js';
export type { Results, ResultsMeta, ResultsDesign, ResultsCalibration, AnalysisResult, ResultRow } from './results.js';
export { columnsUsedBy } from './columnsUsed.js';
