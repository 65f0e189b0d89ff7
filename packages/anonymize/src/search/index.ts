export * from './classes.js';
export * from './requirement.js';
export * from './lossMeasure.js';
export * from './lattice.js';
