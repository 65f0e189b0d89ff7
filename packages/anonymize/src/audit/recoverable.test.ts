import { describe, expect, it } from 'vitest';
import { distinctTexts, textColumn } from '@leakrisk/survey';
import { coarseCells, findRecoverableKeys, givenBackCells, RecoverableCheck, recoverableFrom } from './recoverable.js';

describe('findRecoverableKeys', () => {
  it('finds a kept code that determines a key, and ignores unrelated or nearly unique columns', () => {
    // 16 records: the first eight twice over.
    const twice = (cells: string[]) => [...cells, ...cells];
    const area = twice(['urban', 'rural', 'urban', 'rural', '', 'rural', 'urban', 'rural']);
    const kept = [
      { column: 'stratum', cells: twice(['p_urban', 'p_rural', 'p_urban', 's_rural', 's_urban', 's_rural', 'p_urban', 'p_rural']), missing: undefined },
      { column: 'vb1', cells: twice(['1', '1', '2', '2', '1', '1', '2', '2']), missing: undefined },
      { column: 'weight', cells: Array.from({ length: 16 }, (_, i) => `1.${i}`), missing: undefined },
      // agrees with area on its few repeats, but 11 values for 14 records is no evidence
      { column: 'started', cells: [...Array.from({ length: 11 }, (_, i) => `9:${i}`), '9:0', '9:1', '9:3', '9:7', '9:8'], missing: undefined },
    ];
    // stratum: 3 values over the 14 records with an area: 11 repeats, more than half
    expect(findRecoverableKeys(kept, [{ column: 'area', cells: area, missing: undefined }])).toEqual([{ column: 'stratum', quasiIdentifier: 'area' }]);
    // the same eight records once: 4 repeats are not enough evidence
    expect(
      findRecoverableKeys([{ ...kept[0]!, cells: kept[0]!.cells.slice(0, 8) }], [{ column: 'area', cells: area.slice(0, 8), missing: undefined }]),
    ).toEqual([]);
  });
});

describe('RecoverableCheck', () => {
  const key = (column: string, cells: string[], missing?: ReadonlySet<string>) => ({ column, factor: distinctTexts(textColumn(cells)), missing });

  it('gives what findRecoverableKeys gives, fed row by row, and stops once every key has a counter-example', () => {
    const thrice = (cells: string[]) => [...cells, ...cells, ...cells];
    const area = thrice(['urban', 'rural', 'urban', 'rural', '', 'urban', 'rural', 'rural']);
    const gender = thrice(['m', 'f', 'f', 'm', 'm', '99', 'f', 'f']);
    const stratum = thrice(['p_u', 'p_r', 'p_u', 's_r', 's_u', 'NA', 's_r', 'p_r']);
    const keys = [key('area', area), key('gender', gender, new Set(['99']))];
    const check = new RecoverableCheck('stratum', keys);
    const kept = distinctTexts(textColumn(stratum));
    for (let i = 0; i < stratum.length; i++) check.add(i, kept.codes[i]!, kept.levels[kept.codes[i]!] === 'NA');
    expect(check.result()).toEqual([{ column: 'stratum', quasiIdentifier: 'area' }]);
    // stratum codes p_u 0, p_r 1, s_r 2, s_u 3 → area codes urban 0, rural 1; s_u never beside an area
    expect([...check.determined()[0]!.keyValueOf.slice(0, 4)]).toEqual([0, 1, 1, -1]);
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
    const keyValueOf = Int32Array.from([0, 1, 2]);
    expect(givenBackCells(Int32Array.from([0, 1, 2, 2, 0, -1]), keyValueOf, coarseCells(original, released))).toBe(3);
    // released exactly (each group one value): nothing to give back
    expect(givenBackCells(Int32Array.from([0, 1, 2, 2, 0, 0]), keyValueOf, coarseCells(original, Int32Array.from([0, 1, 2, 2, 0, -1])))).toBe(1);
  });
});
