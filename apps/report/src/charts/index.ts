export * from './common.js';
export * from './palette.js';
export * from './likertBars.js';
export * from './dotInterval.js';
export * from './smallMultiples.js';
export * from './awarenessBars.js';
export * from './coefficientPlot.js';
export * from './scoreDistribution.js';
