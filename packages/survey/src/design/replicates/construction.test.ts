import { describe, expect, it } from 'vitest';
import { buildDesign } from '../design.js';
import { replicatesFromDesign } from './fromDesign.js';
import { hadamard } from './hadamard.js';
import { replicateDegf } from './replicateDegf.js';
import { replicateWeightsOf } from './replicateTotals.js';
import { closeTo, tableOfRows, weightsFixture } from './testReplicates.js';

describe("replicate weights made from a design equal R's as.svrepdesign", () => {
  it.each(Object.keys(weightsFixture.designs))('%s', (key) => {
    const entry = weightsFixture.designs[key]!;
    const table = tableOfRows(`${key}.csv`, entry.rows);
    const design = buildDesign(table, entry.spec);
    const made = replicatesFromDesign(design, { type: entry.type, ...(entry.rho !== null ? { rho: entry.rho } : {}) });
    expect(made.count).toBe(entry.factors[0]!.length);
    expect(closeTo(made.scale, entry.scale, 1e-12)).toBe(true);
    expect(Array.from(made.rscales).map((v, r) => closeTo(v, entry.rscales[r]!, 1e-12))).toEqual(entry.rscales.map(() => true));
    // replicate r's factor of row i: its analysis weight over its full-sample weight
    const ones = new Float64Array(design.nrow).fill(1);
    for (let r = 0; r < made.count; r++) {
      const column = replicateWeightsOf(made, ones, r);
      const expected = entry.factors.map((row) => row[r]!);
      expect(
        Array.from(column).map((v, i) => closeTo(v, expected[i]!, 1e-12)),
        `replicate ${r + 1}`,
      ).toEqual(expected.map(() => true));
    }
    expect(replicateDegf(made, design.weights)).toBe(entry.degf);
  });

  it('a stratum with one PSU under the default rule is an error naming it', () => {
    const entry = weightsFixture.designs.jkn_lonely_adjust!;
    const design = buildDesign(tableOfRows('lonely.csv', entry.rows), { ...entry.spec, lonelyPsu: 'fail' });
    expect(() => replicatesFromDesign(design, { type: 'JKn' })).toThrow(/stratum "d" has only one PSU/);
  });

  it('JK1 refuses strata, JKn and BRR refuse a design without them, BRR refuses a stratum of three PSUs', () => {
    const jkn = weightsFixture.designs.jkn!;
    const stratified = buildDesign(tableOfRows('jkn.csv', jkn.rows), jkn.spec);
    expect(() => replicatesFromDesign(stratified, { type: 'JK1' })).toThrow(/unstratified/);
    expect(() => replicatesFromDesign(stratified, { type: 'BRR' })).toThrow(/stratum "b" has 3 PSUs, but BRR needs two PSUs in each stratum/);
    const jk1 = weightsFixture.designs.jk1!;
    const clusters = buildDesign(tableOfRows('jk1.csv', jk1.rows), jk1.spec);
    expect(() => replicatesFromDesign(clusters, { type: 'JKn' })).toThrow(/need strata/);
    expect(() => replicatesFromDesign(clusters, { type: 'Fay', rho: 0.5 })).toThrow(/has no strata/);
    const brr = weightsFixture.designs.brr!;
    const pairs = buildDesign(tableOfRows('brr.csv', brr.rows), brr.spec);
    expect(() => replicatesFromDesign(pairs, { type: 'Fay', rho: 1.2 })).toThrow(/rho must be between 0 and 1/);
  });
});

describe("hadamard() equals R's survey::hadamard", () => {
  it("has R's order for n = 1 … 200", () => {
    const sizes = weightsFixture.hadamard.sizes.map((_, k) => hadamard(k + 1).length);
    expect(sizes).toEqual(weightsFixture.hadamard.sizes);
  });

  it("has R's entries (weighted sums) for n = 1 … 200", () => {
    const checks = weightsFixture.hadamard.checks.map((_, k) => {
      const H = hadamard(k + 1);
      let s = 0;
      H.forEach((row, i) => {
        row.forEach((v, j) => {
          s += v * ((31 * (i + 1) + 17 * (j + 1)) % 101);
        });
      });
      return s;
    });
    expect(checks).toEqual(weightsFixture.hadamard.checks);
  });

  it.each(weightsFixture.hadamard.matrices.map((m) => [m.n, m.rows] as const))("is R's matrix for n = %i", (n, rows) => {
    expect(hadamard(n).map((row) => row.join(''))).toEqual(rows);
  });

  it('is a Hadamard matrix: rows orthogonal as ±1 vectors', () => {
    for (const n of [11, 27, 40, 63, 99]) {
      const H = hadamard(n).map((row) => Array.from(row, (v) => 2 * v - 1));
      for (let a = 0; a < H.length; a++) {
        for (let b = a + 1; b < H.length; b++) expect(H[a]!.reduce((s, v, j) => s + v * H[b]![j]!, 0)).toBe(0);
      }
    }
  });
});
