import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { LeakriskError, formatCsvRows, loadCodebook, parseCsvText, type Codebook, type Localized } from '@leakrisk/survey';
import { en, ur, type Lang, type Strings } from './i18n/index.js';
import { Labels } from './model/labels.js';
import { buildSiteModel, type SiteModel } from './model/site.js';
import { pageHtml, type PageInfo } from './pages/layout.js';
import { landingPage, methodologyPage, navEntries, sectionPage, subgroupsPage } from './pages/pages.js';
import { summarizeAudit } from './results/audit.js';
import { IDENTIFIER_COLUMNS, assertAggregateCsvHeader, assertAggregateOnly, type MicrodataNames } from './results/guard.js';
import type { HelpContact, ReportSettings } from './results/settings.js';
import type { ResultsFile } from './results/types.js';
import { assetsDir, bundledDataDir, fontFiles } from './resources.js';

export interface BuildReportOptions {
  /** Folder holding `results.json` (and optionally `audit.json` and per-analysis CSVs). */
  resultsDir: string;
  /**
   * Folder to write the site into (created when missing). The CLI passes the empty temporary folder
   * its output guard made, and puts the files in place when the build succeeds.
   */
  outDir: string;
  /** Codebook to use instead of the one named in `results.json`'s meta (or the bundled one). */
  codebookPath?: string;
  /** Report settings to use instead of the ones named in the meta (or the bundled ones). */
  settingsPath?: string;
}

export interface BuildReportResult {
  /** Pages written, relative to `outDir` (e.g. `index.html`, `ur/index.html`). */
  pages: string[];
  /** Things the researcher should know (unverified contacts, missing codebook, …). */
  warnings: string[];
  /** Every file the build read (results, audit, codebook, settings, contacts, plan), for the output guard. */
  inputs: string[];
}

export const BUNDLED_CODEBOOK = join(bundledDataDir, 'instrument', 'codebook.json');
export const BUNDLED_SETTINGS = join(bundledDataDir, 'report', 'settings.json');

function readJson(path: string, what: string, read?: string[]): unknown {
  if (!existsSync(path)) throw new LeakriskError(`${what} not found`, { file: path }, `check the path to the ${what}`);
  read?.push(path);
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new LeakriskError(`${what} is not valid JSON (${error instanceof Error ? error.message : String(error)})`, { file: path }, 'fix the JSON syntax');
  }
}

function isLocalized(value: unknown): value is Localized {
  return value !== null && typeof value === 'object' && typeof (value as Localized).en === 'string' && typeof (value as Localized).ur === 'string';
}

/** Reads report settings and the contacts file they name; every problem names the field. */
export function loadReportSettings(path: string, read?: string[]): ReportSettings {
  const raw = readJson(path, 'report settings file', read) as Record<string, unknown>;
  const need = (field: string) => {
    if (!isLocalized(raw[field])) {
      throw new LeakriskError(
        `report settings need "${field}" with "en" and "ur" texts`,
        { file: path, column: field },
        `add "${field}": { "en": "…", "ur": "…" }`,
      );
    }
    return raw[field] as Localized;
  };
  let contacts: HelpContact[] = [];
  const contactsField = raw['contacts'];
  const contactsFile = typeof contactsField === 'string' ? resolve(dirname(path), contactsField) : undefined;
  const list = contactsFile ? (readJson(contactsFile, 'help contacts file', read) as Record<string, unknown>)['contacts'] : contactsField;
  if (!Array.isArray(list) || list.length === 0) {
    throw new LeakriskError(
      'report settings name no help contacts',
      { file: contactsFile ?? path, column: 'contacts' },
      'list the help services (name, channels, sources, checked date) in the contacts file',
    );
  }
  contacts = list.map((entry: unknown, index) => {
    const contact = entry as HelpContact;
    const column = `contacts[${index}]`;
    if (
      !isLocalized(contact.name) ||
      !Array.isArray(contact.channels) ||
      !Array.isArray(contact.sources) ||
      contact.sources.length === 0 ||
      !/^\d{4}-\d{2}-\d{2}$/.test(String(contact.checked))
    ) {
      throw new LeakriskError(
        'a help contact needs "name" (en/ur), "channels", at least one "sources" entry and a "checked" date (YYYY-MM-DD)',
        { file: contactsFile ?? path, column },
        'complete the entry; say where each detail comes from and when it was checked',
      );
    }
    return contact;
  });
  const minBase = raw['minBase'] === undefined ? 30 : Number(raw['minBase']);
  if (!Number.isInteger(minBase) || minBase < 1) {
    throw new LeakriskError(
      '"minBase" must be a whole number of at least 1',
      { file: path, column: 'minBase' },
      'use the smallest unweighted base you will publish, e.g. 30',
    );
  }
  return {
    title: need('title'),
    ...(isLocalized(raw['subtitle']) ? { subtitle: raw['subtitle'] } : {}),
    source: need('source'),
    minBase,
    contentNote: need('contentNote'),
    syntheticBanner: need('syntheticBanner'),
    ...(typeof raw['synthetic'] === 'boolean' ? { synthetic: raw['synthetic'] } : {}),
    contacts,
  };
}

/** Names that mark respondent-level data: identifiers and item columns from the codebook. */
export function microdataNames(codebook: Codebook | undefined): MicrodataNames {
  const identifiers = new Set<string>(IDENTIFIER_COLUMNS);
  const items = new Set<string>();
  for (const variable of codebook?.variables ?? []) {
    if (variable.type === 'identifier') identifiers.add(variable.name);
    if (['likert', 'knowledge', 'text', 'design', 'numeric'].includes(variable.type)) items.add(variable.name);
  }
  if (!codebook) {
    for (const prefix of ['vb', 'rs', 'sb', 'pa', 'hs']) for (let i = 1; i <= 8; i += 1) items.add(`${prefix}${i}`);
    for (const name of ['psu', 'stratum', 'weight', 'fpc_psu', 'comment', 'age', 'interview_date']) items.add(name);
  }
  return { identifiers: [...identifiers], items: [...items] };
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

/** Raking margins: from the results when given, else from the plan named in the meta (JSON). */
function findMargins(results: ResultsFile, resultsDir: string, warnings: string[], read: string[]): Record<string, Record<string, number>> | undefined {
  if (results.calibration?.margins && typeof results.calibration.margins === 'object') return results.calibration.margins;
  const plan = results.meta.plan;
  if (!results.calibration || !plan) return undefined;
  const candidates = [resolve(resultsDir, plan), resolve(plan)];
  const planPath = candidates.find((path) => existsSync(path) && /\.json$/i.test(path));
  if (!planPath) {
    warnings.push(`the raking margins are not in results.json and the plan ${plan} was not found: the methodology page points to the plan instead`);
    return undefined;
  }
  try {
    read.push(planPath);
    const margins = (JSON.parse(readFileSync(planPath, 'utf8')) as { calibration?: { margins?: unknown } }).calibration?.margins;
    if (typeof margins === 'string') {
      const file = resolve(dirname(planPath), margins);
      read.push(file);
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, number>>;
    }
    return margins && typeof margins === 'object' ? (margins as Record<string, Record<string, number>>) : undefined;
  } catch {
    warnings.push(`could not read the raking margins from ${plan}`);
    return undefined;
  }
}

function csvText(header: string[], rows: (string | number | boolean | null)[][]): string {
  return formatCsvRows(
    header,
    rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
  );
}

/** Reads the results folder and everything it names, refusing microdata. */
export function loadReportInputs(
  options: BuildReportOptions,
  warnings: string[],
  read: string[] = [],
): {
  results: ResultsFile;
  codebook: Codebook | undefined;
  settings: ReportSettings;
  audit: unknown;
} {
  const resultsDir = resolve(options.resultsDir);
  if (!existsSync(resultsDir) || !statSync(resultsDir).isDirectory()) {
    throw new LeakriskError('the results folder does not exist', { file: options.resultsDir }, 'pass the folder written by `leakrisk analyze --out DIR`');
  }
  const resultsFile = join(resultsDir, 'results.json');
  const parsed = readJson(resultsFile, 'results.json', read);
  const meta =
    (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as { meta?: { codebook?: unknown; reportSettings?: unknown } }).meta
      : undefined) ?? {};

  const codebookCandidates = [
    options.codebookPath,
    typeof meta.codebook === 'string' ? resolve(resultsDir, meta.codebook) : undefined,
    BUNDLED_CODEBOOK,
  ].filter((path): path is string => path !== undefined);
  let codebook: Codebook | undefined;
  const codebookPath = options.codebookPath ?? codebookCandidates.find((path) => existsSync(path));
  if (codebookPath) {
    read.push(codebookPath);
    codebook = loadCodebook(codebookPath);
  } else warnings.push('no codebook found: questions and answers are shown by their column names and codes');
  if (
    codebookPath &&
    typeof meta.codebook === 'string' &&
    !options.codebookPath &&
    codebookPath === BUNDLED_CODEBOOK &&
    resolve(resultsDir, meta.codebook) !== BUNDLED_CODEBOOK
  ) {
    warnings.push(`the codebook named in results.json (${meta.codebook}) was not found; using the bundled codebook`);
  }

  const names = microdataNames(codebook);
  for (const file of csvFilesIn(resultsDir)) {
    const line = firstLine(file);
    if (line.length === 0) continue;
    assertAggregateCsvHeader(parseCsvText(`${line}\n`, file).header, file, names);
  }
  const results = assertAggregateOnly(parsed, resultsFile, names);

  const settingsPath =
    options.settingsPath ??
    [typeof meta.reportSettings === 'string' ? resolve(resultsDir, meta.reportSettings) : undefined, BUNDLED_SETTINGS].find(
      (path): path is string => path !== undefined && existsSync(path),
    ) ??
    BUNDLED_SETTINGS;
  const settings = loadReportSettings(settingsPath, read);
  for (const contact of settings.contacts) {
    if (contact.status !== 'verified')
      warnings.push(
        `help contact "${contact.name.en}" is marked "${contact.status}" (recorded ${contact.checked}): confirm its details at the source before publishing`,
      );
  }
  const auditPath = join(resultsDir, 'audit.json');
  const audit = existsSync(auditPath) ? readJson(auditPath, 'audit.json', read) : undefined;
  if (audit === undefined) warnings.push('no audit.json in the results folder: the methodology page says so');
  return { results, codebook, settings, audit };
}

/** Every page of the site in one language, as `[path relative to the site, html]`. */
export function renderPages(document: Document, model: SiteModel, lang: Lang, t: Strings): [string, string][] {
  const nav = navEntries(model, lang, t);
  const pages: PageInfo[] = [
    landingPage(document, model, lang, t),
    ...model.sections.map((section) => sectionPage(document, model, section, lang, t)),
    ...(model.subgroups.length > 0 || model.tests.length > 0 ? [subgroupsPage(document, model, lang, t)] : []),
    methodologyPage(model, lang, t),
  ];
  const folder = lang === 'en' ? '' : `${lang}/`;
  return pages.map((page) => [`${folder}${page.file}`, pageHtml(model, lang, t, page, nav)]);
}

/**
 * Builds the static bilingual report from a results folder: `index.html` (English) and
 * `ur/index.html` (Urdu) with topic, subgroup and methodology pages, one CSV per chart in `data/`,
 * and the bundled stylesheet, script and Nastaliq font in `assets/`. Charts are drawn with d3 into
 * inline SVG at build time. Respondent-level input is refused before anything is written; the CLI
 * writes the site through its output guard (all files put in place together, or none).
 */
export async function buildReport(options: BuildReportOptions): Promise<BuildReportResult> {
  const warnings: string[] = [];
  const inputs: string[] = [];
  const { results, codebook, settings, audit } = loadReportInputs(options, warnings, inputs);
  const strings = { en, ur };
  const labels = new Labels(codebook, strings);
  const model = buildSiteModel({
    results,
    settings,
    labels,
    strings,
    audit: audit === undefined ? undefined : summarizeAudit(audit),
    margins: findMargins(results, resolve(options.resultsDir), warnings, inputs),
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

  const dir = resolve(options.outDir);
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  copyAssets(join(dir, 'assets'));
  return { pages, warnings, inputs };
}

/** Stylesheet, script, the Noto Nastaliq Urdu font files and their OFL licence. */
function copyAssets(target: string): void {
  mkdirSync(join(target, 'fonts'), { recursive: true });
  for (const name of readdirSync(assetsDir)) copyFileSync(join(assetsDir, name), join(target, name));
  for (const [source, name] of fontFiles()) copyFileSync(source, join(target, 'fonts', name));
}
