import type { Random } from './random.js';

/**
 * Adult (18+) population by stratum (province × area), from `data/census/pakistan-2023-adults.json`
 * (`strata.totals`): PBS Census 2023 province totals × 53.4% adult share × urban share. Copied here
 * because the core never reads the disk; pass `census` to {@link synthesizeSurvey} to use others.
 */
export const DEFAULT_STRATA_TOTALS: Readonly<Record<string, number>> = {
  punjab_urban: 27751655,
  punjab_rural: 40434229,
  sindh_urban: 15980238,
  sindh_rural: 13761504,
  khyber_pakhtunkhwa_urban: 3274755,
  khyber_pakhtunkhwa_rural: 18542401,
  balochistan_urban: 2462438,
  balochistan_rural: 5491173,
  islamabad_urban: 592020,
  islamabad_rural: 670283,
};

/** One stratum of the synthetic design. */
export interface FrameStratum {
  id: string;
  province: string;
  area: string;
  /** Adult population of the stratum. */
  population: number;
  /** Respondents sampled. */
  sampled: number;
  /** PSUs in the population (enumeration blocks of about 600 adults; at least twice the sampled PSUs). */
  populationPsus: number;
  /** Respondents in each sampled PSU (about 10). */
  psuSizes: number[];
  /** Final weight of the respondents of each PSU: N_h / n_h × non-response adjustment. */
  psuWeights: number[];
}

const CLUSTER_SIZE = 10;
const ADULTS_PER_POPULATION_PSU = 600;

/**
 * A stratified two-stage design: `n` respondents allocated to strata in proportion to
 * N_h^0.7 (which oversamples small provinces) with urban strata boosted 1.3× (an internet-user frame
 * reaches towns more easily), at least 2 PSUs per stratum whenever n allows, PSUs of about 10.
 * Each PSU has a response rate (lower in towns); weights are N_h / n_h × (1 / rr_psu) rescaled within
 * the stratum so that they sum to N_h.
 */
export function buildFrame(n: number, strataTotals: Readonly<Record<string, number>>, random: Random): FrameStratum[] {
  const ids = Object.keys(strataTotals);
  const score = ids.map((id) => strataTotals[id]! ** 0.7 * (id.endsWith('_urban') ? 1.3 : 1));
  const minimum = n >= ids.length * 2 * CLUSTER_SIZE ? 2 * CLUSTER_SIZE : n >= ids.length * 2 ? 2 : 0;
  const sampled = apportion(n, score, minimum);
  return ids.map((id, h) => {
    const cut = id.lastIndexOf('_');
    const nh = sampled[h]!;
    const psuCount = nh === 0 ? 0 : Math.max(Math.min(2, nh), Math.round(nh / CLUSTER_SIZE));
    const psuSizes = Array.from({ length: psuCount }, (_, k) => Math.floor(nh / psuCount) + (k < nh % psuCount ? 1 : 0));
    const urban = id.endsWith('_urban');
    const stratumRate = (urban ? 0.64 : 0.8) + 0.08 * random.uniform();
    const inverseRates = psuSizes.map(() => 1 / Math.min(0.98, Math.max(0.3, stratumRate + 0.07 * random.normal())));
    const weightedSum = psuSizes.reduce((sum, size, k) => sum + size * inverseRates[k]!, 0);
    const population = strataTotals[id]!;
    const psuWeights = inverseRates.map((inverse) => (population * inverse) / weightedSum);
    return {
      id,
      province: id.slice(0, cut),
      area: id.slice(cut + 1),
      population,
      sampled: nh,
      populationPsus: Math.max(Math.round(population / ADULTS_PER_POPULATION_PSU), 2 * psuCount),
      psuSizes,
      psuWeights,
    };
  });
}

/** Integers summing to `total`, proportional to `score`, each at least `minimum` (largest remainders). */
function apportion(total: number, score: number[], minimum: number): number[] {
  const free = total - minimum * score.length;
  const sum = score.reduce((a, b) => a + b, 0);
  const exact = score.map((s) => (free * s) / sum);
  const out = exact.map((x) => minimum + Math.floor(x));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}
