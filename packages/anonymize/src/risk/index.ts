// Disclosure risk (sdcMicro freqCalc / indivRisk / measure_risk) and l-diversity.
export * from './frequencies.js';
export * from './individualRisk.js';
export * from './globalRisk.js';
export * from './measureRisk.js';
export * from './lDiversity.js';
