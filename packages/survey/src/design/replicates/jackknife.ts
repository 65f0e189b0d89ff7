import { LeakriskError } from '../../errors.js';
import type { SurveyDesign } from '../types.js';

/** Replicate factors per first-stage unit (PSU): `factors[u * count + r]`, with R's scale and rscales. */
export interface UnitFactors {
  factors: Float64Array;
  count: number;
  scale: number;
  rscales: Float64Array;
}

/**
 * Jackknife replicate factors made from a design's PSUs, R's `as.svrepdesign(design, type = "JK1" | "JKn")`
 * (`jk1weights`, `jknweights`; survey 4.1, `survey.drop.replicates = TRUE`):
 * - `JK1` (unstratified, n PSUs): replicate r drops PSU r (factor 0) and multiplies the others by n/(n − 1);
 *   scale = (1 − f)(n − 1)/n, rscales 1, with f = n/N from a first-stage fpc (else 0);
 * - `JKn`: for each stratum h with n_h PSUs, in the order the data first meets the strata and, within one,
 *   its PSUs: replicate (h, j) drops PSU j of stratum h and multiplies the stratum's other PSUs by
 *   n_h/(n_h − 1); other strata keep factor 1; rscales (1 − f_h)(n_h − 1)/n_h, scale 1.
 * A stratum sampled completely (fpc N_h = n_h) gets no replicates (it adds no variance). A stratum with one
 * PSU follows the design's lonely-PSU rule as `jknweights` does: `fail` is an error; `remove`, `certainty`
 * and `average` give it no replicate (`average` then multiplies the scale by PSUs / replicates, as R does);
 * `adjust` gives it one replicate dropping it and multiplying every other PSU by H/(H − 1) (H strata),
 * with rscale (H − 1)/H.
 */
export function jackknifeFactors(design: SurveyDesign, type: 'JK1' | 'JKn'): UnitFactors {
  const stage = design.stages[0]!;
  const nUnits = stage.nClusters;
  const where = { file: design.file, column: 'design.replicates.type' };
  if (type === 'JK1') {
    if (design.hasStrata) {
      throw new LeakriskError(
        'JK1 replicate weights are for an unstratified design, but this design has strata',
        where,
        'use "type": "JKn" for a stratified design (R: "Can\'t use JK1 for a stratified design")',
      );
    }
    const N = stage.population[0]!;
    const f = Number.isFinite(N) ? (N - nUnits) / N : 1;
    if (f === 0) return { factors: new Float64Array(0), count: 0, scale: 0, rscales: new Float64Array(0) };
    const factors = new Float64Array(nUnits * nUnits).fill(nUnits / (nUnits - 1));
    for (let u = 0; u < nUnits; u++) factors[u * nUnits + u] = 0;
    return { factors, count: nUnits, scale: (f * (nUnits - 1)) / nUnits, rscales: new Float64Array(nUnits).fill(1) };
  }
  if (!design.hasStrata) {
    throw new LeakriskError(
      'JKn replicate weights need strata, but this design has none',
      where,
      'use "type": "JK1" for an unstratified design (or add "strata" to the design)',
    );
  }
  // Strata in the order of their first row (= of their first PSU), PSUs of each in order of first row.
  const unitsOf: number[][] = Array.from({ length: design.nStrata }, () => []);
  const strataOrder: number[] = [];
  for (let u = 0; u < nUnits; u++) {
    const h = stage.clusterStratum[u]!;
    if (unitsOf[h]!.length === 0) strataOrder.push(h);
    unitsOf[h]!.push(u);
  }
  const columns: { factors: Float64Array; rscale: number }[] = [];
  const nStrata = strataOrder.length;
  for (const h of strataOrder) {
    const units = unitsOf[h]!;
    const n = units.length;
    const N = stage.population[h]!;
    const f = Number.isFinite(N) ? (N - n) / N : 1;
    if (f === 0) continue; // sampled completely: no replicates (survey.drop.replicates)
    if (n === 1) {
      const rule = design.lonelyPsu;
      if (rule === 'fail') {
        throw new LeakriskError(
          `stratum "${design.strataLabels[h]}" has only one PSU, so the jackknife cannot drop it`,
          { file: design.file, column: design.spec.strata },
          'choose a lonely-PSU rule in the design ("lonelyPsu": "remove", "certainty", "adjust" or "average", as R\'s survey.lonely.psu), or merge this stratum with a similar one',
        );
      }
      if (rule !== 'adjust') continue;
      const factors = new Float64Array(nUnits).fill(nStrata / (nStrata - 1));
      factors[units[0]!] = 0;
      columns.push({ factors, rscale: (nStrata - 1) / nStrata });
      continue;
    }
    for (const dropped of units) {
      const factors = new Float64Array(nUnits).fill(1);
      for (const u of units) factors[u] = u === dropped ? 0 : n / (n - 1);
      columns.push({ factors, rscale: (f * (n - 1)) / n });
    }
  }
  if (columns.length === 0) {
    throw new LeakriskError(
      'every stratum was sampled completely (fpc equal to the PSUs sampled), so there is no sampling variance to replicate',
      { file: design.file, column: design.spec.fpc?.[0] },
      'check the fpc column: it should hold the number of PSUs in the population of each stratum',
    );
  }
  const count = columns.length;
  const factors = new Float64Array(nUnits * count);
  columns.forEach((column, r) => {
    for (let u = 0; u < nUnits; u++) factors[u * count + r] = column.factors[u]!;
  });
  const scale = count < nUnits && design.lonelyPsu === 'average' ? nUnits / count : 1;
  return { factors, count, scale, rscales: Float64Array.from(columns, (c) => c.rscale) };
}
