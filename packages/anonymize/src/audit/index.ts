export * from './types.js';
export * from './riskSummary.js';
export * from './utility.js';
export * from './planImpact.js';
export * from './recoverable.js';
