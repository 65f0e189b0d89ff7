import type { AnalysisResult, ResultRow } from '../results/types.js';
import { isWholePopulation } from './domains.js';
import type { Labels } from './labels.js';
import { isSignificant, type TestEntry } from './significanceTests.js';

/** A key finding, written in either language from its numbers. */
export type Finding =
  | { kind: 'scaleMean'; variable: string; row: ResultRow; range: [number, number] }
  | { kind: 'mean'; variable: string; row: ResultRow }
  | { kind: 'itemShare'; variable: string; parts: { level: string; row: ResultRow }[] }
  | { kind: 'knowledge'; variable: string; row: ResultRow }
  | { kind: 'difference'; variable: string; by: string; levelA: string; levelB: string; test: TestEntry };

/**
 * The landing page's key findings, chosen from any study's results by what they are, never by name:
 * the averages of the first two scores (on their scale when the codebook gives one); in each of the
 * first four topics with agreement items, the statement with the most agreement; the least and best
 * known knowledge question; the two clearest group differences that survive Benjamini–Hochberg. Only
 * estimates with a base of at least `minBase` are used, and a model term is never a finding.
 */
export function pickFindings(input: {
  analyses: readonly AnalysisResult[];
  labels: Labels;
  tests: readonly TestEntry[];
  minBase: number;
  sections: readonly string[];
  sectionOf: (a: AnalysisResult) => string;
}): Finding[] {
  const { analyses, labels, minBase } = input;
  const findings: Finding[] = [];
  const shown = (row: ResultRow | undefined): row is ResultRow =>
    row !== undefined && typeof row.estimate === 'number' && (typeof row.n !== 'number' || row.n >= minBase);
  const bySection = (a: AnalysisResult, b: AnalysisResult) => input.sections.indexOf(input.sectionOf(a)) - input.sections.indexOf(input.sectionOf(b));

  const means = analyses.filter((a) => a.type === 'mean' && a.variable !== undefined && shown(a.rows.find(isWholePopulation)));
  const scores = [...means.filter((a) => labels.isScale(a.variable!) && !labels.isKnowledgeScore(a.variable!))].sort(bySection);
  const chosen = (scores.length > 0 ? scores : means).filter((a, index, all) => all.findIndex((b) => b.variable === a.variable) === index).slice(0, 2);
  for (const analysis of chosen) {
    const row = analysis.rows.find(isWholePopulation)!;
    const range = labels.scaleRange(analysis.variable!);
    findings.push(range ? { kind: 'scaleMean', variable: analysis.variable!, row, range } : { kind: 'mean', variable: analysis.variable!, row });
  }

  const agreementSections = input.sections.filter((section) =>
    analyses.some((a) => a.type === 'distribution' && input.sectionOf(a) === section && labels.typeOf(a.variable ?? '') === 'likert'),
  );
  for (const section of agreementSections.slice(0, 4)) {
    let best: { variable: string; parts: { level: string; row: ResultRow }[]; total: number } | undefined;
    for (const analysis of analyses.filter(
      (a) => a.type === 'distribution' && input.sectionOf(a) === section && labels.typeOf(a.variable ?? '') === 'likert',
    )) {
      const order = labels.levelOrder(analysis.variable!) ?? [];
      const upper = order.slice(Math.ceil(order.length / 2));
      const parts = upper.flatMap((level) => {
        const row = analysis.rows.find((r) => isWholePopulation(r) && r.level === level);
        return shown(row) ? [{ level, row }] : [];
      });
      if (parts.length !== upper.length || parts.length === 0) continue;
      const total = parts.reduce((sum, part) => sum + part.row.estimate!, 0);
      if (!best || total > best.total) best = { variable: analysis.variable!, parts, total };
    }
    if (best) findings.push({ kind: 'itemShare', variable: best.variable, parts: best.parts });
  }

  const knowledge = analyses
    .filter((a) => a.type === 'proportion' && a.variable !== undefined && labels.typeOf(a.variable) === 'knowledge' && shown(a.rows.find(isWholePopulation)))
    .sort((a, b) => a.rows.find(isWholePopulation)!.estimate! - b.rows.find(isWholePopulation)!.estimate!);
  for (const analysis of [knowledge[0], knowledge[knowledge.length - 1]]) {
    if (analysis && !findings.some((f) => f.kind === 'knowledge' && f.variable === analysis.variable)) {
      findings.push({ kind: 'knowledge', variable: analysis.variable!, row: analysis.rows.find(isWholePopulation)! });
    }
  }

  const differences = input.tests
    .filter(
      (test) =>
        (test.type === 'contrast' || test.type === 'ttest') &&
        isSignificant(test) &&
        (test.n === null || test.n >= minBase) &&
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
