/**
 * Prints the free-text scrubber's figures on the labelled synthetic corpus (`test/corpus/*.jsonl`, see
 * `test/corpus/evaluate.ts` for the matching rules): precision and recall per type on the whole corpus
 * and on the original (tier-1) corpus alone, recall per tier-2 form (digits one by one, spelled out,
 * handles after a platform cue, names after Roman Urdu and Urdu cues …) and decoys kept per kind.
 *
 *   cd packages/anonymize && npx tsx scripts/scrub-metrics.ts [--errors]
 */
import { type CorpusMetrics, evaluateCorpus, loadCorpus, type TypeMetrics } from '../test/corpus/evaluate.js';
import { PII_TYPES, type PiiType } from '../src/text/types.js';

const metrics = evaluateCorpus(loadCorpus());
const pct = (x: number): string => x.toFixed(3);

function typeTable(byType: Record<PiiType, TypeMetrics>, overall: TypeMetrics): string {
  const rows = [['type', 'labelled', 'detected', 'precision', 'recall', 'exact'].join('\t')];
  for (const type of PII_TYPES) {
    const m = byType[type];
    rows.push([type, m.labelled, m.detected, pct(m.precision), pct(m.recall), m.exact].join('\t'));
  }
  rows.push(['overall', overall.labelled, overall.detected, pct(overall.precision), pct(overall.recall), overall.exact].join('\t'));
  return rows.join('\n');
}

function formTable(m: CorpusMetrics): string {
  const rows = [['form', 'labelled', 'found', 'recall'].join('\t')];
  for (const [form, f] of Object.entries(m.forms)) rows.push([form, f.labelled, f.found, pct(f.recall)].join('\t'));
  return rows.join('\n');
}

function decoyTable(m: CorpusMetrics): string {
  const rows = [['decoy', 'decoys', 'kept', 'share'].join('\t')];
  for (const [kind, d] of Object.entries(m.decoys)) rows.push([kind, d.decoys, d.kept, pct(d.share)].join('\t'));
  const o = m.decoysOverall;
  rows.push(['all', o.decoys, o.kept, pct(o.share)].join('\t'));
  return rows.join('\n');
}

console.log(`Scrubber on ${metrics.entries} labelled synthetic comments\n`);
console.log(typeTable(metrics.byType, metrics.overall));
console.log(`\nTier 1 (the original ${metrics.tier1.entries} comments)\n`);
console.log(typeTable(metrics.tier1.byType, metrics.tier1.overall));
console.log('\nTier 2: recall per written form\n');
console.log(formTable(metrics));
console.log('\nTier 2: decoys kept (no detection overlaps them)\n');
console.log(decoyTable(metrics));
if (process.argv.includes('--errors')) console.log(`\n${metrics.errors.join('\n')}`);
