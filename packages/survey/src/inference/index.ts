export { benjaminiHochberg } from './multipleTesting.js';
export { fUpperTail, chiSquareUpperTail } from './distributions.js';
export { parseFormula, type ModelFormula } from './formula.js';
export type { ModelColumn, ModelData } from './modelData.js';
export { buildModelMatrix, type ModelMatrix } from './modelMatrix.js';
export { GLM_FAMILIES, type GlmFamilyName } from './glmFamily.js';
export { svyglm, type GlmOptions, type GlmResult, type GlmCoefficient } from './glm.js';
export { svyolr, type OlrOptions, type OlrResult, type OlrRow } from './olr.js';
export { ORDINAL_LINKS, type OrdinalLink } from './ordinalLinks.js';
export { svyttest, type TTestOptions, type TTestResult } from './ttest.js';
export {
  svychisq,
  type ChisqStatistic,
  type RaoScottFResult,
  type RaoScottChisqResult,
} from './raoScott.js';
