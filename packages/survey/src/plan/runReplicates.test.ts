import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsvBytes } from '../io/csv.js';
import { replicatesFixture } from '../design/replicates/testReplicateDesigns.js';
import { checkPlan } from './schema.js';
import { runPlan } from './run.js';
import type { ResultRow } from './results.js';

// Every case of replicates.json (R survey 4.1 on replicate designs of replicates.csv: 17 designs, every
// analysis type, calibration per replicate) through the plan runner, with the data read by the byte
// reader `leakrisk analyze` uses.
const fixtureDir = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const table = readCsvBytes(readFileSync(`${fixtureDir}replicates.csv`), 'replicates.csv');

/** Equal to R to 1e-6 relative (absolute below 1e-8, where R's own rounding is larger). */
function expectClose(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number');
    const a = actual as number;
    expect(Math.abs(a - expected) <= 1e-6 * Math.abs(expected) + 1e-8, `${where}: ${a} vs R ${expected}`).toBe(true);
  } else if (expected === null) {
    expect(actual ?? null, where).toBeNull();
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), where).toBe(true);
    expect((actual as unknown[]).length, where).toBe(expected.length);
    expected.forEach((e, k) => {
      expectClose((actual as unknown[])[k], e, `${where}[${k}]`);
    });
  } else if (typeof expected === 'object') {
    for (const [key, e] of Object.entries(expected as Record<string, unknown>)) expectClose((actual as Record<string, unknown>)[key], e, `${where}.${key}`);
  } else {
    expect(actual, where).toEqual(expected);
  }
}

function run(c: (typeof replicatesFixture.cases)[number]) {
  const checked = checkPlan(
    {
      design: replicatesFixture.designs[c.design]!.plan,
      ...(c.calibration === undefined ? {} : { calibration: c.calibration }),
      analyses: [c.analysis],
    },
    'replicates.plan.json',
  );
  const plan = { ...checked, file: 'replicates.plan.json' };
  return runPlan({
    table,
    plan,
    dataFile: 'replicates.csv',
    planFile: 'replicates.plan.json',
    dataSha256: '',
    now: new Date(0),
    toolVersion: 'test',
  });
}

const name = (c: (typeof replicatesFixture.cases)[number]) =>
  `${c.design}${c.calibration === undefined ? '' : ` ${(c.calibration as { method: string }).method}`} ${c.analysis.id}`;

describe("analyze on replicate designs equals R's svrepdesign / as.svrepdesign (every analysis type)", () => {
  it('covers every analysis type on JKn and bootstrap designs, and every replicate type', () => {
    const types = (design: string) => new Set(replicatesFixture.cases.filter((c) => c.design === design).map((c) => c.analysis.type));
    const all = ['mean', 'total', 'ratio', 'proportion', 'distribution', 'quantile', 'contrast', 'ttest', 'chisq', 'glm', 'ordinal', 'alpha'];
    for (const design of ['jkn_made', 'bootstrap']) expect([...types(design)].sort()).toEqual([...all].sort());
    const replicateTypes = new Set(Object.values(replicatesFixture.designs).map((d) => d.plan.replicates!.type));
    expect([...replicateTypes].sort()).toEqual(['ACS', 'BRR', 'Fay', 'JK1', 'JKn', 'bootstrap', 'other', 'subbootstrap', 'successive-difference']);
  });

  it.each(replicatesFixture.cases.map((c) => [name(c), c] as const))('%s', (_, c) => {
    const results = run(c);
    const result = results.results[0]!;
    expect(result.rows.length).toBe(c.rows.length);
    c.rows.forEach((expected, k) => {
      const row = result.rows[k] as ResultRow;
      expectClose(row, expected, `row ${k}`);
    });
    // the design's df is R's degf of the replicate design (calibrated: of the calibrated replicates)
    expect(results.design.replicates?.type).toBe(replicatesFixture.designs[c.design]!.plan.replicates!.type);
  });
});
