import { accumulationOf } from '../design/accumulation.js';
import type { SurveyDesign } from '../design/types.js';
import { byGroups, groupMask, type ByFactor, type ByRow } from './by.js';
import { meanPerRow } from './mean.js';
import { meanOrTotalByDomainsPerUnit, meanPerUnit, totalPerUnit } from './meanTotalPerUnit.js';
import { meanOrTotalByDomainsReplicates } from './meanReplicates.js';
import type { EstimateResult, MeanOptions } from './result.js';
import { totalPerRow } from './total.js';

/** Largest domains × PSUs table the per-PSU kernel fills for a `by` at once (else one domain at a time). */
const MAX_DOMAIN_UNITS = 1 << 23;

/**
 * R's `svyby(~x, ~f1 + f2, design, svymean)` (or `svytotal`): the domains of `byGroups` (R's order,
 * empty ones dropped), each estimated as `svymean(x, subset(design, domain))`. With the per-PSU
 * kernel (`accumulationOf`) every domain comes from the same passes over the rows
 * (`meanOrTotalByDomainsPerUnit`); on a replicate design too (`meanOrTotalByDomainsReplicates`);
 * with the per-row kernel, one domain at a time.
 */
export function svybyMeanOrTotal(
  design: SurveyDesign,
  x: Float64Array,
  factors: readonly ByFactor[],
  kind: 'mean' | 'total',
  options: Omit<MeanOptions, 'domain'> = {},
): ByRow<EstimateResult>[] {
  const groups = byGroups(design, factors);
  const count = groups.domains.length;
  const accumulation = accumulationOf(design);
  const perUnit = accumulation === 'perUnit';
  const all =
    accumulation === 'replicates'
      ? meanOrTotalByDomainsReplicates(design, x, groups.codes, count, options, kind)
      : perUnit && count * design.stages[0]!.nClusters <= MAX_DOMAIN_UNITS
        ? meanOrTotalByDomainsPerUnit(design, x, groups.codes, count, options, kind)
        : undefined;
  const one = perUnit ? (kind === 'mean' ? meanPerUnit : totalPerUnit) : kind === 'mean' ? meanPerRow : totalPerRow;
  return groups.domains.map(({ domain, levels, nrow }, d) => {
    return { domain, levels, nrow, result: all?.[d] ?? one(design, x, { ...options, domain: groupMask(groups, d) }) };
  });
}
