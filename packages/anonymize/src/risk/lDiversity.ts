import { distinctTexts, LeakriskError, isMissingCell, type Table } from '@leakrisk/survey';
import { quasiIdentifiers } from '../config/check.js';
import type { AnonymizeConfig, LDiversityConfig } from '../config/types.js';
import { groupKeys, keyCodes, type KeyGroups } from './frequencies.js';
import { textsOf } from './textsOf.js';

/** Diversity of one sensitive column within one equivalence class. */
export interface ClassDiversity {
  /** Group id in the {@link KeyGroups} the measure was computed on. */
  group: number;
  size: number;
  /** Distinct values; missing values count as one more value when any value is present (sdcMicro). */
  distinct: number;
  /** Entropy l: exp(−Σ p ln p) over the same categories as `distinct` (sdcMicro `Entropy_Ldiversity`). */
  entropy: number;
  /** Largest l for which the class is recursive (c,l)-diverse, r1 < c · (r_l + … + r_m), over present values; 1 when none. */
  recursive: number;
}

/**
 * Distinct, entropy and recursive (c,l) l-diversity of every equivalence class; the definitions of
 * Machanavajjhala et al. (2007) as sdcMicro's `ldiversity()` (src/Measure_Risk.h) and ARX compute them:
 *   distinct  = number of different sensitive values in the class;
 *   entropy   = exp(H), H = −Σ_s p_s ln p_s (so entropy l-diversity holds when exp(H) ≥ l);
 *   recursive = max l with r_1 < c · Σ_{i ≥ l} r_i, r sorted decreasing (holds for (c,l) when ≥ l).
 * As sdcMicro: missing sensitive values form one extra category for distinct and entropy (only when
 * the class has a present value; an all-missing class has distinct 0 and entropy 1) and are left out
 * of the recursive measure.
 */
export function classDiversity(
  groups: KeyGroups,
  sensitive: readonly string[],
  options: { c?: number; isMissing?: (cell: string) => boolean } = {},
): ClassDiversity[] {
  const c = options.c ?? 2;
  const isMissing = options.isMissing ?? ((cell: string) => cell === '' || cell === 'NA');
  const counts: Map<string, number>[] = Array.from({ length: groups.count }, () => new Map());
  const missing = new Float64Array(groups.count);
  for (let i = 0; i < sensitive.length; i++) {
    const g = groups.groupOf[i]!;
    const cell = sensitive[i]!;
    if (isMissing(cell)) missing[g]!++;
    else counts[g]!.set(cell, (counts[g]!.get(cell) ?? 0) + 1);
  }
  const out: ClassDiversity[] = [];
  for (let g = 0; g < groups.count; g++) {
    const size = groups.size[g]!;
    const freqs = [...counts[g]!.values()].sort((a, b) => b - a);
    let distinct = freqs.length;
    let h = 0;
    for (const f of freqs) h -= (f / size) * Math.log(f / size);
    if (missing[g]! > 0 && distinct > 0) {
      distinct++;
      h -= (missing[g]! / size) * Math.log(missing[g]! / size);
    }
    let recursive = freqs.length === 0 ? 0 : 1;
    if (freqs.length > 1) {
      let tail = 0;
      for (let i = 1; i < freqs.length; i++) tail += freqs[i]!;
      // tail = r_l + … + r_m for l = 2; raise l while r1 < c · tail
      for (let l = 2; l <= freqs.length && freqs[0]! < c * tail; l++) {
        recursive = l;
        tail -= freqs[l - 1]!;
      }
    }
    out.push({ group: g, size, distinct, entropy: Math.exp(h), recursive });
  }
  return out;
}

/** The l-diversity of one sensitive column over all classes, and the classes that fail the requirement. */
export interface LDiversityColumn {
  sensitive: string;
  /** Smallest distinct l over the classes. */
  minDistinct: number;
  /** Smallest entropy l (exp of the entropy) over the classes. */
  minEntropy: number;
  /** Smallest recursive l over the classes for the configured c (null when no recursive requirement). */
  minRecursive: number | null;
  /** Group ids of the classes that fail any configured variant. */
  violatingClasses: number[];
  /** Records in those classes. */
  violatingRecords: number;
}

export interface LDiversityReport {
  satisfied: boolean;
  columns: LDiversityColumn[];
  /** Per record: 1 when its class fails the requirement for some sensitive column. */
  violatingRows: Uint8Array;
}

/** Tolerance for entropy l: exp(H) ≥ l is checked as H ≥ ln l − 1e-12 (rounding of equal shares). */
const ENTROPY_TOLERANCE = 1e-12;

/**
 * Checks l-diversity (any combination of distinct, entropy and recursive (c,l)) for each sensitive
 * column separately, over the given equivalence classes (e.g. `groupKeys` of the recoded keys).
 */
export function checkLDiversity(
  groups: KeyGroups,
  sensitive: readonly { name: string; cells: readonly string[]; isMissing?: (cell: string) => boolean }[],
  requirement: Omit<LDiversityConfig, 'sensitive'>,
): LDiversityReport {
  const violating = new Uint8Array(groups.groupOf.length);
  const columns: LDiversityColumn[] = [];
  const classFails = new Uint8Array(groups.count);
  for (const column of sensitive) {
    const options: { c?: number; isMissing?: (cell: string) => boolean } = {};
    if (requirement.recursive !== undefined) options.c = requirement.recursive.c;
    if (column.isMissing !== undefined) options.isMissing = column.isMissing;
    const diversity = classDiversity(groups, column.cells, options);
    let minDistinct = Infinity;
    let minEntropy = Infinity;
    let minRecursive = Infinity;
    const failing: number[] = [];
    let records = 0;
    for (const d of diversity) {
      minDistinct = Math.min(minDistinct, d.distinct);
      minEntropy = Math.min(minEntropy, d.entropy);
      minRecursive = Math.min(minRecursive, d.recursive);
      const fails =
        (requirement.distinct !== undefined && d.distinct < requirement.distinct) ||
        (requirement.entropy !== undefined && Math.log(d.entropy) < Math.log(requirement.entropy) - ENTROPY_TOLERANCE) ||
        (requirement.recursive !== undefined && d.recursive < requirement.recursive.l);
      if (fails) {
        failing.push(d.group);
        records += d.size;
        classFails[d.group] = 1;
      }
    }
    columns.push({
      sensitive: column.name,
      minDistinct: diversity.length > 0 ? minDistinct : 0,
      minEntropy: diversity.length > 0 ? minEntropy : 0,
      minRecursive: requirement.recursive === undefined ? null : diversity.length > 0 ? minRecursive : 0,
      violatingClasses: failing,
      violatingRecords: records,
    });
  }
  for (let i = 0; i < violating.length; i++) violating[i] = classFails[groups.groupOf[i]!]!;
  return { satisfied: columns.every((c) => c.violatingClasses.length === 0), columns, violatingRows: violating };
}

/**
 * l-diversity of a file as it is, with the config's quasi-identifiers as keys (exact classes:
 * a missing key value is a category of its own, as in sdcMicro's `ldiversity`) and the config's
 * `privacy.l` requirement. Returns null when the config has no l-diversity requirement.
 */
export function measureLDiversity(
  table: Table,
  config: AnonymizeConfig,
  options: { missingCodes?: ReadonlyMap<string, ReadonlySet<string>> } = {},
): LDiversityReport | null {
  const l = config.privacy.l;
  if (l === undefined) return null;
  const column = (name: string) => {
    const j = table.header.indexOf(name);
    if (j < 0)
      throw new LeakriskError(
        `the config names column "${name}" but ${table.file} has no such column`,
        { file: config.file, column: name },
        "check the spelling against the data's header",
      );
    return table.columns[j]!;
  };
  const keys = quasiIdentifiers(config);
  const missing = (name: string) => {
    const codes = options.missingCodes?.get(name);
    return (cell: string) => isMissingCell(cell, codes);
  };
  const codes = keys.map((name) => keyCodes(distinctTexts(column(name)), options.missingCodes?.get(name)));
  const groups = groupKeys(codes, table.nrow);
  const requirement: Omit<LDiversityConfig, 'sensitive'> = {};
  if (l.distinct !== undefined) requirement.distinct = l.distinct;
  if (l.entropy !== undefined) requirement.entropy = l.entropy;
  if (l.recursive !== undefined) requirement.recursive = l.recursive;
  return checkLDiversity(
    groups,
    l.sensitive.map((name) => ({ name, cells: textsOf(column(name)), isMissing: missing(name) })),
    requirement,
  );
}
