export * from './csv.js';
export { parseCsvBytes } from './csvBytes.js';
export * from './atomicWrite.js';
export * from './writeCsv.js';
export * from './columns.js';
export * from './writeColumns.js';
export { parseStructuredText, readStructuredFile, type StructuredFileWording } from './readStructuredFile.js';
export { bytesStartFormula, neutralizeFormula, startsFormula } from './neutralizeFormula.js';
