import type { SurveyDesign } from '../design/types.js';
import { withWeights } from '../design/design.js';
import { LeakriskError } from '../errors.js';

export interface TrimOptions {
  /** Smallest allowed weight (default −Infinity: no lower bound). */
  lower?: number;
  /** Largest allowed weight (default Infinity: no upper bound). */
  upper?: number;
  /** Repeat until no weight is outside the bounds (R's `strict = TRUE`); default false, one pass. */
  strict?: boolean;
}

export interface TrimResult {
  design: SurveyDesign;
  /** Rows whose weight was cut to a bound, over all passes. */
  trimmed: number;
  /** Passes made (1 unless `strict`). */
  passes: number;
}

/**
 * Weight trimming, matching `survey::trimWeights(design, upper, lower, strict)` of survey 4.1.
 *
 * A pass cuts every weight outside `[lower, upper]` to the bound it crossed and spreads the amount
 * cut, `Σ (w_i − w'_i)`, *equally* over the weights that were inside the bounds (each gains
 * `Σ (w_i − w'_i) / #inside`), so the sum of the weights is unchanged. With `strict`, passes repeat
 * (every pass redistributing over the weights then inside) until no weight is out of bounds.
 * The calibration steps of the design are kept unchanged, as in R (trimming adds no step).
 * (survey ≥ 4.2 no longer gives back to weights trimmed in an earlier pass.)
 */
export function trimWeights(design: SurveyDesign, options: TrimOptions): TrimResult {
  const lower = options.lower ?? Number.NEGATIVE_INFINITY;
  const upper = options.upper ?? Number.POSITIVE_INFINITY;
  if (!(lower <= upper)) {
    throw new LeakriskError(
      `the lower trimming bound (${lower}) is above the upper bound (${upper})`,
      { column: 'trim' },
      'give a lower bound at or below the upper bound',
    );
  }
  let weights = design.weights;
  const n = weights.length;
  const trimmedRows = new Uint8Array(n);
  let passes = 0;
  for (;;) {
    let inside = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      if (weights[i]! < lower || weights[i]! > upper) outside++;
      else inside++;
    }
    if (outside === 0) break;
    if (inside === 0 || passes >= MAX_PASSES) {
      throw new LeakriskError(
        inside === 0
          ? `no weight lies within the trimming bounds [${lower}, ${upper}], so the trimmed amount cannot be redistributed`
          : `trimming to [${lower}, ${upper}] did not settle after ${MAX_PASSES} passes`,
        { file: design.file, column: 'trim' },
        'widen the trimming bounds so that most weights lie within them',
      );
    }
    passes++;
    const next = new Float64Array(n);
    let excess = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      const cut = Math.max(lower, Math.min(w, upper));
      next[i] = cut;
      excess += w - cut;
      if (cut !== w) trimmedRows[i] = 1;
    }
    const share = excess / inside;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (!(w < lower || w > upper)) next[i] = next[i]! + share;
    }
    weights = next;
    if (options.strict !== true) break;
  }
  if (passes === 0) return { design, trimmed: 0, passes: 0 };
  let trimmed = 0;
  for (let i = 0; i < n; i++) trimmed += trimmedRows[i]!;
  return { design: withWeights(design, weights), trimmed, passes };
}

const MAX_PASSES = 1000;
