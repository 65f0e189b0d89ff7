export type { Codebook, KnowledgeScore, Localized, MissingCode, ResponseOption, Scale, Section, Variable, VariableType } from './types.js';
export { loadCodebook, checkCodebook } from './load.js';
export { codebookSchema } from './schema.js';
export {
  variableOf,
  missingCodesOf,
  levelsOf,
  labelOf,
  shortLabelOf,
  levelLabelOf,
  scaleOf,
  type Language,
} from './accessors.js';
export { codebookFrom } from './codebookFrom.js';
export { readXlsForm } from './xlsform/readXlsForm.js';
export { codebookFromSav } from './fromSav.js';
export { isNonAnswer } from './nonAnswer.js';
