// `leakrisk analyze` on replicate-weight plans: the data and R's numbers are the survey package's
// replicates fixtures (scripts/reference/replicates.R, R survey 4.1): JKn made from the design
// (as.svrepdesign) and bootstrap weights given as columns (svrepdesign).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './study.js';

const fixtures = fileURLToPath(new URL('../../survey/test/fixtures/', import.meta.url));
const data = join(fixtures, 'replicates.csv');
const reference = JSON.parse(readFileSync(join(fixtures, 'replicates.json'), 'utf8')) as {
  designs: Record<string, { plan: Record<string, unknown> }>;
  cases: { design: string; calibration?: unknown; analysis: { id: string; type: string }; rows: Record<string, unknown>[] }[];
};
const work = mkdtempSync(join(tmpdir(), 'leakrisk-replicates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ids = ['mean_y', 'mean_y_by_grp', 'glm_gaussian', 'ordinal_logit', 'chisq_grp_h_F'];

describe('leakrisk analyze on a replicate-weight plan', () => {
  it.each(['jkn_made', 'bootstrap'])("%s: results.json and the CSVs carry R's estimates, SEs and degf", async (design) => {
    const cases = reference.cases.filter((c) => c.design === design && c.calibration === undefined && ids.includes(c.analysis.id));
    expect(cases.map((c) => c.analysis.id).sort()).toEqual([...ids].sort());
    const plan = join(work, `${design}.plan.json`);
    writeFileSync(plan, JSON.stringify({ design: reference.designs[design]!.plan, analyses: cases.map((c) => c.analysis) }));
    const out = join(work, design);
    const result = await run(['analyze', '--data', data, '--plan', plan, '--out', out]);
    expect(result.stderr).toContain('Analysed 305 rows');
    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
      design: { df: number; replicates: { type: string; count: number } };
      results: { id: string; rows: Record<string, unknown>[] }[];
    };
    expect(written.design.replicates.type).toBe(design === 'jkn_made' ? 'JKn' : 'bootstrap');
    expect(written.design.df).toBe(cases[0]!.rows[0]!.df);
    for (const c of cases) {
      const rows = written.results.find((r) => r.id === c.analysis.id)!.rows;
      expect(rows.length).toBe(c.rows.length);
      c.rows.forEach((expected, k) => {
        for (const key of ['estimate', 'se', 'statistic', 'ddf', 'pValue'] as const) {
          if (typeof expected[key] !== 'number') continue;
          const actual = rows[k]![key] as number;
          expect(Math.abs(actual - (expected[key] as number)), `${c.analysis.id} row ${k} ${key}`).toBeLessThan(1e-6 * Math.abs(expected[key] as number));
        }
      });
      expect(
        readFileSync(join(out, `${c.analysis.id}.csv`), 'utf8')
          .trim()
          .split('\n').length,
      ).toBe(c.rows.length + 1);
    }
  });

  it('names the plan and the field when the replicate columns match nothing', async () => {
    const plan = join(work, 'none.plan.json');
    writeFileSync(
      plan,
      JSON.stringify({
        design: { weights: 'weight', replicates: { type: 'bootstrap', columns: '^nothing_' } },
        analyses: [{ id: 'm', type: 'mean', variable: 'y' }],
      }),
    );
    const result = await run(['analyze', '--data', data, '--plan', plan, '--out', join(work, 'none')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('^nothing_');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
