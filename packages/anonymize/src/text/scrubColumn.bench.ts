/**
 * Times `scrubColumn` on synthetic comments built from the labelled corpus, each made unique by two
 * extra words. Run on demand only (it is not a test):
 *
 *   cd packages/anonymize && npx tsx src/text/scrubColumn.bench.ts [rows] [dense|survey] [tier1]
 *
 * - `dense`: every cell is a corpus comment (about 60% hold personal data): a worst case.
 * - `survey` (default): a free-text column as surveys return it: 30% empty, 55% comments without
 *   personal data, 15% with some.
 * - `tier1`: draw only from the original (tier-1) corpus, the input of the figures measured before the
 *   hidden-number, platform-handle and name-cue forms were added; without it tier 2 is drawn from too.
 */
import { loadCorpus } from '../../test/corpus/evaluate.js';
import { scrubColumn } from './scrub.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const mix = process.argv[3] ?? 'survey';
const entries = loadCorpus().filter((entry) => !process.argv.includes('tier1') || entry.tier === undefined);
const corpus = entries.map((entry) => entry.text);
const withPii = entries.filter((entry) => entry.spans.length > 0).map((entry) => entry.text);
const withoutPii = entries.filter((entry) => entry.spans.length === 0).map((entry) => entry.text);
const words =
  'acha theek zaroor kabhi shayad sach jhoot galat sahi dukh afsos sharam insaaf haq log video share report block account help safe privacy trust fear family friends school office mobile internet social media law police court rights women men youth online offline always never sometimes really truly clearly strongly honestly sadly openly'.split(
    ' ',
  );
let state = 12345;
const next = (n: number): number => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state % n;
};
const values: string[] = new Array(rows);
for (let i = 0; i < rows; i++) {
  let source = corpus;
  if (mix === 'survey') {
    const roll = next(100);
    if (roll < 30) {
      values[i] = '';
      continue;
    }
    source = roll < 85 ? withoutPii : withPii;
  }
  values[i] = `${source[next(source.length)]} ${words[next(words.length)]} ${words[next(words.length)]}`;
}
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = scrubColumn(values);
const cpu = process.cpuUsage(cpuBefore);
const seconds = (performance.now() - started) / 1000;
// on a shared machine wall time includes waiting for a core; CPU time is what the scrubber costs
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const tags = Object.values(result.counts).reduce((a, b) => a + b, 0);
console.log(
  `scrubColumn (${mix}): ${rows.toLocaleString('en')} comments in ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU ` +
    `(${Math.round(rows / seconds).toLocaleString('en')}/s), ${tags.toLocaleString('en')} tags, ` +
    `heap +${Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6)} MB`,
);
console.log(JSON.stringify(result.counts));
