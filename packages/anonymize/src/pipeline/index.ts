export * from './anonymize.js';
export * from './quasi.js';
