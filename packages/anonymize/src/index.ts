// The public surface of @leakrisk/anonymize, named one by one (as d3's index.js): what a researcher's
// script, the CLI and the report use. Everything else is internal to the package.

// Anonymizing a table with a config (the `anonymize` command).
export { anonymize, type AnonymizeInput, type AnonymizeOutput } from './pipeline/anonymize.js';
export type { Audit, ColumnTransformation, QuasiIdentifierAudit } from './audit/types.js';
export type { ColumnUtility } from './audit/utility.js';
export type { RiskSummary } from './audit/riskSummary.js';
export type { RecoverableKey } from './audit/recoverable.js';
export { comparePlanResults, type PlanImpact, type PlanImpactRow } from './audit/planImpact.js';

// A public-use release without design codes (the config's `design` block): the plan for the released
// file, and what the replicate weights cost in standard errors.
export type { DesignAudit } from './design/types.js';
export type { GroupRecovery } from './design/groupRecovery.js';
export { releasedPlan, type PlanFile } from './design/releasedPlan.js';
export { compareStandardErrors, type StandardErrorComparison, type StandardErrorRow } from './design/compareStandardErrors.js';

// The config: loading, its schema, the checks against the data, drafting (`anonymize --init`).
export { loadAnonymizeConfig, parseAnonymizeConfig, type ParseConfigOptions } from './config/load.js';
export { anonymizeConfigSchema } from './config/schema.js';
export { checkConfigAgainstTable, quasiIdentifiers } from './config/check.js';
export { draftConfig, type DraftColumn, type DraftConfig, type DraftOptions } from './config/draft.js';
export type {
  AnonymizeConfig,
  ColumnConfig,
  ColumnRole,
  HierarchyTable,
  KeySource,
  LDiversityConfig,
  MissingMatches,
  PrivacyConfig,
  RecodeSpec,
  ReleaseDesignConfig,
  ReleaseReplicateType,
} from './config/types.js';

// Keyed pseudonyms, date shifts and keys.
export { pseudonymize, pseudonymizer, type PseudonymOptions } from './pseudonym/hmac.js';
export { dateShiftDays, shiftDate } from './pseudonym/dateShift.js';
export { generateKey, MIN_KEY_BYTES, resolveKey, type KeyIo } from './pseudonym/key.js';

// Free-text scrubbing (through the text folder's own index, which the scrubbing work keeps).
export {
  findPii,
  normalizeForMatching,
  PII_TYPES,
  piiKindsIn,
  scrubColumn,
  scrubText,
  type NormalizedText,
  type PiiSpan,
  type PiiType,
  type ScrubColumnResult,
  type ScrubOptions,
  type ScrubResult,
} from './text/index.js';

// Disclosure risk as sdcMicro measures it (the `risk` command), and l-diversity.
export { measureRisk, type MeasureRiskOptions, type RecordRisk, type RiskReport } from './risk/measureRisk.js';
export { freqCalc, keyCodes, type FrequencyOptions, type KeyFrequencies } from './risk/frequencies.js';
export { groupKeys, type KeyGroups } from './risk/groupKeys.js';
export { individualRisk } from './risk/individualRisk.js';
export { globalRisk, householdRisk, kViolations, type HouseholdRisk } from './risk/globalRisk.js';
export { diversityOf, type Diversity } from './risk/diversity.js';
export {
  checkLDiversity,
  classDiversity,
  measureLDiversity,
  type ClassDiversity,
  type LDiversityColumn,
  type LDiversityReport,
} from './risk/lDiversity.js';

// Published tables: primary and secondary cell suppression (the report).
export {
  protectEstimates,
  protectTable,
  type DomainCount,
  type ProtectedDomain,
  type ProtectedTable,
  type ProtectTableOptions,
  type SuppressedCell,
  type SuppressionReason,
  type TableToProtect,
} from './tables/protect.js';
