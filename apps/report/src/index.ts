// The public surface of @leakrisk/report: the site builder (read, render, write) and the chart functions.
export { buildReport, readReportInputs, renderReport, writeSiteInto } from './build.js';
export type { BuildReportOptions, BuildReportResult, RenderedSite, ReportInputs } from './build.js';
export {
  awarenessBars,
  coefficientPlot,
  contrastRatio,
  createSvg,
  defaultNumber,
  defaultPercent,
  describeFullLabels,
  displayText,
  dotInterval,
  intervalDomain,
  likertBars,
  likertColors,
  luminance,
  mirror,
  palette,
  round,
  scoreDistribution,
  smallMultiples,
  SVG_NS,
  textColorOn,
  typographyOf,
} from './charts/index.js';
export type {
  AwarenessData,
  AwarenessRow,
  ChartOptions,
  CoefficientData,
  CoefficientRow,
  DotIntervalData,
  DotIntervalOptions,
  DotRow,
  Group,
  LikertData,
  LikertItem,
  LikertLevel,
  QuantilePoint,
  ScoreDistributionData,
  ScoreDistributionOptions,
  SmallMultiplesData,
  SmallMultiplesOptions,
  Svg,
  Typography,
} from './charts/index.js';
export { en, ur, stringsFor } from './i18n/index.js';
export type { Lang, Strings } from './i18n/index.js';
export type { ReportSettings, HelpContact, ContactChannel } from './results/settings.js';
export type { AnalysisResult, AnalysisType, Domain, ResultRow, ResultsCalibration, ResultsDesign, ResultsFile, ResultsMeta } from './results/types.js';
