import { replicateVariance } from '../design/replicates/replicateVariance.js';
import type { SurveyDesign } from '../design/types.js';

/**
 * Cell proportions of a two-way table and their covariance on a replicate-weight design, as
 * `svychisq.svyrep.design` takes them (`svymean(mm, design, na.rm = TRUE)` of the cell indicators): the
 * full-sample proportions, each replicate's proportions with its analysis weights, and R's `svrVar` of
 * those (centred at the full-sample proportions with `mse`). One pass over the rows: per PSU and cell
 * when the replicate factors are per PSU, else per replicate column.
 *
 * @param cellOf each row's cell (−1 = a variable missing)
 */
export function cellProportionsReplicates(design: SurveyDesign, cellOf: Int32Array, cells: number): { proportions: Float64Array; covariance: Float64Array } {
  const replicates = design.replicates!;
  const storage = replicates.storage;
  const weights = design.weights;
  const combined = replicates.combinedWeights;
  const R = replicates.count;
  const n = design.nrow;
  const full = new Float64Array(cells);
  for (let i = 0; i < n; i++) if (cellOf[i]! >= 0) full[cellOf[i]!] += weights[i]!;
  const proportions = shares(full);
  const replicateCells = new Float64Array(R * cells);
  if (storage.kind === 'units') {
    const unitCells = new Float64Array(storage.nUnits * cells);
    for (let i = 0; i < n; i++) {
      const k = cellOf[i]!;
      if (k >= 0) unitCells[storage.unit[i]! * cells + k] += combined ? 1 : weights[i]!;
    }
    for (let u = 0; u < storage.nUnits; u++) {
      for (let r = 0; r < R; r++) {
        const f = storage.factors[u * R + r]!;
        if (f === 0) continue;
        for (let k = 0; k < cells; k++) replicateCells[r * cells + k] += f * unitCells[u * cells + k]!;
      }
    }
  } else {
    for (let r = 0; r < R; r++) {
      const column = storage.columns[r]!;
      for (let i = 0; i < n; i++) {
        const k = cellOf[i]!;
        if (k >= 0) replicateCells[r * cells + k] += combined ? column[i]! : column[i]! * weights[i]!;
      }
    }
  }
  for (let r = 0; r < R; r++) replicateCells.set(shares(replicateCells.subarray(r * cells, (r + 1) * cells)), r * cells);
  return { proportions, covariance: replicateVariance(replicateCells, cells, replicates, proportions).covariance };
}

function shares(totals: Float64Array): Float64Array {
  let sum = 0;
  for (let k = 0; k < totals.length; k++) sum += totals[k]!;
  return totals.map((t) => t / sum);
}
