import { variableOf, type Localized } from '@leakrisk/survey';
import type { Lang, Strings } from '../i18n/index.js';
import type { AuditSummary } from '../results/audit.js';
import type { ReportSettings } from '../results/settings.js';
import type { AnalysisResult, ResultRow, ResultsFile } from '../results/types.js';
import {
  byGroupFigure,
  coefficientFigure,
  knowledgeFigure,
  likertFigure,
  provinceFigure,
  quantileFigure,
  scaleMeansFigure,
  type FigureContext,
  type FigureSpec,
} from './figures.js';
import type { Labels } from './labels.js';
import { collectTests, isSignificant, type TestEntry } from './tests.js';

/** The construct sections of the report, in reading order (codebook section ids). */
export const CONSTRUCT_SECTIONS = [
  'privacy_concern',
  'victim_blaming',
  'resharing',
  'online_safety',
  'legal_awareness',
  'platform_accountability',
  'help_seeking',
] as const;

/** Grouping variables compared on the subgroups page, in order. */
export const GROUPINGS = ['gender', 'age_band', 'province', 'area', 'education', 'platform_tiktok'] as const;

/** A key finding, written in either language from its numbers. */
export type Finding =
  | { kind: 'scaleMean'; variable: string; row: ResultRow; range: [number, number] }
  | { kind: 'itemShare'; variable: string; parts: { level: string; row: ResultRow }[] }
  | { kind: 'knowledge'; variable: string; row: ResultRow }
  | { kind: 'difference'; variable: string; by: string; levelA: string; levelB: string; test: TestEntry };

export interface SectionModel {
  id: string;
  title: Localized;
  intro: Localized | undefined;
  scaleFigures: string[];
  itemFigures: string[];
  byFigures: string[];
  modelFigures: string[];
  reliability: { alpha: number | null; omega: number | null } | undefined;
}

export interface ReliabilityRow {
  label: Localized;
  alpha: number | null;
  stdAlpha: number | null;
  omega: number | null;
  n: number | null;
}

export interface SiteModel {
  results: ResultsFile;
  settings: ReportSettings;
  labels: Labels;
  synthetic: boolean;
  figures: Map<string, FigureSpec>;
  landingFigures: string[];
  findings: Finding[];
  sections: SectionModel[];
  subgroups: { by: string; figures: string[] }[];
  tests: TestEntry[];
  reliability: ReliabilityRow[];
  margins: Record<string, Record<string, number>> | undefined;
  audit: AuditSummary | undefined;
}

const isWhole = (row: ResultRow) => row.domain === undefined || Object.keys(row.domain).length === 0;
const byList = (analysis: AnalysisResult): string[] => (analysis.by === undefined ? [] : Array.isArray(analysis.by) ? analysis.by : [analysis.by]);

/**
 * Turns results into the report's structure: which figures exist, which page shows each, the key
 * findings, the tests table and the reliability table. Pure: no I/O, no clock.
 */
export function buildSiteModel(input: {
  results: ResultsFile;
  settings: ReportSettings;
  labels: Labels;
  strings: Record<Lang, Strings>;
  audit: AuditSummary | undefined;
  margins: Record<string, Record<string, number>> | undefined;
  warnings: string[];
}): SiteModel {
  const { results, settings, labels, strings } = input;
  const analyses = results.results;
  const tests = collectTests(analyses);
  const ctx: FigureContext = {
    labels,
    strings,
    minBase: settings.minBase,
    sampleSize: results.meta.rows ?? null,
    designDf: results.design?.df ?? null,
    tests,
  };
  const figures = new Map<string, FigureSpec>();
  const add = (figure: FigureSpec | undefined): string[] => {
    if (!figure) return [];
    figures.set(figure.id, figure);
    return [figure.id];
  };
  const sectionOf = (analysis: AnalysisResult): string => {
    const outcome = analysis.type === 'glm' ? analysis.formula?.split('~')[0]?.trim() : analysis.variable;
    return analysis.section ?? (outcome ? labels.sectionOf(outcome) : undefined) ?? 'other';
  };
  const typeOf = (name: string) => (labels.codebook ? variableOf(labels.codebook, name)?.type : undefined);

  // Whole-population estimate of each variable (means first, then proportions).
  const overall = new Map<string, ResultRow>();
  for (const analysis of analyses) {
    if ((analysis.type === 'mean' || analysis.type === 'proportion') && analysis.variable !== undefined && !overall.has(analysis.variable)) {
      const row = analysis.rows.find(isWhole);
      if (row) overall.set(analysis.variable, row);
    }
  }
  const means = analyses.filter((a) => a.type === 'mean' && a.variable !== undefined);
  const scaleMeans = means.filter((a) => labels.isScale(a.variable!) || !labels.codebook);
  // The combined charts put Likert scales on one axis; knowledge scores (counts) keep their own charts.
  const likertScaleMeans = scaleMeans.filter((a) => !labels.isKnowledgeScore(a.variable!));
  const overallScaleMeans = dedupeByVariable(scaleMeans.filter((a) => a.rows.some(isWhole)));
  const overallOf = (variable: string) => overall.get(variable);

  const sections: SectionModel[] = [];
  const subgroupFigures = new Map<string, string[]>();
  const reliabilityBySection = new Map<string, { alpha: number | null; omega: number | null }>();
  const reliability: ReliabilityRow[] = [];
  for (const analysis of analyses.filter((a) => a.type === 'alpha' || a.type === 'omega')) {
    const section = sectionOf(analysis);
    const row = analysis.rows[0];
    const entry = reliabilityBySection.get(section) ?? { alpha: null, omega: null };
    const scaleLabel = labels.isScale(section) ? labels.both((lang) => labels.short(section, lang)) : labels.both((lang) => labels.sectionTitle(section, lang));
    // A second alpha for the same scale (e.g. the weighted svycralpha) gets its own row, under its plan label.
    const duplicate = analysis.type === 'alpha' && entry.alpha !== null;
    const label = duplicate && analysis.label !== undefined ? { en: analysis.label, ur: analysis.label } : scaleLabel;
    if (!duplicate) {
      if (analysis.type === 'alpha') entry.alpha = row?.alpha ?? null;
      else entry.omega = row?.omegaTotal ?? null;
      reliabilityBySection.set(section, entry);
    }
    let existing = reliability.find((r) => r.label.en === label.en);
    if (!existing) {
      existing = { label, alpha: null, stdAlpha: null, omega: null, n: null };
      reliability.push(existing);
    }
    if (analysis.type === 'alpha') {
      existing.alpha = row?.alpha ?? null;
      existing.stdAlpha = row?.stdAlpha ?? null;
      existing.n = row?.n ?? null;
    } else existing.omega = row?.omegaTotal ?? null;
  }

  const sectionIds = [
    ...CONSTRUCT_SECTIONS.filter((id) => analyses.some((a) => sectionOf(a) === id)),
    ...[...new Set(analyses.map(sectionOf))].filter(
      (id) =>
        !(CONSTRUCT_SECTIONS as readonly string[]).includes(id) &&
        id !== 'other' &&
        analyses.some((a) => sectionOf(a) === id && ['distribution', 'proportion', 'quantile', 'glm', 'mean'].includes(a.type)),
    ),
  ];
  for (const id of sectionIds) {
    const inSection = analyses.filter((a) => sectionOf(a) === id);
    const distributions = inSection.filter(
      (a) => a.type === 'distribution' && a.variable !== undefined && (typeOf(a.variable) === undefined || typeOf(a.variable) === 'likert'),
    );
    const proportions = inSection.filter((a) => a.type === 'proportion' && a.variable !== undefined && a.rows.some(isWhole));
    const scaleFigures = [
      ...add(
        scaleMeansFigure(
          ctx,
          `mean-${id}`,
          overallScaleMeans.filter((a) => sectionOf(a) === id),
        ),
      ),
      ...inSection.filter((a) => a.type === 'quantile').flatMap((a) => add(quantileFigure(ctx, `dist-${a.id}`, id, a))),
    ];
    const itemFigures = [
      ...add(likertFigure(ctx, `likert-${id}`, id, distributions)),
      ...add(knowledgeFigure(ctx, `shares-${id}`, id, dedupeByVariable(proportions))),
    ];
    const byFigures: string[] = [];
    for (const analysis of inSection.filter((a) => (a.type === 'mean' || a.type === 'proportion') && byList(a).length > 0)) {
      for (const by of byList(analysis)) {
        const ids = add(byGroupFigure(ctx, `by-${analysis.variable}-${by}`, id, analysis, by, overallOf(analysis.variable ?? '')));
        byFigures.push(...ids);
        if (ids.length > 0) subgroupFigures.set(by, [...(subgroupFigures.get(by) ?? []), ...ids]);
      }
    }
    const modelFigures = inSection.filter((a) => a.type === 'glm').flatMap((a) => add(coefficientFigure(ctx, `coef-${a.id}`, id, a)));
    sections.push({
      id,
      title: labels.both((lang) => labels.sectionTitle(id, lang)),
      intro: labels.codebook?.sections.find((s) => s.id === id)?.intro,
      scaleFigures,
      itemFigures,
      byFigures,
      modelFigures,
      reliability: reliabilityBySection.get(id),
    });
  }
  // glm/quantile analyses whose section has no page still need a figure somewhere: on the landing page.
  const orphanFigures = analyses
    .filter((a) => (a.type === 'glm' || a.type === 'quantile') && !sectionIds.includes(sectionOf(a)))
    .flatMap((a) => add(a.type === 'glm' ? coefficientFigure(ctx, `coef-${a.id}`, 'other', a) : quantileFigure(ctx, `dist-${a.id}`, 'other', a)));

  const provinceScales = likertScaleMeans.filter((a) => byList(a).includes('province'));
  const provinceId = add(provinceFigure(ctx, 'province-scales', dedupeByVariable(provinceScales), overallOf));
  const allMeansId = add(
    scaleMeansFigure(
      ctx,
      'scale-means',
      overallScaleMeans.filter((a) => !labels.isKnowledgeScore(a.variable!)),
    ),
  );

  const subgroups = [...GROUPINGS, ...[...subgroupFigures.keys()].filter((by) => !(GROUPINGS as readonly string[]).includes(by))]
    .filter((by) => subgroupFigures.has(by))
    .map((by) => ({ by, figures: subgroupFigures.get(by)! }));

  const landingFigures = pickLanding(figures, sections, [...provinceId, ...allMeansId, ...orphanFigures]);
  const findings = pickFindings({ analyses, labels, sections, tests, overall, minBase: settings.minBase, sectionOf, figures });
  if (landingFigures.length < 6) input.warnings.push(`the landing pages show ${landingFigures.length} charts; the results hold too few analyses for six`);

  return {
    results,
    settings,
    labels,
    synthetic: settings.synthetic === true || labels.codebook?.synthetic === true || results.meta.synthetic === true || /synth/i.test(results.meta.data ?? ''),
    figures,
    landingFigures,
    findings,
    sections,
    subgroups,
    tests,
    reliability,
    margins: input.margins,
    audit: input.audit,
  };
}

function dedupeByVariable(analyses: AnalysisResult[]): AnalysisResult[] {
  const seen = new Set<string>();
  return analyses.filter((a) => {
    const key = a.variable ?? a.id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** At least six charts of different kinds for the landing pages, in a fixed order of preference. */
function pickLanding(figures: Map<string, FigureSpec>, sections: SectionModel[], extra: string[]): string[] {
  const chosen: string[] = [];
  const take = (id: string | undefined) => {
    if (id !== undefined && figures.has(id) && !chosen.includes(id)) chosen.push(id);
  };
  const section = (id: string) => sections.find((s) => s.id === id);
  take(section('victim_blaming')?.itemFigures[0]);
  take(section('victim_blaming')?.byFigures.find((id) => id.endsWith('-gender')) ?? section('victim_blaming')?.byFigures[0]);
  take(extra.find((id) => id === 'province-scales'));
  take(sections.flatMap((s) => s.itemFigures).find((id) => figures.get(id)?.kind === 'awareness'));
  take(sections.flatMap((s) => s.modelFigures)[0] ?? extra.find((id) => figures.get(id)?.kind === 'coefficients'));
  take(
    sections.flatMap((s) => s.scaleFigures).find((id) => figures.get(id)?.kind === 'score-distribution') ??
      extra.find((id) => figures.get(id)?.kind === 'score-distribution'),
  );
  take(extra.find((id) => id === 'scale-means'));
  take(section('resharing')?.itemFigures[0]);
  for (const s of sections) {
    if (chosen.length >= 6) break;
    take(s.itemFigures[0]);
  }
  return chosen;
}

function pickFindings(input: {
  analyses: AnalysisResult[];
  labels: Labels;
  sections: SectionModel[];
  tests: TestEntry[];
  overall: Map<string, ResultRow>;
  minBase: number;
  sectionOf: (a: AnalysisResult) => string;
  figures: Map<string, FigureSpec>;
}): Finding[] {
  const { analyses, labels, overall, minBase } = input;
  const findings: Finding[] = [];
  const shown = (row: ResultRow | undefined): row is ResultRow =>
    row !== undefined && row.estimate !== null && row.estimate !== undefined && (row.n === undefined || row.n === null || row.n >= minBase);
  // The victim-blaming score first: the report's headline construct.
  for (const id of ['victim_blaming', 'privacy_concern']) {
    const row = overall.get(id);
    const range = labels.scaleRange(id);
    if (shown(row) && range) findings.push({ kind: 'scaleMean', variable: id, row, range });
  }
  // The statement with the most agreement in each attitude section.
  for (const section of ['victim_blaming', 'resharing', 'platform_accountability', 'help_seeking']) {
    const distributions = analyses.filter((a) => a.type === 'distribution' && input.sectionOf(a) === section && a.variable !== undefined);
    let best: { variable: string; parts: { level: string; row: ResultRow }[]; total: number } | undefined;
    for (const analysis of distributions) {
      const order = labels.levelOrder(analysis.variable!) ?? [...new Set(analysis.rows.map((r) => r.level ?? ''))].sort();
      const upper = order.slice(Math.ceil(order.length / 2));
      const parts = upper.flatMap((level) => {
        const row = analysis.rows.find((r) => isWhole(r) && r.level === level);
        return shown(row) ? [{ level, row }] : [];
      });
      if (parts.length !== upper.length || parts.length === 0) continue;
      const total = parts.reduce((sum, part) => sum + part.row.estimate!, 0);
      if (!best || total > best.total) best = { variable: analysis.variable!, parts, total };
    }
    if (best) findings.push({ kind: 'itemShare', variable: best.variable, parts: best.parts });
  }
  // The least and best known law or reporting channel.
  const knowledge = analyses.filter(
    (a) => a.type === 'proportion' && a.variable !== undefined && input.sectionOf(a) === 'legal_awareness' && shown(a.rows.find(isWhole)),
  );
  const sortedKnowledge = [...knowledge].sort((a, b) => a.rows.find(isWhole)!.estimate! - b.rows.find(isWhole)!.estimate!);
  for (const analysis of [sortedKnowledge[0], sortedKnowledge[sortedKnowledge.length - 1]]) {
    if (analysis && !findings.some((f) => f.kind === 'knowledge' && f.variable === analysis.variable)) {
      findings.push({ kind: 'knowledge', variable: analysis.variable!, row: analysis.rows.find(isWhole)! });
    }
  }
  // The two clearest group differences that survive Benjamini–Hochberg.
  const differences = input.tests
    .filter(
      (test) =>
        (test.type === 'contrast' || test.type === 'ttest') &&
        isSignificant(test) &&
        test.variable !== undefined &&
        test.by !== undefined &&
        test.estimate !== null,
    )
    .sort((a, b) => (a.pAdjusted ?? 1) - (b.pAdjusted ?? 1));
  const seen = new Set<string>();
  for (const test of differences) {
    if (findings.filter((f) => f.kind === 'difference').length >= 2) break;
    // A contrast is the first level minus the second; svyttest's estimate is the second level's mean
    // minus the first's, so its levels are read the other way round.
    const order = test.levels ?? labels.levelOrder(test.by!)?.slice(0, 2);
    const levels = order && order.length >= 2 ? (test.type === 'ttest' ? [order[1]!, order[0]!] : order) : undefined;
    if (!levels || levels.length < 2) continue;
    // A contrast and a t-test of the same groups are one finding.
    const key = `${test.variable}|${test.by}|${[...levels].sort().join('|')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ kind: 'difference', variable: test.variable!, by: test.by!, levelA: levels[0]!, levelB: levels[1]!, test });
  }
  return findings;
}
