// The anonymization config: types, JSON Schema, loading/validation, checks against the data, drafting.
export * from './types.js';
export * from './schema.js';
export * from './hierarchyFile.js';
export * from './load.js';
export * from './check.js';
export * from './draft.js';
