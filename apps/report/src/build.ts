import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { type Codebook, formatCsvRows, LeakriskError, loadCodebook, parseCsvText, readStructuredFile } from '@leakrisk/survey';
import { BUNDLED_FONTS, bundledFontPath, FONT_LICENCES, fontPackageDir } from './charts/text/fonts.js';
import { en, type Lang, type Strings, ur } from './i18n/index.js';
import { observedLevels } from './model/domains.js';
import type { CsvValue } from './model/figures/spec.js';
import { Labels } from './model/labels.js';
import { publishedValues } from './model/publishedValues.js';
import { buildSiteModel, type SiteModel } from './model/site.js';
import { groupsPage } from './pages/groupsPage.js';
import { landingPage } from './pages/landingPage.js';
import { type PageInfo, pageHtml } from './pages/layout.js';
import { methodologyPage } from './pages/methodologyPage.js';
import { navEntries } from './pages/nav.js';
import { sectionPage } from './pages/sectionPage.js';
import { summarizeAudit } from './results/audit.js';
import { auditForDownload } from './results/auditDownload.js';
import { assertAggregateCsvHeader, assertAggregateOnly, microdataNames } from './results/guard.js';
import { refusePiiValues } from './results/pii.js';
import type { ReportSettings } from './results/settings.js';
import { defaultReportSettings, loadReportSettings } from './results/settingsFile.js';
import type { ResultsFile } from './results/types.js';
import { assetsDir } from './resources.js';

export interface BuildReportOptions {
  /** Folder holding `results.json` (and optionally `audit.json`, the codebook and the report settings). */
  resultsDir: string;
  /**
   * Folder to write the site into (created when missing). The CLI passes the empty temporary folder
   * its output guard made, and puts the files in place, all together, when the build succeeds.
   */
  outDir: string;
  /** Codebook to use instead of the one named in `results.json`'s meta. */
  codebookPath?: string;
  /** Report settings to use instead of the ones named in `results.json`'s meta. */
  settingsPath?: string;
}

export interface BuildReportResult {
  /** Pages written, relative to `outDir` (e.g. `index.html`, `ur/index.html`). */
  pages: string[];
  /** Things the researcher should know (unverified contacts, missing codebook, …). */
  warnings: string[];
  /** Every file the build read (results, codebook, settings, contacts, audit, plan), for the output guard. */
  inputs: string[];
}

/** Everything the report is built from, read and checked. */
export interface ReportInputs {
  results: ResultsFile;
  codebook: Codebook | undefined;
  settings: ReportSettings;
  /** The anonymization audit as read (`undefined` without one). */
  audit: unknown;
  margins: Record<string, Record<string, number>> | undefined;
  /** Every file read, for the output guard (no output may be one of them). */
  files: string[];
}

/** The site as files: pages and CSVs (`[path relative to the site, content]`), plus the bundled assets. */
export interface RenderedSite {
  files: [string, string][];
  pages: string[];
}

/** A file named in the results' meta, in the results folder (older results name a path relative to it). */
function namedInResults(resultsDir: string, name: unknown): string | undefined {
  return typeof name === 'string' && name !== '' ? resolve(resultsDir, name) : undefined;
}

function csvFilesIn(dir: string, depth = 1): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory() && depth > 0) found.push(...csvFilesIn(path, depth - 1));
    else if (stat.isFile() && /\.(csv|tsv)$/i.test(name)) found.push(path);
  }
  return found;
}

function firstLine(path: string): string {
  const text = readFileSync(path, 'utf8');
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '').replace(/^\ufeff/, '');
}

/** Calibration totals: from the results when given, else from the plan named in the meta, when it is in the results folder. */
function findMargins(results: ResultsFile, resultsDir: string, files: string[]): Record<string, Record<string, number>> | undefined {
  if (results.calibration?.margins && typeof results.calibration.margins === 'object') return results.calibration.margins;
  const planPath = namedInResults(resultsDir, results.meta.plan);
  if (!results.calibration || !planPath || !existsSync(planPath)) return undefined;
  try {
    const margins = (readStructuredFile(planPath, 'plan') as { calibration?: { margins?: unknown } }).calibration?.margins;
    files.push(planPath);
    if (typeof margins === 'string') {
      const file = resolve(dirname(planPath), margins);
      files.push(file);
      return readStructuredFile(file, 'calibration margins') as Record<string, Record<string, number>>;
    }
    return margins && typeof margins === 'object' ? (margins as Record<string, Record<string, number>>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the results folder and everything it names (the reading edge of the build): `results.json`,
 * the codebook and report settings (the options', else the ones the meta names in the folder, else
 * none: defaults), `audit.json`. Refuses microdata, and any published value that looks like PII.
 */
export function readReportInputs(options: BuildReportOptions, warnings: string[]): ReportInputs {
  const resultsDir = resolve(options.resultsDir);
  if (!existsSync(resultsDir) || !statSync(resultsDir).isDirectory()) {
    throw new LeakriskError('the results folder does not exist', { file: options.resultsDir }, 'pass the folder written by `leakrisk analyze --out DIR`');
  }
  const resultsFile = join(resultsDir, 'results.json');
  if (!existsSync(resultsFile))
    throw new LeakriskError('results.json not found', { file: resultsFile }, 'pass the folder written by `leakrisk analyze --out DIR`');
  const files = [resultsFile];
  const parsed = readStructuredFile(resultsFile, 'results');
  const meta =
    (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { meta?: Record<string, unknown> }).meta : undefined) ?? {};

  let codebookPath = options.codebookPath;
  if (codebookPath === undefined) {
    const named = namedInResults(resultsDir, meta['codebook']);
    if (named && existsSync(named)) codebookPath = named;
    else if (named)
      warnings.push(
        `the codebook named in results.json (${String(meta['codebook'])}) is not in the results folder: questions and answers are shown by their column names and codes`,
      );
    else warnings.push('no codebook: questions and answers are shown by their column names and codes (pass --codebook, or name one in the plan)');
  }
  const codebook = codebookPath === undefined ? undefined : loadCodebook(codebookPath);
  if (codebookPath !== undefined) files.push(codebookPath);

  const names = microdataNames(codebook, parsed);
  for (const file of csvFilesIn(resultsDir)) {
    const line = firstLine(file);
    if (line.length > 0) assertAggregateCsvHeader(parseCsvText(`${line}\n`, file).header, file, names);
  }
  const results = assertAggregateOnly(parsed, resultsFile, names);

  let settingsPath = options.settingsPath;
  if (settingsPath === undefined) {
    const named = namedInResults(resultsDir, meta['reportSettings']);
    if (named && existsSync(named)) settingsPath = named;
    else if (named)
      warnings.push(
        `the report settings named in results.json (${String(meta['reportSettings'])}) are not in the results folder: the report uses its defaults`,
      );
  }
  let settings = defaultReportSettings(codebook);
  if (settingsPath !== undefined) {
    const loaded = loadReportSettings(settingsPath, codebook);
    settings = loaded.settings;
    files.push(...loaded.files);
  }
  for (const contact of settings.contacts) {
    if (contact.status !== 'verified')
      warnings.push(
        `help contact "${contact.name.en}" is ${contact.status === undefined ? 'not marked verified' : `marked "${contact.status}"`}${contact.checked ? ` (recorded ${contact.checked})` : ''}: confirm its details at the source before publishing`,
      );
  }
  const auditPath = join(resultsDir, 'audit.json');
  const audit = existsSync(auditPath) ? readStructuredFile(auditPath, 'anonymization audit') : undefined;
  if (audit === undefined) warnings.push('no audit.json in the results folder: the methodology page says so');
  else files.push(auditPath);
  return { results, codebook, settings, audit, margins: findMargins(results, resultsDir, files), files };
}

/** A figure's CSV through the survey package's CSV writer (RFC 4180 quoting, spreadsheet formulas neutralised there). */
function csvText(header: string[], rows: CsvValue[][]): string {
  return formatCsvRows(
    header,
    rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
  );
}

/** Every page of the site in one language, as `[path relative to the site, html]`. */
function renderPages(document: Document, model: SiteModel, lang: Lang, t: Strings): [string, string][] {
  const nav = navEntries(model, lang, t);
  const pages: PageInfo[] = [
    landingPage(document, model, lang, t, nav),
    ...model.sections.map((section) => sectionPage(document, model, section, lang, t)),
    ...(model.hasGroupsPage ? [groupsPage(document, model, lang, t)] : []),
    methodologyPage(model, lang, t),
  ];
  const folder = lang === 'en' ? '' : `${lang}/`;
  return pages.map((page) => [`${folder}${page.file}`, pageHtml(model, lang, t, page, nav)]);
}

/**
 * The site from its inputs, in memory (no I/O): both editions of every page, one CSV per figure and
 * the audit (local paths cut to base names) in `data/`. Charts are drawn with d3 into inline SVG.
 */
export function renderReport(inputs: ReportInputs, warnings: string[]): RenderedSite {
  const strings = { en, ur };
  const labels = new Labels(inputs.codebook, strings, observedLevels(inputs.results.results));
  refusePiiValues(publishedValues(inputs.results, labels), 'results.json');
  const model = buildSiteModel({
    results: inputs.results,
    settings: inputs.settings,
    labels,
    strings,
    audit: inputs.audit === undefined ? undefined : summarizeAudit(inputs.audit),
    margins: inputs.margins,
    warnings,
  });
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  const files: [string, string][] = [];
  try {
    for (const lang of ['en', 'ur'] as const) files.push(...renderPages(dom.window.document, model, lang, strings[lang]));
  } finally {
    dom.window.close();
  }
  const pages = files.map(([path]) => path);
  for (const figure of model.figures.values()) files.push([`data/${figure.id}.csv`, csvText(figure.csv.header, figure.csv.rows)]);
  if (inputs.audit !== undefined) files.push(['data/audit.json', `${JSON.stringify(auditForDownload(inputs.audit), null, 2)}\n`]);
  return { files, pages };
}

/**
 * Writes a rendered site into `dir` (the writing edge of the build): its files, and the bundled
 * stylesheet, script, font files (Noto Sans, Noto Nastaliq Urdu) and their OFL licences in `assets/`.
 */
export function writeSiteInto(dir: string, site: RenderedSite): void {
  for (const [path, content] of site.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  mkdirSync(join(dir, 'assets', 'fonts'), { recursive: true });
  for (const [source, path] of bundledFiles()) copyFileSync(source, join(dir, path));
}

/** The files every site ships with, as [where the build reads it, its path in the site]: stylesheet, script, fonts and their licences. */
function bundledFiles(): [source: string, path: string][] {
  return [
    ...readdirSync(assetsDir).map((name): [string, string] => [join(assetsDir, name), join('assets', name)]),
    ...BUNDLED_FONTS.map((font): [string, string] => [bundledFontPath(font), join('assets', 'fonts', font.file)]),
    ...FONT_LICENCES.map((licence): [string, string] => [join(fontPackageDir(licence.fontPackage), 'LICENSE'), join('assets', 'fonts', licence.file)]),
  ];
}

/**
 * Builds the static bilingual report from a results folder: `index.html` (English) and
 * `ur/index.html` (Urdu) with topic, group-difference and methodology pages, one CSV per figure in
 * `data/`, and the bundled assets. Read, render, write: respondent-level input, or a published
 * value that looks like personal data, is refused before anything is written; the CLI writes the
 * site through its output guard (all files put in place together, or none), checking that no file
 * of the site is one of `inputs`.
 */
export async function buildReport(options: BuildReportOptions): Promise<BuildReportResult> {
  const warnings: string[] = [];
  const inputs = readReportInputs(options, warnings);
  const site = renderReport(inputs, warnings);
  writeSiteInto(resolve(options.outDir), site);
  // the bundled files are read too: a site folder that holds them (the package's own folder) must not replace them
  return { pages: site.pages, warnings, inputs: [...inputs.files, ...bundledFiles().map(([source]) => source)] };
}
