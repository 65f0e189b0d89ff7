import { describe, expect, it } from 'vitest';
import { factorColumn, numericColumn } from '../io/columns.js';
import { buildReplicateDesign } from '../design/replicates/replicateDesign.js';
import { replicatesFixture, replicatesTable } from '../design/replicates/testReplicateDesigns.js';
import { closeTo } from '../design/replicates/testReplicates.js';
import type { GlmFamilyName } from './glmFamily.js';
import { svyglm } from './glm.js';

const FACTORS = new Set(['grp', 'h', 'yes', 'area']);
const cases = replicatesFixture.cases.filter((c) => c.analysis.type === 'glm' && c.calibration === undefined);

describe("svyglm on replicate designs equals R's svyglm.svyrep.design (refits per replicate)", () => {
  const table = replicatesTable();
  const data = (name: string) => (FACTORS.has(name) ? factorColumn(table, name) : numericColumn(table, name));
  it.each(cases.map((c) => [`${c.design} ${c.analysis.id}`, c] as const))('%s', (_, c) => {
    const design = buildReplicateDesign(table, replicatesFixture.designs[c.design]!.plan);
    const a = c.analysis as unknown as { formula: string; family: GlmFamilyName; success?: string };
    const fit = svyglm(design, data, a.formula, a.family, a.success !== undefined ? { success: a.success } : {});
    expect(fit.coefficients.map((k) => k.term)).toEqual(c.rows.map((r) => r.term));
    fit.coefficients.forEach((k, j) => {
      const row = c.rows[j]!;
      for (const field of ['estimate', 'se', 't', 'pValue', 'ciLow', 'ciHigh'] as const) {
        expect(closeTo(k[field], row[field] as number), `${k.term} ${field}: ${k[field]} vs R ${row[field]}`).toBe(true);
      }
      expect(fit.dfResidual).toBe(row.df);
      expect(k.n, `${k.term} n`).toBe(row.n);
    });
  });
});
