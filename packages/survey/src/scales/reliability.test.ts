import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureTable } from '../estimate/testDesigns.js';
import { numericColumn } from '../io/columns.js';
import type { Table } from '../table/table.js';
import { cronbachAlpha, type ScaleItemData } from './alpha.js';
import { omegaTotal } from './omega.js';
import { designAlpha } from './svycralpha.js';
import { scoreItems } from './score.js';

// Values from scripts/reference/scales.R (R 4.2.2, psych 2.2.9, survey 4.1.1).
const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const reference = JSON.parse(readFileSync(`${fixtures}scales.json`, 'utf8')) as {
  alpha: Array<{
    id: string;
    items: string[];
    reverse: string[];
    raw_alpha: number;
    std_alpha: number;
    std_alpha_cov2cor: number;
    alpha_if_dropped: Record<string, number>;
    std_alpha_if_dropped: Record<string, number>;
    r_drop: Record<string, number>;
    n_item: Record<string, number>;
    item_mean: Record<string, number>;
    item_sd: Record<string, number>;
  }>;
  omega: Array<{ id: string; items: string[]; reverse: string[]; omega_total: number; loadings: number[] }>;
  svycralpha: Array<{ id: string; items: string[]; reverse: string[]; alpha: number; n?: number }>;
  scores: { items: string[]; reverse: string[]; scores: Array<number | null> };
};

const likert = fixtureTable('scales-likert.csv');
const api = fixtureTable('apiclus1.csv');

/** A fixture column as users' numbers are read (`numericColumn`: empty and `NA` cells missing). */
function numeric(table: Table, name: string): Float64Array {
  return numericColumn(table, name);
}

function itemsOf(names: string[]): ScaleItemData[] {
  const table = names[0] === 'api00' ? api : likert;
  return names.map((name) => ({ name, values: numeric(table, name) }));
}

function close(actual: number | null, expected: number | undefined, tolerance: number): void {
  expect(expected, 'the fixture holds this value').toBeTypeOf('number');
  expect(actual).not.toBeNull();
  expect(Math.abs((actual! - expected!) / expected!)).toBeLessThan(tolerance);
}

describe('cronbachAlpha matches psych::alpha', () => {
  it('item means and standard deviations: by hand, a reversed item re-scored as max + min − x', () => {
    const result = cronbachAlpha(
      [
        { name: 'a', values: [1, 2, 3, 4] },
        { name: 'b', values: [2, NaN, 4, 5] },
      ],
      { reverse: ['b'] },
    );
    // min 1, max 5 over both items: b re-scored is 6 − b = 4, 2, 1, mean 7/3
    expect(result.items.map((item) => item.mean)).toEqual([2.5, 6 - 11 / 3]);
    expect(result.items[0]!.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(result.items[1]!.sd).toBeCloseTo(Math.sqrt(7 / 3), 14);
  });

  for (const entry of reference.alpha) {
    it(`${entry.id}: raw, standardised, alpha if dropped, r.drop, n`, () => {
      const result = cronbachAlpha(itemsOf(entry.items), { reverse: entry.reverse });
      close(result.alpha, entry.raw_alpha, 1e-9);
      close(result.stdAlpha, entry.std_alpha, 1e-9);
      expect(result.items.map((item) => item.item)).toEqual(entry.items);
      for (const item of result.items) {
        close(item.alphaIfDropped, entry.alpha_if_dropped[item.item]!, 1e-9);
        close(item.rDrop, entry.r_drop[item.item]!, 1e-9);
        expect(item.n).toBe(entry.n_item[item.item]);
        close(item.mean, entry.item_mean[item.item], 1e-9);
        close(item.sd, entry.item_sd[item.item], 1e-9);
        if (entry.items.length > 2) close(item.stdAlphaIfDropped, entry.std_alpha_if_dropped[item.item]!, 1e-9);
      }
    });
  }

  // With missing answers the two rules differ: psych >= 2.4.6 (CRAN today) standardises with
  // cor(x, use = "pairwise"), the default here; psych 2.2.9 (Debian's) with cov2cor of the pairwise
  // covariance matrix, `correlations: "fromCovariance"`. scales.R records both.
  const withMissing = reference.alpha.filter((e) => e.id.startsWith('missing_'));
  it('the fixture has data sets with missing answers', () =>
    expect(withMissing.map((e) => e.id)).toEqual(['missing_reverse', 'missing_noreverse', 'missing_two_items']));
  for (const entry of withMissing) {
    it(`${entry.id}: psych 2.2.9's (cov2cor) standardised alpha with correlations: "fromCovariance"`, () => {
      const result = cronbachAlpha(itemsOf(entry.items), { reverse: entry.reverse, correlations: 'fromCovariance' });
      close(result.stdAlpha, entry.std_alpha_cov2cor, 1e-9);
      close(result.alpha, entry.raw_alpha, 1e-9);
      expect(Math.abs(entry.std_alpha - entry.std_alpha_cov2cor)).toBeGreaterThan(1e-5);
    });
  }

  it('hand-computed two-item alpha: C = [[1.6667, 1.3333], [1.3333, 1.3333]] gives 0.888…', () => {
    const result = cronbachAlpha([
      { name: 'a', values: [1, 2, 3, 4] },
      { name: 'b', values: [2, 2, 4, 4] },
    ]);
    // k/(k−1)(1 − tr/ΣC) = 2 (1 − 3/5.6667)
    expect(result.alpha).toBeCloseTo(2 * (1 - 3 / (17 / 3)), 12);
    expect(result.n).toBe(4);
  });

  it('drops an item without variance, as psych does', () => {
    const result = cronbachAlpha([
      { name: 'a', values: [1, 2, 3, 4] },
      { name: 'b', values: [2, 2, 4, 4] },
      { name: 'c', values: [3, 3, 3, 3] },
    ]);
    expect(result.dropped).toEqual(['c']);
    expect(result.items[2]!.alphaIfDropped).toBeNull();
    expect(result.alpha).toBeCloseTo(2 * (1 - 3 / (17 / 3)), 12);
  });
});

describe('omegaTotal matches psych::omega(nfactors = 1)', () => {
  for (const entry of reference.omega) {
    it(`${entry.id}: omega total to 1e-4 and minres loadings`, () => {
      const result = omegaTotal(itemsOf(entry.items), { reverse: entry.reverse });
      expect(result.converged).toBe(true);
      close(result.omegaTotal, entry.omega_total, 1e-4);
      expect(result.loadings).toHaveLength(entry.loadings.length);
      // R scored the reversed items as 6 − x; we negate their correlations: the same loadings
      result.loadings.forEach((l, i) => {
        expect(Math.abs(l - entry.loadings[i]!)).toBeLessThan(1e-4);
      });
    });
  }
});

describe('designAlpha matches survey::svycralpha', () => {
  const weights = numeric(likert, 'weight');
  const apistrat = fixtureTable('apistrat.csv');
  for (const entry of reference.svycralpha) {
    it(entry.id, () => {
      const table = entry.id === 'apistrat' ? apistrat : likert;
      const items = entry.items.map((name) => ({ name, values: numeric(table, name) }));
      const w = entry.id === 'apistrat' ? numeric(apistrat, 'pw') : weights;
      const result = designAlpha(items, w, { reverse: entry.reverse });
      close(result.alpha, entry.alpha, 1e-9);
      if (entry.n !== undefined) expect(result.n).toBe(entry.n);
    });
  }
});

describe('scoreItems matches psych::scoreItems(impute = "none")', () => {
  it('mean of answered items after re-keying 1..5', () => {
    const { items, reverse, scores } = reference.scores;
    const columns = items.map((name) => numeric(likert, name));
    const ranges = items.map((name) => (reverse.includes(name) ? { min: 1, max: 5 } : undefined));
    const result = scoreItems(columns, ranges, { method: 'mean', minAnswered: 1 });
    expect(result).toHaveLength(scores.length);
    scores.forEach((expected, i) => {
      if (expected === null) expect(result[i]).toBeNaN();
      else expect(Math.abs(result[i]! - expected)).toBeLessThan(1e-12);
    });
  });
});
