import { LeakriskError } from '@leakrisk/survey';
import type { ColumnConfig, ReleaseDesignConfig, ReleaseReplicateType } from './types.js';

/** The config's `design` block as written (its shape already checked by the schema). */
export interface RawReleaseDesign {
  ids?: string[];
  strata?: string;
  weights: string;
  fpc?: string[];
  nest?: boolean;
  lonelyPsu?: ReleaseDesignConfig['lonelyPsu'];
  replicates: { type: ReleaseReplicateType; count?: number; prefix?: string };
}

/** Replicate columns are called `repw1`, `repw2`, … unless the config says otherwise. */
const DEFAULT_PREFIX = 'repw';

/**
 * Checks the config's `design` block against its columns and returns its normalised form. A release
 * with replicate weights exists so that strata, PSUs and fpc need not be released: each must be
 * classified `"drop"`, and the full-sample weights `"keep"` (they go with the replicates). The replicate
 * columns' names (`prefix` + 1, 2, …) must not be any column's name; a bootstrap draws from a seed
 * derived from the key, so it needs `keyFrom`; the jackknife makes one replicate per PSU, so it takes no
 * `count`.
 */
export function parseReleaseDesign(raw: RawReleaseDesign, columns: Record<string, ColumnConfig>, file: string, hasKey: boolean): ReleaseDesignConfig {
  const at = (field: string) => ({ file, column: `design.${field}` });
  const weights = columns[raw.weights];
  if (weights?.role !== 'keep') {
    throw new LeakriskError(
      weights === undefined
        ? `design.weights names "${raw.weights}", which is not in "columns"`
        : `design.weights "${raw.weights}" is "${weights.role}", but the replicate weights are released with the full-sample weights`,
      at('weights'),
      `classify "${raw.weights}" as "keep"`,
    );
  }
  const designColumns: [string, string][] = [
    ...(raw.ids ?? []).map((c, s): [string, string] => [`ids[${s}]`, c]),
    ...(raw.strata === undefined ? [] : [['strata', raw.strata] as [string, string]]),
    ...(raw.fpc ?? []).map((c, s): [string, string] => [`fpc[${s}]`, c]),
  ];
  for (const [field, name] of designColumns) {
    const role = columns[name]?.role;
    if (role === 'drop') continue;
    throw new LeakriskError(
      role === undefined
        ? `design.${field} names "${name}", which is not in "columns"`
        : `design.${field} "${name}" is "${role}", but a release with replicate weights leaves the design's strata, PSU and fpc columns out`,
      at(field),
      `classify "${name}" as "drop": the replicate weights carry the design in its place`,
    );
  }
  if (raw.replicates.type === 'JKn' && raw.replicates.count !== undefined) {
    throw new LeakriskError(
      'the jackknife (JKn) makes one replicate per PSU, so it takes no "count"',
      at('replicates.count'),
      'remove "count", or use "type": "bootstrap" to choose the number of replicates',
    );
  }
  if (raw.replicates.type === 'bootstrap' && !hasKey) {
    throw new LeakriskError(
      'bootstrap replicate weights are drawn from a seed derived from the key, but the config has no "keyFrom"',
      at('replicates.type'),
      'add "keyFrom": "env:LEAKRISK_KEY" (or "file:key.txt"); `leakrisk keygen --out key.txt` writes a new key',
    );
  }
  const prefix = raw.replicates.prefix ?? DEFAULT_PREFIX;
  const named = new RegExp(`^${prefix}[0-9]+$`);
  const clash = Object.keys(columns).find((name) => named.test(name));
  if (clash !== undefined) {
    throw new LeakriskError(
      `the replicate columns ${prefix}1, ${prefix}2, … would take the name of column "${clash}"`,
      at('replicates.prefix'),
      'choose another "prefix" for the replicate columns, e.g. "bsw" or "repwt"',
    );
  }
  return {
    ids: [...(raw.ids ?? [])],
    ...(raw.strata === undefined ? {} : { strata: raw.strata }),
    weights: raw.weights,
    ...(raw.fpc === undefined ? {} : { fpc: [...raw.fpc] }),
    nest: raw.nest ?? false,
    ...(raw.lonelyPsu === undefined ? {} : { lonelyPsu: raw.lonelyPsu }),
    replicates: { type: raw.replicates.type, ...(raw.replicates.count === undefined ? {} : { count: raw.replicates.count }), prefix },
  };
}
