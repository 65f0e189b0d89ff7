export * from './csv.js';
export { parseCsvBytes } from './csvBytes.js';
export * from './atomicWrite.js';
export * from './writeCsv.js';
export * from './columns.js';
export * from './writeColumns.js';
