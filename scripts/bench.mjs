#!/usr/bin/env node
// `pnpm bench`: the speed and memory targets, measured on whole CLI processes as a user runs them.
//  - analyze: a 1,000,000-row stratified cluster survey, an 8-analysis plan; ≥10× faster than R, ≤600 MB.
//  - analyze from SPSS: the same 1,000,000 rows as a .sav; within 2× of the CSV's time.
//  - anonymize: a 1,000,000-row raw survey, 5 quasi-identifiers, k = 5, l = 2, scrubbing; ≤30 s, ≤2 GB.
//  - replicates: a 1,000,000-row JKn design (40 strata × 2 PSUs, 80 replicates): mean, by-mean, gaussian glm
//    ≥10× faster than R within 1.5 GB; svyolr on 100,000 rows ≥5× faster than R.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const benches = [
  join(root, 'packages', 'survey', 'bench', 'analyze.bench.mjs'),
  join(root, 'packages', 'survey', 'bench', 'analyzeSav.bench.mjs'),
  join(root, 'packages', 'anonymize', 'bench', 'anonymize.bench.mjs'),
  join(root, 'packages', 'survey', 'bench', 'replicates.bench.mjs'),
];
let failed = 0;
for (const bench of benches) {
  if (!existsSync(bench)) {
    console.error(`bench: missing ${bench}`);
    failed++;
    continue;
  }
  const run = spawnSync(process.execPath, [bench], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
