/**
 * Prints the free-text scrubber's precision and recall per type on the labelled synthetic corpus
 * (`test/corpus/*.jsonl`, see `test/corpus/evaluate.ts` for the matching rules).
 *
 *   cd packages/anonymize && npx tsx scripts/scrub-metrics.ts [--errors]
 */
import { evaluateCorpus, loadCorpus } from '../test/corpus/evaluate.js';
import { PII_TYPES } from '../src/text/types.js';

const metrics = evaluateCorpus(loadCorpus());
const pct = (x: number): string => x.toFixed(3);
const rows = [['type', 'labelled', 'detected', 'precision', 'recall', 'exact'].join('\t')];
for (const type of PII_TYPES) {
  const m = metrics.byType[type];
  rows.push([type, m.labelled, m.detected, pct(m.precision), pct(m.recall), m.exact].join('\t'));
}
const o = metrics.overall;
rows.push(['overall', o.labelled, o.detected, pct(o.precision), pct(o.recall), o.exact].join('\t'));
console.log(`Scrubber on ${metrics.entries} labelled synthetic comments\n`);
console.log(rows.join('\n'));
if (process.argv.includes('--errors')) console.log(`\n${metrics.errors.join('\n')}`);
