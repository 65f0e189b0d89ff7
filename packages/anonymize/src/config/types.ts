/**
 * The anonymization config (`anon.json` / `anon.yaml`) after loading and validation.
 * The file's shape is in `docs/CONTRACT.md`; this is the normalised form every step receives:
 * every column has an object spec, paths are resolved against the config's folder, defaults filled.
 */
import type { LonelyPsuRule } from '@leakrisk/survey';

/** What happens to a column. `quasi` columns are keys for k-anonymity and disclosure risk. */
export type ColumnRole = 'quasi' | 'drop' | 'pseudonymize' | 'scrub' | 'keep' | 'dateShift';

/** Short forms allowed as a plain string in the file (`"phone": "drop"`). */
export type ColumnAction = 'drop' | 'pseudonymize' | 'scrub' | 'keep';

export const COLUMN_ACTIONS: readonly ColumnAction[] = ['drop', 'pseudonymize', 'scrub', 'keep'];

/** The value `anonymize --init` writes for a column it cannot judge; a config holding it refuses to run. */
export const UNDECIDED = 'undecided';

/** First-level recoding of a numeric quasi-identifier. */
export interface RecodeSpec {
  /**
   * Lower bounds of the bands, strictly increasing: `[18, 25, 35]` gives `18-24`, `25-34`, `35+`
   * (values below the first bound are below the first band).
   */
  bands?: number[];
  /** Values above this are recoded to the top code. */
  topCode?: number;
  /** Values below this are recoded to the bottom code. */
  bottomCode?: number;
}

/**
 * A generalisation hierarchy in ARX's layout, read and checked by the loader.
 * `rows[i][0]` is an original value, `rows[i][h]` its group at level h (h = 1 … levels − 1);
 * full suppression (`*`) is the implied top level and is not stored.
 */
export interface HierarchyTable {
  /** The hierarchy file, resolved against the config's folder (absolute). */
  file: string;
  /** The path as written in the config, for messages. */
  path: string;
  /** Level names when the file has a header row (first cell equals the column name), else undefined. */
  header: string[] | undefined;
  /** One row per original value; every row has the same width (`levels`). */
  rows: string[][];
  /** Number of columns (level 0 = original values). */
  levels: number;
}

export interface ColumnConfig {
  role: ColumnRole;
  recode?: RecodeSpec;
  /** Parsed and validated ARX-layout hierarchy (quasi-identifiers only). */
  hierarchy?: HierarchyTable;
  /** 1 = most important = suppressed last (sdcMicro `localSuppression(importance=)`). */
  importance?: number;
  /** dateShift: the largest shift in days (either way). */
  maxDays?: number;
}

interface RecursiveCl {
  c: number;
  l: number;
}

/** l-diversity requirements on sensitive columns; any combination of the three variants. */
export interface LDiversityConfig {
  sensitive: string[];
  /** Distinct l-diversity: at least this many distinct sensitive values per equivalence class. */
  distinct?: number;
  /** Entropy l-diversity: entropy of each class's sensitive values ≥ ln(entropy). */
  entropy?: number;
  /** Recursive (c,l)-diversity: r1 < c · (r_l + … + r_m). */
  recursive?: RecursiveCl;
}

export type MissingMatches = 'any' | 'self';

export interface PrivacyConfig {
  /** k-anonymity: every key combination shared by at least k records (k ≥ 2). */
  k: number;
  l?: LDiversityConfig;
  /** Sampling-weight column for Fk and individual risk (sdcMicro `weightVar`). */
  weights?: string;
  /** Largest share of records that may have any quasi-identifier cell suppressed (default 0.05). */
  maxSuppressedShare: number;
  /** `any`: a missing key value matches every value (sdcMicro); `self`: missing is its own category (ARX). Default `any`. */
  missingMatches: MissingMatches;
  /** Household id column for household (hierarchical) risk. */
  household?: string;
}

/** Where the pseudonymization key comes from; the key itself is never stored in the config. */
export type KeySource = { kind: 'env'; variable: string; spec: string } | { kind: 'file'; path: string; spec: string };

export interface AnonymizeConfig {
  /** The config file as the user named it, for messages. */
  file: string;
  /** Folder that relative paths in the config are resolved against (absolute). */
  dir: string;
  /**
   * Every classified column, in the order the config lists them. A null-prototype object, so that
   * any column name (`__proto__`, `constructor`, …) is an own entry and nothing else answers.
   */
  columns: Record<string, ColumnConfig>;
  privacy: PrivacyConfig;
  /** Required when a column is `pseudonymize` or `dateShift`. */
  keyFrom?: KeySource;
  /** Codebook path resolved against the config's folder (absolute). */
  codebook?: string;
  /** A public-use release without design codes: replicate weights in place of strata and PSUs. */
  design?: ReleaseDesignConfig;
}

/** How the released file carries the sampling design (`"design"` in the config). */
export type ReleaseReplicateType = 'JKn' | 'bootstrap';

/**
 * The config's `design` block: the sampling design of the raw file, as a plan names it (R's
 * `svydesign`), and the replicate weights to release in place of its strata, PSU and fpc columns.
 */
export interface ReleaseDesignConfig {
  /** Cluster columns, PSU first (dropped from the release). */
  ids: string[];
  /** Stratum column (dropped from the release). */
  strata?: string;
  /** Full-sample weights (kept in the release). */
  weights: string;
  /** Finite population corrections, one per stage (dropped from the release). */
  fpc?: string[];
  nest: boolean;
  lonelyPsu?: LonelyPsuRule;
  replicates: {
    type: ReleaseReplicateType;
    /** Bootstrap: the number of replicates (default 50). The jackknife makes one per PSU. */
    count?: number;
    /** Replicate column names are this prefix and 1, 2, … (default `repw`). */
    prefix: string;
  };
}
