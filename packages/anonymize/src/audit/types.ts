import type { PiiType } from '../text/types.js';
import type { DesignAudit } from '../design/types.js';
import type { PlanImpact } from './planImpact.js';
import type { RiskSummary } from './riskSummary.js';
import type { ColumnUtility } from './utility.js';
import type { RecoverableKey } from './recoverable.js';

/** What was done to one input column. Never holds a value of the column. */
export interface ColumnTransformation {
  column: string;
  action: 'drop' | 'pseudonymize' | 'scrub' | 'dateShift' | 'keep' | 'quasi';
  /** Non-missing cells in the input. */
  cells: number;
  /** Cells whose released text differs from the input (0 for keep; all cells for drop). */
  changed: number;
  /** scrub: PII spans replaced, by type. */
  replacements?: Record<PiiType, number>;
  /** dateShift: the largest shift in days. */
  maxDays?: number;
  /**
   * Released cells that would start a spreadsheet formula (`=`, `+`, `-`, `@`, tab, carriage return,
   * not a number), which every CSV the toolkit writes puts after a `'`; present only when there are some.
   */
  formulasNeutralised?: number;
}

/** The generalisation chosen for one quasi-identifier. */
export interface QuasiIdentifierAudit {
  column: string;
  /** Where its levels came from: a hierarchy file (as written in the config), bands, or its own values. */
  hierarchy: { kind: 'file'; path: string } | { kind: 'bands'; bands: number[] } | { kind: 'values'; topCode?: number; bottomCode?: number };
  /** Level names, lowest first; the last is `*` (suppressed). */
  levels: string[];
  chosenLevel: number;
  chosenLevelName: string;
  /** sdcMicro importance from the config (1 = most important), if given; its weight in the loss. */
  importance: number | null;
  weight: number;
  /** Records whose cell was released at a coarser level than the first. */
  generalisedCells: number;
  /** Records whose cell was suppressed: locally, or all non-missing cells at `*`. */
  suppressedCells: number;
  /** Of those, suppressed locally. */
  locallySuppressedCells: number;
  /** Loss of this column (see `lossMeasure.ts`), and shares of its cells generalised / suppressed. */
  loss: number;
  generalisedShare: number;
  suppressedShare: number;
}

/** The anonymization audit (`audit.json`): what was done and what it cost. No data values, no key. */
export interface Audit {
  tool: 'leakrisk';
  kind: 'anonymization-audit';
  /** The data and config files as named by the user. */
  data: string;
  config: string;
  rows: { in: number; out: number };
  columns: { in: number; out: number };
  transformations: ColumnTransformation[];
  quasiIdentifiers: QuasiIdentifierAudit[];
  privacy: {
    k: number;
    l: { sensitive: string[]; distinct?: number; entropy?: number; recursive?: { c: number; l: number } } | null;
    missingMatches: 'any' | 'self';
    maxSuppressedShare: number;
    /** What the released file achieves: smallest fk, and per sensitive column the smallest number of distinct values and the smallest exp(entropy) in a matching set. */
    achieved: {
      k: number;
      l: { column: string; distinct: number; entropy: number }[];
    };
    /** Records with at least one quasi-identifier cell suppressed, and their share. */
    suppressedRecords: number;
    suppressedShare: number;
  };
  search: {
    /** The loss measure minimised (see lossMeasure.ts). */
    measure: string;
    latticeSize: number;
    evaluated: number;
    /** True when the chosen node is proven least-loss under the measure. */
    optimal: boolean;
    /** Quasi-identifiers in the order cells are suppressed (least important first). */
    suppressionOrder: string[];
  };
  informationLoss: {
    /** The measure's value for the release: 0 = nothing lost, 1 = every key cell suppressed. */
    total: number;
    /** The same with generalisation only (before local suppression). */
    generalisation: number;
  };
  risk: { before: RiskSummary; after: RiskSummary };
  /** PII spans replaced in scrubbed columns, by type, over all of them. */
  pii: Record<PiiType, number>;
  utility: ColumnUtility[];
  /**
   * Kept columns that determine a quasi-identifier (e.g. `stratum` holding province and area; the rule
   * is in `pipeline/givenBack.ts`). Such a key is never suppressed locally, and a release in which the
   * kept column would give a key back more finely than it is released is refused.
   */
  recoverableKeys: RecoverableKey[];
  /** With `--plan`: each estimate's change in raw standard errors. */
  planImpact?: PlanImpact;
  /** With a `design` block: the replicate weights released in place of the design columns (`DesignAudit`). */
  design?: DesignAudit;
}
