import { describe, expect, it } from 'vitest';
import { tableFromColumns, textColumn, type Table } from '@leakrisk/survey';
import type { ReleaseDesignConfig } from '../config/types.js';
import { releaseReplicates } from './releaseReplicates.js';

/** Two strata of two PSUs of two rows: stratum A (PSUs 1, 2), stratum B (PSUs 1, 2; nested). */
function sample(): Table {
  const rows = [
    ['A', '1', '10'],
    ['A', '1', '12'],
    ['A', '2', '10'],
    ['A', '2', '14'],
    ['B', '1', '20'],
    ['B', '1', '20'],
    ['B', '2', '25'],
    ['B', '2', '30'],
  ];
  const names = ['stratum', 'psu', 'weight'];
  return tableFromColumns(
    'raw.csv',
    names.map((name, j) => ({ name, column: textColumn(rows.map((r) => r[j]!)) })),
  );
}

const design = (replicates: ReleaseDesignConfig['replicates']): ReleaseDesignConfig => ({
  ids: ['psu'],
  strata: 'stratum',
  weights: 'weight',
  nest: true,
  replicates,
});
const KEY = new TextEncoder().encode('0123456789abcdef0123456789abcdef');

describe('releaseReplicates', () => {
  it('JKn: one column per PSU, the dropped PSU at 0, its stratum partner doubled, the other stratum as it was', () => {
    const released = releaseReplicates(sample(), design({ type: 'JKn', prefix: 'repw' }), undefined, new Map());
    expect(released.names).toEqual(['repw1', 'repw2', 'repw3', 'repw4']);
    expect(released.columns.map((c) => [...c])).toEqual([
      [0, 0, 20, 28, 20, 20, 25, 30],
      [20, 24, 0, 0, 20, 20, 25, 30],
      [10, 12, 10, 14, 0, 0, 50, 60],
      [10, 12, 10, 14, 40, 40, 0, 0],
    ]);
    expect(released.dropped).toEqual(['psu', 'stratum']);
    // as.svrepdesign(type = "JKn"): scale 1, rscales (n_h − 1)/n_h = 0.5
    expect(released.spec).toEqual({
      weights: 'weight',
      replicates: { type: 'JKn', columns: '^repw[0-9]+$', scale: 1, rscales: 0.5, combinedWeights: true, mse: false },
    });
  });

  it('bootstrap: as many replicates as asked, each drawing two PSUs per stratum with replacement, the same for the same key', () => {
    const config = design({ type: 'bootstrap', count: 7, prefix: 'bw' });
    const released = releaseReplicates(sample(), config, KEY, new Map());
    expect(released.names).toHaveLength(7);
    expect(released.names[6]).toBe('bw7');
    const weights = [10, 12, 10, 14, 20, 20, 25, 30];
    for (const column of released.columns) {
      const factors = column.map((w, i) => w / weights[i]!);
      // a factor is the number of times its PSU was drawn: the same on both rows of a PSU, two draws per stratum
      expect(factors[0]).toBe(factors[1]);
      expect(factors[4]).toBe(factors[5]);
      expect(factors[0]! + factors[2]!).toBe(2);
      expect(factors[4]! + factors[6]!).toBe(2);
    }
    // R's bootweights scale: n̄/((n̄ − 1)(R − 1)) with n̄ = 2 PSUs per stratum, R = 7
    expect(released.spec.replicates).toEqual({ type: 'bootstrap', columns: '^bw[0-9]+$', scale: 2 / 6, rscales: 1, combinedWeights: true, mse: false });
    const again = releaseReplicates(sample(), config, KEY, new Map());
    expect(again.columns).toEqual(released.columns);
    const other = releaseReplicates(sample(), config, new TextEncoder().encode('fedcba9876543210fedcba9876543210'), new Map());
    expect(other.columns).not.toEqual(released.columns);
  });
});
