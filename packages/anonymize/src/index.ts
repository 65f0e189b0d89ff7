// The public surface of @leakrisk/anonymize. Each concern re-exports its own files from its folder's index.
export * from './config/index.js';
export * from './text/index.js';
export * from './pseudonym/index.js';
export * from './recode/index.js';
export * from './search/index.js';
export * from './risk/index.js';
export * from './suppress/index.js';
export * from './tables/index.js';
export * from './audit/index.js';
export * from './pipeline/index.js';
