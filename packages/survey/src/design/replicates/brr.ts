import { LeakriskError } from '../../errors.js';
import type { SurveyDesign } from '../types.js';
import { hadamard } from './hadamard.js';
import type { UnitFactors } from './jackknife.js';

/**
 * Balanced repeated replication made from a design, R's `as.svrepdesign(design, type = "BRR")`, and with
 * Fay's ρ, `type = "Fay", fay.rho = ρ` (R's `brrweights` with its defaults, survey 4.1):
 * - PSUs are paired within strata: a stratum of two PSUs is one pair; a stratum of an even number above two
 *   is split into consecutive pairs (R's `large = "split"`), and those pairs are numbered first. Strata are
 *   taken in the order of their labels as text (R's `as.character`, C collation), PSUs in the order of their
 *   first row;
 * - with H = R's `hadamard(pairs)` ({@link hadamard}), replicate r gives pair k's first PSU the factor
 *   2 − ρ and its second ρ when H[k + 1][r] = 1, and the other way round when it is 0 (the same half-samples
 *   as R's);
 * - replicates: the order of H; scale 1/(R (1 − ρ)²), rscales 1.
 * A stratum with one PSU, or an odd number above two, is an error (R: "Some strata have fewer than 2 PSUs",
 * "Can't split with odd numbers of PSUs in a stratum"). A first-stage fpc is dropped, as R does (with a warning).
 */
export function brrFactors(design: SurveyDesign, rho = 0): UnitFactors {
  const type = rho === 0 ? 'BRR' : 'Fay';
  const where = { file: design.file, column: design.spec.strata ?? 'design.replicates.type' };
  if (!design.hasStrata) {
    throw new LeakriskError(
      `${type} replicate weights need strata of two PSUs each, but this design has no strata`,
      where,
      'use "type": "JK1" for an unstratified design',
    );
  }
  const stage = design.stages[0]!;
  const nUnits = stage.nClusters;
  const unitsOf: number[][] = Array.from({ length: design.nStrata }, () => []);
  for (let u = 0; u < nUnits; u++) unitsOf[stage.clusterStratum[u]!]!.push(u);
  const strata = unitsOf
    .map((units, h) => ({ label: design.strataLabels[h]!, units }))
    .filter((s) => s.units.length > 0)
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  for (const s of strata) {
    const n = s.units.length;
    if (n < 2 || n % 2 === 1) {
      throw new LeakriskError(
        `stratum "${s.label}" has ${n} PSU${n === 1 ? '' : 's'}, but ${type} needs two PSUs in each stratum (or an even number, which R splits into pairs)`,
        where,
        n < 2
          ? 'merge this stratum with a similar one (collapsed strata), or use "type": "JKn" with a lonely-PSU rule'
          : 'pair the PSUs of this stratum yourself (a stratum column with two PSUs per stratum), or use "type": "JKn"',
      );
    }
  }
  // first = the PSU that gets 2 − ρ when the Hadamard entry is 1; pairs of large strata come first.
  const pairs: { first: number; second: number }[] = [];
  for (const large of [true, false]) {
    for (const s of strata) {
      if (s.units.length > 2 !== large) continue;
      for (let k = 0; k < s.units.length; k += 2) pairs.push({ first: s.units[k]!, second: s.units[k + 1]! });
    }
  }
  const H = hadamard(pairs.length);
  const count = H[0]!.length;
  const factors = new Float64Array(nUnits * count);
  pairs.forEach((pair, k) => {
    const row = H[k + 1]!;
    for (let r = 0; r < count; r++) {
      factors[pair.first * count + r] = row[r] === 1 ? 2 - rho : rho;
      factors[pair.second * count + r] = row[r] === 1 ? rho : 2 - rho;
    }
  });
  return { factors, count, scale: 1 / (count * (1 - rho) * (1 - rho)), rscales: new Float64Array(count).fill(1) };
}
