import { replicateDegfByDomains } from './replicates/replicateDegf.js';
import type { SurveyDesign } from './types.js';

/**
 * Degrees of freedom of the design restricted to a domain, R's `degf(subset(design, domain))`:
 * the number of PSUs with at least one domain row of non-zero weight, minus the number of strata
 * with such rows. Without a domain this is `design.df` (PSUs − strata). On a replicate design, R's
 * `degf(design[domain, ])`: the rank of the domain's replicate weights minus one.
 */
export function domainDf(design: SurveyDesign, domain?: Uint8Array): number {
  return domainDfs(design, domain, 1)[0]!;
}

/**
 * {@link domainDf} of every domain at once, in one pass over the rows: `domains[i]` is row i's
 * domain (−1 = none), or with `nDomains` 1 a 0/1 mask (undefined = every row).
 */
export function domainDfs(design: SurveyDesign, domains: Int32Array | Uint8Array | undefined, nDomains: number): Int32Array {
  // A replicate design's degf is the rank of its replicate weights over the domain's rows, minus one.
  if (design.replicates !== undefined)
    return domains === undefined ? Int32Array.of(design.df) : replicateDegfByDomains(design.replicates, design.weights, domains, nDomains);
  const psu = design.stages[0]!.cluster;
  const weights = design.weights;
  const isMask = domains instanceof Uint8Array;
  const seenPsu = new Uint8Array(nDomains * design.nPsu);
  const seenStratum = new Uint8Array(nDomains * design.nStrata);
  const df = new Int32Array(nDomains);
  for (let i = 0; i < design.nrow; i++) {
    const d = domains === undefined ? 0 : isMask ? (domains[i] ? 0 : -1) : domains[i]!;
    if (d < 0 || weights[i] === 0) continue;
    const c = d * design.nPsu + psu[i]!;
    if (!seenPsu[c]) {
      seenPsu[c] = 1;
      df[d]!++;
    }
    const h = d * design.nStrata + design.strata[i]!;
    if (!seenStratum[h]) {
      seenStratum[h] = 1;
      df[d]!--;
    }
  }
  return df;
}

/** Number of rows in a domain (all rows without one): R's `nrow(subset(design, domain))`. */
export function domainRows(design: SurveyDesign, domain?: Uint8Array): number {
  if (domain === undefined) return design.nrow;
  let n = 0;
  for (let i = 0; i < design.nrow; i++) if (domain[i]) n++;
  return n;
}

/** Labels of the strata that have a single PSU in the sample (lonely PSUs at the first stage). */
export function lonelyStrata(design: SurveyDesign): string[] {
  const first = design.stages[0]!;
  const out: string[] = [];
  for (let h = 0; h < first.nStrata; h++) {
    if (first.sampled[h] === 1 && first.population[h]! > 1) out.push(design.strataLabels[h]!);
  }
  return out;
}

/** A domain mask (1 = in) from a factor's codes and one level. */
export function levelMask(codes: Int32Array, level: number): Uint8Array {
  const mask = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) if (codes[i] === level) mask[i] = 1;
  return mask;
}
