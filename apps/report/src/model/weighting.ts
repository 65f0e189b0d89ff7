import type { Weighting } from '../i18n/index.js';
import type { ResultsFile } from '../results/types.js';

/**
 * How the estimates were weighted, for the notes that say so: `calibrated` (design weights calibrated
 * to population totals), `weighted` (design weights), `unweighted` (every respondent counts once).
 * Read from the results: a calibration, else the design's `weighted` or `weights` field when present,
 * else whether the weights sum to something other than the number of rows (R's svydesign without
 * weights gives each row weight 1).
 */
export function weightingOf(results: ResultsFile): Weighting {
  if (results.calibration?.method) return 'calibrated';
  const design = results.design;
  if (typeof design?.weighted === 'boolean') return design.weighted ? 'weighted' : 'unweighted';
  if (typeof design?.weights === 'string' && design.weights.length > 0) return 'weighted';
  const sum = design?.sumWeights;
  const rows = results.meta.rows;
  if (typeof sum === 'number' && typeof rows === 'number' && rows > 0) return Math.abs(sum - rows) > 1e-6 * rows ? 'weighted' : 'unweighted';
  return 'weighted';
}
