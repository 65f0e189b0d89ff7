import { distinctTexts, LeakriskError, textColumn, type Codebook, type DictionaryColumn, type Table } from '@leakrisk/survey';
import type { AnonymizeConfig } from '../config/types.js';
import { levelCount } from '../recode/hierarchy.js';
import { searchLattice, type SearchResult, type SearchSensitive } from '../search/lattice.js';
import { releasedPrivacy } from '../search/releasedPrivacy.js';
import type { AchievedPrivacy, PrivacyRequirement } from '../search/requirement.js';
import { prepareKey, prepareSensitive, quasiColumns, type PreparedKey } from './searchKeys.js';

/** The quasi-identifiers' release: what was searched, what was chosen, and what the written cells achieve. */
export interface ReleasedKeys {
  keys: PreparedKey[];
  sensitive: SearchSensitive[];
  requirement: PrivacyRequirement;
  /** Undefined when the config has no quasi-identifier. */
  search: SearchResult | undefined;
  /** Each key's released column, as its texts will be written. */
  released: Map<string, DictionaryColumn>;
  /** k and l of the release, computed again from the written cells (`releasedPrivacy`). */
  achieved: AchievedPrivacy;
}

export interface ReleaseKeysInput {
  table: Table;
  config: AnonymizeConfig;
  configFile: string;
  codebook: Codebook | undefined;
  /** A column's distinct texts (shared with the other steps). */
  distinctOf: (column: string) => DictionaryColumn;
  missingOf: (column: string) => ReadonlySet<string> | undefined;
  /** Keys a kept column gives away, with those columns: never suppressed locally (see `SearchKey.pinned`). */
  pinned: ReadonlyMap<string, readonly string[]>;
}

/**
 * The quasi-identifier step of `anonymize`, fail-closed:
 * 1. each key recoded to its first level (`prepareKey`: hierarchy file, bands or its own values);
 * 2. the least-loss generalisation plus local suppression that meets k-anonymity and l-diversity within
 *    `maxSuppressedShare` (`searchLattice`); none is an error saying what to change;
 * 3. the release: a generalised value becomes its group's label, a suppressed cell an empty cell, a
 *    missing cell stays as written (below the top level);
 * 4. the guard: k and l computed again from the key cells exactly as they will be written, in the
 *    config's `missingMatches` mode (`releasedPrivacy`), independently of the search; a release that
 *    does not meet them is refused, so nothing is written.
 */
export function releaseKeys(input: ReleaseKeysInput): ReleasedKeys {
  const { table, config, configFile, codebook, distinctOf, missingOf, pinned } = input;
  const n = table.nrow;
  const keys = quasiColumns(config)
    .filter((c) => table.header.includes(c))
    .map((column) => ({
      ...prepareKey(column, config.columns[column]!, distinctOf(column), {
        file: table.file,
        missing: missingOf(column),
        missingMatches: config.privacy.missingMatches,
        ...(codebook ? { codebook } : {}),
      }),
      ...(pinned.has(column) ? { pinned: true } : {}),
    }));
  const lConfig = config.privacy.l;
  const sensitive = (lConfig?.sensitive ?? []).map((s) => prepareSensitive(s, distinctOf(s), missingOf(s)));
  const requirement: PrivacyRequirement = {
    k: config.privacy.k,
    missingMatches: config.privacy.missingMatches,
    ...(lConfig
      ? {
          l: {
            ...(lConfig.distinct !== undefined ? { distinct: lConfig.distinct } : {}),
            ...(lConfig.entropy !== undefined ? { entropy: lConfig.entropy } : {}),
            ...(lConfig.recursive ? { recursive: lConfig.recursive } : {}),
          },
        }
      : {}),
  };
  const search = keys.length > 0 ? searchLattice({ keys, sensitive, nrow: n, requirement, maxSuppressedShare: config.privacy.maxSuppressedShare }) : undefined;
  if (search && !search.best) throw unmet(config, configFile, keys, search, n, pinned);
  const best = search?.best;
  const released = new Map<string, DictionaryColumn>();
  if (best) {
    keys.forEach((k, j) => {
      const out = search!.release(j);
      const atTop = best.levels[j]! >= levelCount(k.hierarchy) - 1;
      if (!atTop) {
        const { codes, levels } = distinctOf(k.column);
        for (let i = 0; i < n; i++) if (k.leaves[i]! < 0) out[i] = levels[codes[i]!]!;
      }
      released.set(k.column, distinctTexts(textColumn(out)));
    });
  }
  const achieved = releasedPrivacy(
    keys.map((k) => released.get(k.column)!),
    keys.map((k) => missingOf(k.column)),
    sensitive,
    requirement,
    n,
  );
  if (keys.length > 0 && achieved.violatingRecords > 0) {
    throw new LeakriskError(
      `the output as it would be written does not meet the requirement: ${achieved.violatingRecords} record${achieved.violatingRecords === 1 ? ' is' : 's are'} in a class below k = ${config.privacy.k}${requirement.l ? ' or without l-diverse sensitive values' : ''} (missingMatches "${config.privacy.missingMatches}")`,
      { file: configFile, column: 'privacy' },
      'a hierarchy group label written like a missing code (NA, a codebook code) or like another value can cause this: rename it; otherwise it is a bug in leakrisk, please report it. No data file was written',
    );
  }
  return { keys, sensitive, requirement, search, released, achieved };
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

/** The error when no node of the lattice meets the requirement: the requirement, the closest node, the fix. */
function unmet(
  config: AnonymizeConfig,
  configFile: string,
  keys: PreparedKey[],
  search: SearchResult,
  n: number,
  pinned: ReadonlyMap<string, readonly string[]>,
): LeakriskError {
  const p = config.privacy;
  const parts = [`k = ${p.k}`];
  if (p.l?.distinct !== undefined) parts.push(`distinct l = ${p.l.distinct}`);
  if (p.l?.entropy !== undefined) parts.push(`entropy l = ${p.l.entropy}`);
  if (p.l?.recursive !== undefined) parts.push(`recursive (c = ${p.l.recursive.c}, l = ${p.l.recursive.l})`);
  const weakest = keys[search.order[0]!]!.column;
  const closest = search.closest;
  const detail = closest
    ? `; the closest solution (${closest.levels.map((level, j) => `${keys[j]!.column} at ${keys[j]!.hierarchy.levelNames[level]}`).join(', ')}) would suppress cells in at least ${closest.suppressedRecords} of ${n} records (${percent(n === 0 ? 0 : closest.suppressedRecords / n)})`
    : '';
  // Keys that kept columns give away are never suppressed: say so, since it is often why.
  const given = [...pinned].map(([key, kept]) => `"${key}" (given away by ${kept.map((c) => `"${c}"`).join(', ')})`);
  const pins =
    given.length > 0
      ? `; ${given.join(' and ')} ${given.length === 1 ? 'is' : 'are'} never suppressed, since a kept column would give ${given.length === 1 ? 'it' : 'them'} back`
      : '';
  return new LeakriskError(
    `${parts.join(' and ')} cannot be met with at most ${percent(p.maxSuppressedShare)} of records suppressed${detail}${pins}`,
    { file: configFile, column: 'privacy' },
    `raise privacy.maxSuppressedShare, add a coarser hierarchy level for ${weakest}, or drop ${weakest} (or another quasi-identifier); no data file was written`,
  );
}
