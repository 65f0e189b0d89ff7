import { LeakriskError } from '../errors.js';
import { numericColumn } from '../io/columns.js';
import type { Table } from '../table/table.js';
import { codesFor, type BuildDesignOptions } from './designColumns.js';
import type { Strata } from './strata.js';
import type { DesignSpec, DesignStage } from './types.js';

/**
 * The sampling weights of `svydesign`: the `weights` column, or 1 / product of `probs`, or (neither
 * given) the product over stages of population / sampled units from the fpc, or else 1 for every
 * row. A missing, zero or negative weight (or impossible probability) is an error naming the row.
 */
export function designWeights(
  table: Table,
  spec: DesignSpec,
  options: BuildDesignOptions,
  stages: readonly DesignStage[],
  { strata }: Strata,
  hasFpc: boolean,
): Float64Array {
  const n = table.nrow;
  const file = table.file;
  const fpcColumns = spec.fpc ?? [];
  const weights = new Float64Array(n);
  if (spec.weights !== undefined) {
    const column = spec.weights;
    const w = numericColumn(table, column, { missingCodes: codesFor(options, column) });
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      if (!(wi > 0) || !Number.isFinite(wi)) {
        throw new LeakriskError(
          `row ${i + 1} has ${Number.isNaN(wi) ? 'a missing' : wi === 0 ? 'a zero' : wi < 0 ? 'a negative' : 'an infinite'} weight${Number.isNaN(wi) ? '' : ` (${wi})`}`,
          { file, row: i + 1, column },
          'every respondent needs a positive sampling weight: correct the weight, or remove the row before the analysis',
        );
      }
      weights[i] = wi;
    }
  } else if (spec.probs !== undefined) {
    const columns = Array.isArray(spec.probs) ? spec.probs : [spec.probs];
    weights.fill(1);
    for (const column of columns) {
      const p = numericColumn(table, column, { missingCodes: codesFor(options, column) });
      for (let i = 0; i < n; i++) {
        const pi = p[i]!;
        if (!(pi > 0 && pi <= 1)) {
          throw new LeakriskError(
            `row ${i + 1} has ${Number.isNaN(pi) ? 'a missing' : 'an impossible'} selection probability${Number.isNaN(pi) ? '' : ` (${pi})`}`,
            { file, row: i + 1, column },
            'selection probabilities must be greater than 0 and at most 1',
          );
        }
        weights[i] = weights[i]! / pi;
      }
    }
  } else if (hasFpc) {
    for (let i = 0; i < n; i++) {
      let w = 1;
      for (let s = 0; s < stages.length; s++) {
        const h = s === 0 ? strata[i]! : stages[s - 1]!.cluster[i]!;
        w *= stages[s]!.population[h]! / stages[s]!.sampled[h]!;
      }
      if (!Number.isFinite(w) || w > 1e12) {
        throw new LeakriskError(
          'no weights were given and they cannot be computed from the fpc (a stage has no population count)',
          { file, row: i + 1, column: fpcColumns.join(', ') },
          'give "weights" (or "probs"), or an fpc for every stage',
        );
      }
      weights[i] = w;
    }
  } else {
    weights.fill(1);
  }
  return weights;
}
