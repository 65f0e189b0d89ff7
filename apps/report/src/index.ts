// The public surface of @leakrisk/report: the site builder (read, render, write) and the chart functions.
export { buildReport, readReportInputs, renderReport, writeSiteInto } from './build.js';
export type { BuildReportOptions, BuildReportResult, RenderedSite, ReportInputs } from './build.js';
export * from './charts/index.js';
export { en, ur, stringsFor } from './i18n/index.js';
export type { Lang, Strings } from './i18n/index.js';
export type { ReportSettings, HelpContact, ContactChannel } from './results/settings.js';
export type * from './results/types.js';
