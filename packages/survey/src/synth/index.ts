export { synthesizeSurvey, type SynthOptions, type SynthCensus, type SyntheticSurvey } from './synthesize.js';
export { DEFAULT_STRATA_TOTALS } from './frame.js';
