export { benjaminiHochberg } from './multipleTesting.js';
export { twoSidedTPValue, fUpperTail, chiSquareUpperTail, tQuantileAt } from './distributions.js';
export { parseFormula, type ModelFormula } from './formula.js';
export type { ModelColumn, ModelData } from './modelData.js';
export { buildModelMatrix, type ModelMatrix } from './modelMatrix.js';
export { GLM_FAMILIES, type GlmFamilyName } from './glmFamily.js';
export { svyglm, type GlmOptions, type GlmResult, type GlmCoefficient } from './glm.js';
export { svyttest, type TTestOptions, type TTestResult } from './ttest.js';
export {
  svychisq,
  type ChisqStatistic,
  type RaoScottFResult,
  type RaoScottChisqResult,
} from './raoScott.js';
