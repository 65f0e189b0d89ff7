import { describe, expect, it } from 'vitest';
import { factorColumn, numericColumn } from '../io/columns.js';
import { buildReplicateDesign } from '../design/replicates/replicateDesign.js';
import { replicatesFixture, replicatesTable } from '../design/replicates/testReplicateDesigns.js';
import { closeTo } from '../design/replicates/testReplicates.js';
import { svyolr } from './olr.js';
import type { OrdinalLink } from './ordinalLinks.js';

const FACTORS = new Set(['grp', 'h', 'att', 'area']);
const cases = replicatesFixture.cases.filter((c) => c.analysis.type === 'ordinal');

describe("svyolr on replicate designs equals R's svyolr.svyrep.design with every fit at its maximum", () => {
  const table = replicatesTable();
  const data = (name: string) => (FACTORS.has(name) ? factorColumn(table, name) : numericColumn(table, name));
  it.each(cases.map((c) => [`${c.design} ${c.analysis.id}`, c] as const))('%s', (_, c) => {
    const design = buildReplicateDesign(table, replicatesFixture.designs[c.design]!.plan);
    const a = c.analysis as unknown as { formula: string; link: OrdinalLink };
    const fit = svyolr(design, data, a.formula, a.link);
    expect(fit.rows.map((r) => r.term)).toEqual(c.rows.map((r) => r.term));
    fit.rows.forEach((r, j) => {
      const row = c.rows[j]!;
      for (const field of ['estimate', 'se', 't', 'pValue', 'ciLow', 'ciHigh'] as const) {
        expect(closeTo(r[field], row[field] as number), `${r.term} ${field}: ${r[field]} vs R ${row[field]}`).toBe(true);
      }
      expect(fit.dfResidual).toBe(row.df);
      expect(r.n).toBe(row.n);
    });
  });
});
