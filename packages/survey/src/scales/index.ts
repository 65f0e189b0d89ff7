export * from './score.js';
export * from './alpha.js';
export * from './omega.js';
export * from './svycralpha.js';
export * from './pairwise.js';
export { itemValues, optionRange } from './itemValues.js';
