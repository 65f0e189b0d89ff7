import type { Localized } from '@leakrisk/survey';
import type { KindSection, Lang, Strings, Weighting } from '../i18n/index.js';
import type { AuditSummary } from '../results/audit.js';
import type { ReportSettings } from '../results/settings.js';
import type { AnalysisResult, ResultRow, ResultsFile } from '../results/types.js';
import { byList, isWholePopulation } from './domains.js';
import { type Finding, pickFindings } from './findings.js';
import { groupPanelsFigure } from './figures/groupPanels.js';
import { meansFigure } from './figures/means.js';
import type { FigureInputs, FigureSpec } from './figures/spec.js';
import { chooseGroupings } from './groupings.js';
import type { Labels } from './labels.js';
import { pickLanding } from './landing.js';
import { type ReliabilityRow, reliabilityOf } from './reliability.js';
import { FigureSet, type SectionFigures, sectionFigures } from './sectionFigures.js';
import { KIND_SECTIONS, orderSections, sectionOfAnalysis } from './sections.js';
import { collectTests, type TestEntry } from './significanceTests.js';
import { weightingOf } from './weighting.js';

export interface SectionModel extends SectionFigures {
  id: string;
  /** Page file name within a language folder. */
  file: string;
  title: Localized;
  intro: Localized | undefined;
  reliability: { alpha: number | null; omega: number | null } | undefined;
}

export interface SiteModel {
  results: ResultsFile;
  settings: ReportSettings;
  labels: Labels;
  weighting: Weighting;
  figures: Map<string, FigureSpec>;
  landingFigures: string[];
  findings: Finding[];
  sections: SectionModel[];
  /** The groupings shown, each with its figures (the group-differences page). */
  subgroups: { by: string; figures: string[] }[];
  tests: TestEntry[];
  /** Whether the group-differences page is built (it has figures or tests). */
  hasGroupsPage: boolean;
  reliability: ReliabilityRow[];
  margins: Record<string, Record<string, number>> | undefined;
  audit: AuditSummary | undefined;
}

/** File name of a topic page. */
function sectionFile(id: string): string {
  return `${id.replace(/[^a-z0-9_-]/gi, '-')}.html`;
}

/**
 * Turns results into the report's structure: which figures exist, which page shows each, the key
 * findings, the tests and the reliability table. Sections and figures follow the results, the plan's
 * sections and the codebook; nothing is chosen by a variable's name. Pure: no I/O, no clock.
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
  const { results, settings, labels, strings, warnings } = input;
  const analyses = results.results;
  const tests = collectTests(analyses, settings.minBase);
  const inputs: FigureInputs = {
    labels,
    strings,
    minBase: settings.minBase,
    sampleSize: results.meta.rows ?? null,
    designDf: results.design?.df ?? null,
    tests,
    warnings,
  };
  const sectionOf = (analysis: AnalysisResult) => sectionOfAnalysis(analysis, labels);
  const groupings = chooseGroupings(analyses, settings.groupings, warnings);

  // The whole-population estimate of each variable (the reference line of its group charts).
  const overall = new Map<string, ResultRow>();
  for (const analysis of analyses) {
    if ((analysis.type === 'mean' || analysis.type === 'proportion') && analysis.variable !== undefined && !overall.has(analysis.variable)) {
      const row = analysis.rows.find(isWholePopulation);
      if (row) overall.set(analysis.variable, row);
    }
  }
  const overallOf = (variable: string) => overall.get(variable);

  const set = new FigureSet();
  const groupFigures = new Map<string, string[]>();
  const { rows: reliability, bySection } = reliabilityOf(analyses, labels, sectionOf);
  const sectionIds = orderSections(analyses, labels, sectionOf);
  const sections: SectionModel[] = sectionIds.map((id) => {
    const title = (KIND_SECTIONS as readonly string[]).includes(id)
      ? labels.both((lang) => strings[lang].kindSections[id as KindSection])
      : labels.both((lang) => labels.sectionTitle(id, lang));
    const figures = sectionFigures(
      inputs,
      set,
      { id, title },
      analyses.filter((a) => sectionOf(a) === id),
      groupings,
      overallOf,
      (by, ids) => groupFigures.set(by, [...(groupFigures.get(by) ?? []), ...ids]),
    );
    return {
      id,
      file: sectionFile(id),
      title,
      intro: labels.codebook?.sections.find((s) => s.id === id)?.intro,
      reliability: bySection.get(id),
      ...figures,
    };
  });

  // Per grouping: the scores on one range side by side for each group, then each estimate by it.
  const scoreMeans = analyses.filter((a) => a.type === 'mean' && a.variable !== undefined && labels.scaleRange(a.variable) !== undefined);
  const subgroups = groupings
    .map((by) => {
      const byThis = scoreMeans.filter((a) => byList(a).includes(by) && !labels.isKnowledgeScore(a.variable!));
      const firstRange = byThis[0] ? labels.scaleRange(byThis[0].variable!)!.join('-') : '';
      const sameRange = dedupeByVariable(byThis.filter((a) => labels.scaleRange(a.variable!)!.join('-') === firstRange));
      const panels = set.add(groupPanelsFigure(inputs, `panels-${by}`, sameRange, by, overallOf));
      return { by, figures: [...panels, ...(groupFigures.get(by) ?? [])] };
    })
    .filter((group) => group.figures.length > 0);

  // An overview of the scores measured on the most common range, when they span several topics.
  const wholeScores = dedupeByVariable(scoreMeans.filter((a) => a.rows.some(isWholePopulation) && !labels.isKnowledgeScore(a.variable!)));
  const ranges = wholeScores.map((a) => labels.scaleRange(a.variable!)!.join('-'));
  const commonRange = ranges.sort((a, b) => ranges.filter((r) => r === b).length - ranges.filter((r) => r === a).length)[0];
  const overviewScores = wholeScores.filter((a) => labels.scaleRange(a.variable!)!.join('-') === commonRange);
  const overview =
    new Set(overviewScores.map(sectionOf)).size > 1
      ? set.add(
          meansFigure(
            inputs,
            'overview-means',
            labels.both((lang) => strings[lang].chart.overviewTitle),
            overviewScores,
          ),
        )
      : [];

  const figures = set.figures;
  const landingFigures = pickLanding(
    figures,
    sections.map((s) => [...s.answers, ...s.scores, ...s.groups, ...s.models]),
    subgroups[0]?.figures.filter((id) => figures.get(id)?.kind === 'dot-interval') ?? [],
    [...subgroups.flatMap((group) => group.figures.filter((id) => figures.get(id)?.kind === 'small-multiples')), ...overview],
  );
  if (landingFigures.length < 6) warnings.push(`the landing pages show ${landingFigures.length} charts; the results hold too few analyses for six`);
  const findings = pickFindings({ analyses, labels, tests, minBase: settings.minBase, sections: sectionIds, sectionOf });

  return {
    results,
    settings,
    labels,
    weighting: weightingOf(results),
    figures,
    landingFigures,
    findings,
    sections,
    subgroups,
    tests,
    hasGroupsPage: subgroups.length > 0 || tests.length > 0,
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
