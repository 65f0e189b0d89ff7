export * from './types.js';
export * from './design.js';
export * from './variance.js';
export * from './domain.js';
