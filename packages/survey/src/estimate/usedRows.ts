import { LeakriskError } from '../errors.js';
import type { SurveyDesign } from '../design/types.js';
import type { EstimateOptions } from './result.js';

/** Rows that enter an estimate, and whether a missing value blocks it. */
export interface UsedRows {
  /** 1 = row enters (in domain, all values present, weight > 0). */
  used: Uint8Array;
  n: number;
  /** A value is missing in the domain and `naRm` is off: R returns NA. */
  blocked: boolean;
}

export function checkDomain(design: SurveyDesign, domain: Uint8Array | undefined): void {
  if (domain !== undefined && domain.length !== design.nrow) {
    throw new LeakriskError(`internal: domain mask of ${domain.length} rows for a design of ${design.nrow}`, { file: design.file }, 'report this as a bug');
  }
}

/** The rows of the domain where every variable is present (R: the subset after `na.rm`). */
export function usedRows(design: SurveyDesign, xs: readonly Float64Array[], options: EstimateOptions): UsedRows {
  const { domain } = options;
  checkDomain(design, domain);
  const n = design.nrow;
  const used = new Uint8Array(n);
  const w = design.weights;
  let count = 0;
  let blocked = false;
  for (let i = 0; i < n; i++) {
    if (domain !== undefined && !domain[i]) continue;
    let present = true;
    for (let k = 0; k < xs.length; k++) {
      if (Number.isNaN(xs[k]![i]!)) {
        present = false;
        break;
      }
    }
    if (!present) {
      if (!options.naRm && w[i] !== 0) blocked = true;
      continue;
    }
    if (w[i] === 0) continue;
    used[i] = 1;
    count++;
  }
  return { used, n: count, blocked };
}
