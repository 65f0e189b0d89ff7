export { LONELY_PSU_RULES } from './types.js';
export type { CalibrationStep, DesignSpec, DesignStage, LonelyPsuRule, SurveyDesign } from './types.js';
export { buildDesign, stageStratumName, withWeights } from './design.js';
export type { BuildDesignOptions } from './design.js';
export { designVariance, designVarianceOfUnitTotals, UnitTotals } from './variance.js';
export type { VarianceOptions } from './variance.js';
export { domainDf, domainDfs, domainRows, levelMask, lonelyStrata } from './domain.js';
