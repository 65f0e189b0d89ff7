import type { SurveyDesign } from './types.js';

/**
 * Degrees of freedom of the design restricted to a domain, R's `degf(subset(design, domain))`:
 * the number of PSUs with at least one domain row of non-zero weight, minus the number of strata
 * with such rows. Without a domain this is `design.df` (PSUs − strata).
 */
export function domainDf(design: SurveyDesign, domain?: Uint8Array): number {
  const psu = design.stages[0]!.cluster;
  const weights = design.weights;
  const seenPsu = new Uint8Array(design.nPsu);
  const seenStratum = new Uint8Array(design.nStrata);
  let psus = 0;
  let strata = 0;
  for (let i = 0; i < design.nrow; i++) {
    if ((domain !== undefined && !domain[i]) || weights[i] === 0) continue;
    const c = psu[i]!;
    if (!seenPsu[c]) {
      seenPsu[c] = 1;
      psus++;
    }
    const h = design.strata[i]!;
    if (!seenStratum[h]) {
      seenStratum[h] = 1;
      strata++;
    }
  }
  return psus - strata;
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
