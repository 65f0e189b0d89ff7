export * from './bands.js';
export * from './hierarchy.js';
export * from './autoHierarchy.js';
