import { describe, expect, it } from 'vitest';
import { distinctTexts, textColumn } from '@leakrisk/survey';
import { findRecoverableKeys, RecoverableCheck, recoverableFrom } from './recoverable.js';

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

describe('RecoverableCheck', () => {
  const key = (column: string, cells: string[], missing?: ReadonlySet<string>) => ({ column, factor: distinctTexts(textColumn(cells)), missing });

  it('gives what findRecoverableKeys gives, fed row by row, and stops once every key has a counter-example', () => {
    const area = ['urban', 'rural', 'urban', 'rural', '', 'urban'];
    const gender = ['m', 'f', 'f', 'm', 'm', '99'];
    const stratum = ['p_u', 'p_r', 'p_u', 's_r', 's_u', 'NA'];
    const keys = [key('area', area), key('gender', gender, new Set(['99']))];
    const check = new RecoverableCheck('stratum', keys);
    const kept = distinctTexts(textColumn(stratum));
    for (let i = 0; i < stratum.length; i++) check.add(i, kept.codes[i]!, kept.levels[kept.codes[i]!] === 'NA');
    expect(check.result()).toEqual([{ column: 'stratum', quasiIdentifier: 'area' }]);
    expect(check.done).toBe(false);
    expect(recoverableFrom(key('stratum', stratum), keys)).toEqual(
      findRecoverableKeys(
        [{ column: 'stratum', cells: stratum, missing: undefined }],
        [
          { column: 'area', cells: area, missing: undefined },
          { column: 'gender', cells: gender, missing: new Set(['99']) },
        ],
      ),
    );
    const unrelated = new RecoverableCheck('vb1', keys);
    unrelated.add(0, 0, false);
    unrelated.add(1, 0, false);
    expect(unrelated.done).toBe(true);
  });
});
