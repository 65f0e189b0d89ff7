import type { SurveyDesign } from '../design/types.js';

/** What a calibration returns: the calibrated design and a summary for `results.json`'s `calibration`. */
export interface CalibrationResult {
  design: SurveyDesign;
  method: 'poststratify' | 'rake' | 'linear';
  /** Passes over the margins (1 for post-stratification and linear calibration, which are exact). */
  iterations: number;
  converged: boolean;
  /** Largest |calibrated weighted total − population total| over every level of every margin. */
  maxDiscrepancy: number;
}
