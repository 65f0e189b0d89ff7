export type { CalibrationResult } from './types.js';
export { calibrateDesign, type CalibrationMethod } from './calibrate.js';
export { checkMargins, MARGIN_TOTAL_TOLERANCE, type Margin, type CheckedMargin } from './margins.js';
export { postStratify, postStratifyWeights, PostStratumStep } from './postStratify.js';
export { rake, RakingStep, type RakeOptions } from './rake.js';
export { calibrateLinear, calibrateLinearTotals, RegressionCalibrationStep, type CalibrationColumn } from './linear.js';
export { trimWeights, type TrimOptions, type TrimResult } from './trim.js';
