import { describe, expect, it, vi } from 'vitest';
import { parseCsvText } from '@leakrisk/survey';
import { parseAnonymizeConfig } from '../config/load.js';
import { anonymize } from './anonymize.js';

// The guard is independent of the search: a search whose release forgets its local suppression (as a
// bug would) must not reach the output.
vi.mock('../search/lattice.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../search/lattice.js')>();
  return {
    ...real,
    searchLattice: (input: Parameters<typeof real.searchLattice>[0]) => {
      const result = real.searchLattice(input);
      const { hierarchy, leaves } = input.keys[0]!;
      // Every record's level-0 label, whatever the search suppressed.
      return { ...result, release: (j: number) => (j === 0 ? Array.from(leaves, (leaf) => (leaf < 0 ? '' : hierarchy.leaves[leaf]!)) : result.release(j)) };
    },
  };
});

describe('the release guard', () => {
  it('refuses a release whose written keys do not meet k, writing nothing', () => {
    const config = parseAnonymizeConfig(
      { columns: { g: { role: 'quasi' }, v: 'keep' }, privacy: { k: 3, maxSuppressedShare: 0.5 } },
      { file: 'anon.json', dir: '/' },
    );
    const table = parseCsvText('g,v\na,1\na,2\na,3\nb,4\n', 'raw.csv');
    expect(() => anonymize({ table, config, key: undefined, configFile: 'anon.json' })).toThrow(
      'the output as it would be written does not meet the requirement: 1 record is in a class below k = 3 (missingMatches "any")',
    );
  });
});
