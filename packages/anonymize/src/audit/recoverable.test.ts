import { describe, expect, it } from 'vitest';
import { distinctTexts, textColumn } from '@leakrisk/survey';
import { coarseCells, findRecoverableKeys, givenBackCells, RecoverableCheck, recoverableFrom } from './recoverable.js';

describe('findRecoverableKeys', () => {
  it('finds a kept code that determines a key, and ignores unrelated or nearly unique columns', () => {
    const area = ['urban', 'rural', 'urban', 'rural', '', 'rural', 'urban', 'rural'];
    const kept = [
      { column: 'stratum', cells: ['p_urban', 'p_rural', 'p_urban', 's_rural', 's_urban', 's_rural', 'p_urban', 'p_rural'], missing: undefined },
      { column: 'vb1', cells: ['1', '1', '2', '2', '1', '1', '2', '2'], missing: undefined },
      { column: 'weight', cells: ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'], missing: undefined },
      // agrees with area on its one repeated value, but 6 values for 7 records is no evidence
      { column: 'started', cells: ['9:01', '9:02', '9:01', '9:03', '9:04', '9:05', '9:06', '9:07'], missing: undefined },
    ];
    // stratum: 3 values over the 7 records with an area, at least two records per value on average
    expect(findRecoverableKeys(kept, [{ column: 'area', cells: area, missing: undefined }])).toEqual([{ column: 'stratum', quasiIdentifier: 'area' }]);
  });
});

describe('RecoverableCheck', () => {
  const key = (column: string, cells: string[], missing?: ReadonlySet<string>) => ({ column, factor: distinctTexts(textColumn(cells)), missing });

  it('gives what findRecoverableKeys gives, fed row by row, and stops once every key has a counter-example', () => {
    const area = ['urban', 'rural', 'urban', 'rural', '', 'urban', 'rural', 'rural'];
    const gender = ['m', 'f', 'f', 'm', 'm', '99', 'f', 'f'];
    const stratum = ['p_u', 'p_r', 'p_u', 's_r', 's_u', 'NA', 's_r', 'p_r'];
    const keys = [key('area', area), key('gender', gender, new Set(['99']))];
    const check = new RecoverableCheck('stratum', keys);
    const kept = distinctTexts(textColumn(stratum));
    for (let i = 0; i < stratum.length; i++) check.add(i, kept.codes[i]!, kept.levels[kept.codes[i]!] === 'NA');
    expect(check.result()).toEqual([{ column: 'stratum', quasiIdentifier: 'area' }]);
    // stratum codes p_u 0, p_r 1, s_r 2, s_u 3 → area codes urban 0, rural 1; s_u never beside an area
    expect([...check.determined()[0]!.valueOf.slice(0, 4)]).toEqual([0, 1, 1, -1]);
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

describe('coarseCells and givenBackCells', () => {
  it('marks cells released as a group of two or more original values, or empty', () => {
    // district codes: lahore 0, kasur 1, sukkur 2; released: punjab 0 (lahore, kasur), sindh 1 (sukkur only), suppressed −1
    const original = Int32Array.from([0, 1, 2, 2, 0, -1]);
    const released = Int32Array.from([0, 0, 1, 1, -1, -1]);
    expect([...coarseCells(original, released)]).toEqual([1, 1, 0, 0, 1, 1]);
    // a district code kept beside it: codes 0, 1, 2 → lahore, kasur, sukkur; row 5 has no code
    const valueOf = Int32Array.from([0, 1, 2]);
    expect(givenBackCells(Int32Array.from([0, 1, 2, 2, 0, -1]), valueOf, coarseCells(original, released))).toBe(3);
    // released exactly (each group one value): nothing to give back
    expect(givenBackCells(Int32Array.from([0, 1, 2, 2, 0, 0]), valueOf, coarseCells(original, Int32Array.from([0, 1, 2, 2, 0, -1])))).toBe(1);
  });
});
