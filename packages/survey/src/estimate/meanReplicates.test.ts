import { describe, expect, it } from 'vitest';
import { factorColumn, numericColumn } from '../io/columns.js';
import { buildReplicateDesign } from '../design/replicates/replicateDesign.js';
import { replicatesFixture, replicatesTable } from '../design/replicates/testReplicateDesigns.js';
import { closeTo } from '../design/replicates/testReplicates.js';
import { replicateMeansByDomains } from './meanReplicates.js';

const cases = replicatesFixture.cases.filter((c) => (c.analysis.type === 'mean' || c.analysis.type === 'total') && c.calibration === undefined);

describe("svymean and svytotal on replicate designs equal R's (estimate, SE, degf of the domain, n)", () => {
  const table = replicatesTable();
  it.each(cases.map((c) => [`${c.design} ${c.analysis.id}`, c] as const))('%s', (_, c) => {
    const design = buildReplicateDesign(table, replicatesFixture.designs[c.design]!.plan);
    const x = numericColumn(table, c.analysis.variable as string);
    const by = (c.analysis.by as string[] | undefined) ?? [];
    const factors = by.map((name) => factorColumn(table, name));
    for (const row of c.rows) {
      const domain = row.domain as Record<string, string>;
      let mask: Uint8Array | undefined;
      if (by.length > 0) {
        mask = new Uint8Array(design.nrow).fill(1);
        factors.forEach((f, k) => {
          const level = f.levels.indexOf(domain[by[k]!]!);
          for (let i = 0; i < design.nrow; i++) if (f.codes[i] !== level) mask![i] = 0;
        });
      }
      const [r] = replicateMeansByDomains(design, x, mask, 1, true, c.analysis.type as 'mean' | 'total');
      expect(closeTo(r!.estimate, row.estimate as number), 'estimate').toBe(true);
      expect(closeTo(Math.sqrt(r!.variance), row.se as number), `se ${Math.sqrt(r!.variance)} vs ${row.se}`).toBe(true);
      expect(r!.df).toBe(row.df);
      expect(r!.n).toBe(row.n);
    }
  });
});
