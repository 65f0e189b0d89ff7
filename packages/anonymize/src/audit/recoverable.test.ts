import { describe, expect, it } from 'vitest';
import { findRecoverableKeys } from './recoverable.js';

describe('findRecoverableKeys', () => {
  it('finds a kept code that determines a key, and ignores unrelated or unique columns', () => {
    const area = ['urban', 'rural', 'urban', 'rural', ''];
    const kept = [
      { column: 'stratum', cells: ['p_urban', 'p_rural', 'p_urban', 's_rural', 's_urban'], missing: undefined },
      { column: 'vb1', cells: ['1', '1', '2', '2', '1'], missing: undefined },
      { column: 'weight', cells: ['1.1', '1.2', '1.3', '1.4', '1.5'], missing: undefined },
    ];
    expect(findRecoverableKeys(kept, [{ column: 'area', cells: area, missing: undefined }])).toEqual([{ column: 'stratum', quasiIdentifier: 'area' }]);
  });
});
