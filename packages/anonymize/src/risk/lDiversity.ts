import { distinctTexts, LeakriskError, isMissingCell, type Table } from '@leakrisk/survey';
import { quasiIdentifiers } from '../config/check.js';
import type { AnonymizeConfig, LDiversityConfig } from '../config/types.js';
import { diversityOf, meetsLDiversity } from './diversity.js';
import { keyCodes } from './frequencies.js';
import { groupKeys, type KeyGroups } from './groupKeys.js';
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
 * Distinct, entropy and recursive (c,l) l-diversity of every equivalence class, as sdcMicro's
 * `ldiversity()` reports them (see `diversityOf` for the definitions): missing sensitive values form one
 * extra category for distinct and entropy (only when the class has a present value; an all-missing
 * class has distinct 0 and entropy 1) and are left out of the recursive measure.
 */
export function classDiversity(
  groups: KeyGroups,
  sensitive: readonly string[],
  options: { c?: number; isMissing?: (cell: string) => boolean } = {},
): ClassDiversity[] {
  const c = options.c ?? 2;
  const isMissing = options.isMissing ?? ((cell: string) => isMissingCell(cell));
  const counts: Map<string, number>[] = Array.from({ length: groups.count }, () => new Map());
  const missing = new Float64Array(groups.count);
  for (let i = 0; i < sensitive.length; i++) {
    const g = groups.groupOf[i]!;
    const cell = sensitive[i]!;
    if (isMissing(cell)) missing[g]!++;
    else counts[g]!.set(cell, (counts[g]!.get(cell) ?? 0) + 1);
  }
  return counts.map((values, g) => {
    const d = diversityOf(Float64Array.from(values.values()), 0, values.size, { missing: missing[g]!, c });
    return { group: g, size: groups.size[g]!, distinct: d.distinct, entropy: d.entropy, recursive: d.recursive };
  });
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
      if (!meetsLDiversity({ ...d, logEntropy: Math.log(d.entropy) }, requirement)) {
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
