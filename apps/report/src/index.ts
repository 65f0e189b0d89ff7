// The public surface of @leakrisk/report: the site builder and the chart functions.
export { buildReport, loadReportSettings, microdataNames, BUNDLED_CODEBOOK, BUNDLED_SETTINGS } from './build.js';
export type { BuildReportOptions, BuildReportResult } from './build.js';
export * from './charts/index.js';
export { en, ur, stringsFor } from './i18n/index.js';
export type { Lang, Strings } from './i18n/index.js';
export { assertAggregateOnly, assertAggregateCsvHeader, IDENTIFIER_COLUMNS } from './results/guard.js';
export type { MicrodataNames } from './results/guard.js';
export { summarizeAudit } from './results/audit.js';
export type { AuditSummary } from './results/audit.js';
export type { ReportSettings, HelpContact, ContactChannel } from './results/settings.js';
export type * from './results/types.js';
export { primarySuppression, protectGroups } from './model/disclosure.js';
export type { ProtectedCell } from './model/disclosure.js';
