import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../io/columns.js';
import { textColumn } from '../../table/textColumn.js';
import { buildReplicateDesign } from './replicateDesign.js';
import { replicateTotals } from './replicateTotals.js';
import { replicateVariance } from './replicateVariance.js';
import { replicatesFixture, replicatesTable } from './testReplicateDesigns.js';
import { closeTo } from './testReplicates.js';

describe("replicate designs from the plan: R's replicate means, svrVar and degf of svymean(~y, na.rm = TRUE)", () => {
  const table = replicatesTable();
  const y = numericColumn(table, 'y');
  it.each(Object.keys(replicatesFixture.designs))('%s', (key) => {
    const expected = replicatesFixture.replicateMeans[key]!;
    const design = buildReplicateDesign(table, replicatesFixture.designs[key]!.plan);
    const replicates = design.replicates!;
    expect(replicates.count).toBe(expected.replicates.length);
    expect(closeTo(replicates.scale, expected.scale, 1e-12)).toBe(true);
    expect(Array.from(replicates.rscales).every((v, r) => closeTo(v, expected.rscales[r]!, 1e-12))).toBe(true);
    expect(design.df).toBe(expected.degf);
    const used = Float64Array.from(y, (v) => (Number.isNaN(v) ? 0 : 1));
    const values = Float64Array.from(y, (v) => (Number.isNaN(v) ? 0 : v));
    let sw = 0;
    let swy = 0;
    for (let i = 0; i < y.length; i++) {
      sw += design.weights[i]! * used[i]!;
      swy += design.weights[i]! * values[i]!;
    }
    expect(closeTo(swy / sw, expected.estimate, 1e-12)).toBe(true);
    const totals = replicateTotals(replicates, design.weights, [values, used]);
    const means = Float64Array.from({ length: replicates.count }, (_, r) => totals[2 * r]! / totals[2 * r + 1]!);
    expect(Array.from(means).every((m, r) => closeTo(m, expected.replicates[r]!, 1e-10))).toBe(true);
    const v = replicateVariance(means, 1, replicates, [swy / sw]).covariance[0]!;
    expect(closeTo(v, expected.variance, 1e-9)).toBe(true);
  });
});

describe('replicate designs: what R warns about, and what it refuses', () => {
  const table = replicatesTable();
  const build = (replicates: Record<string, unknown>, rest: Record<string, unknown> = { weights: 'weight' }) =>
    buildReplicateDesign(table, { ...rest, replicates } as never);

  it("records the guesses R makes with a warning (JK1 scale, JKn factors' rscales, other)", () => {
    expect(build({ type: 'JK1', columns: '^jk1_' }).replicates!.warnings.join(' ')).toMatch(/no "scale" given for JK1/);
    expect(build({ type: 'JKn', columns: '^jknf_', combinedWeights: false }).replicates!.warnings.join(' ')).toMatch(/no "rscales" given for JKn/);
    expect(build({ type: 'other', columns: '^oth_' }).replicates!.warnings.join(' ')).toMatch(/1 is assumed/);
    expect(build({ type: 'bootstrap', columns: '^bs_' }, {}).replicates!.warnings.join(' ')).toMatch(/no "weights" given/);
    expect(build({ type: 'bootstrap', columns: '^bsf_' }).replicates!.warnings.join(' ')).toMatch(/do not look like full weights/);
  });

  it('refuses what R refuses, naming the field', () => {
    expect(() => build({ type: 'bootstrap', columns: '^nothing_' })).toThrow(/no column name matches the replicate-weight pattern "\^nothing_"/);
    expect(() => build({ type: 'bootstrap', columns: ['bs_1', 'bs_99'] })).toThrow(/"bs_99" is not in the data/);
    expect(() => build({ type: 'bootstrap', columns: '(' })).toThrow(/not a regular expression/);
    expect(() => build({ type: 'JKn', columns: '^jkn_' })).toThrow(/combined JKn weights need "rscales"/);
    expect(() => build({ type: 'JKn', columns: '^jkn_', rscales: [1, 2] })).toThrow(/"rscales" has 2 values but there are 25 replicate columns/);
    expect(() => build({ type: 'Fay', columns: '^fay_' })).toThrow(/Fay's rho must be between 0 and 1/);
    expect(() => build({ type: 'BRR', columns: '^brr_', scale: 0.1 })).toThrow(/"scale" does not apply to BRR/);
    expect(() => build({ type: 'ACS', columns: '^sd_', rscales: 1 })).toThrow(/"rscales" does not apply to ACS/);
    expect(() => build({ type: 'JK1', columns: '^jk1_', rho: 0.5 })).toThrow(/"rho" does not apply to JK1/);
    expect(() => build({ type: 'bootstrap' }, { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true })).toThrow(
      /bootstrap replicate weights cannot be made from the design/,
    );
    expect(() => build({ type: 'JKn', columns: '^jkn_' }, { ids: ['psu'], strata: 'stratum', weights: 'weight' })).toThrow(/takes no "ids"/);
    expect(() => build({ type: 'JKn', scale: 2 }, { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true })).toThrow(
      /"scale" is for given replicate columns/,
    );
    expect(() => build({ type: 'Fay' }, { ids: ['half'], strata: 'pair', weights: 'weight', nest: true })).toThrow(/Fay's method needs "rho"/);
    expect(() => build({ type: 'BRR' }, { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true })).toThrow(
      /stratum "s10" has 4 PSUs|stratum "s1" has 3 PSUs/,
    );
  });

  it('refuses a missing replicate weight, naming row and column', () => {
    const cells = [...table.columns[table.header.indexOf('bs_3')]!];
    cells[6] = '';
    const holed = { ...table, columns: table.columns.map((c, j) => (j === table.header.indexOf('bs_3') ? textColumn(cells) : c)) };
    expect(() => buildReplicateDesign(holed, { weights: 'weight', replicates: { type: 'bootstrap', columns: '^bs_' } })).toThrow(
      /row 7 has no replicate weight/,
    );
  });
});
