export * from './csv.js';
export * from './atomicWrite.js';
export * from './writeCsv.js';
export * from './columns.js';
export { loadAllColumns } from './byteTable.js';
export { cellBytesOf, type CellBytes } from './byteTable.js';
export * from './cellFactor.js';
export * from './writeColumns.js';
export * from './cellTexts.js';
