import type { SurveyDesign } from '../design/types.js';
import { LeakriskError } from '../errors.js';
import { calibrateLinear } from './linear.js';
import type { Margin } from './margins.js';
import { postStratify } from './postStratify.js';
import { rake, type RakeOptions } from './rake.js';
import type { CalibrationResult } from './types.js';

export type CalibrationMethod = 'rake' | 'poststratify' | 'linear';

/**
 * The plan's `calibration` block: dispatches to {@link rake}, {@link postStratify} (one margin) or
 * {@link calibrateLinear} (GREG), each matching its R function.
 */
export function calibrateDesign(design: SurveyDesign, method: CalibrationMethod, margins: readonly Margin[], options: RakeOptions = {}): CalibrationResult {
  switch (method) {
    case 'rake':
      return rake(design, margins, options);
    case 'linear':
      return calibrateLinear(design, margins);
    case 'poststratify':
      if (margins.length !== 1) {
        throw new LeakriskError(
          `post-stratification uses one variable, but the plan gives ${margins.length} margins (${margins.map((m) => m.variable).join(', ')})`,
          { column: 'calibration.margins' },
          'use "method": "rake" for several margins, or derive one variable that crosses them and give its population counts',
        );
      }
      return postStratify(design, margins[0]!);
    default:
      throw new LeakriskError(`unknown calibration method "${String(method)}"`, { column: 'calibration.method' }, 'use one of rake, poststratify, linear');
  }
}
