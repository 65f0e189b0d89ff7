import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsvBytes } from '../io/csvBytes.js';
import { parseCsvText } from '../io/csv.js';
import { factorColumn, numericColumn } from '../io/columns.js';
import { distinctTexts } from './distinct.js';

const table = (text: string) => parseCsvBytes(Buffer.from(text, 'utf8'), 'test.csv');

describe('distinct texts read from the bytes', () => {
  const csv = 'id,group,score,note\n1,a,2.5,x\n2,"a",10,"say ""hi"""\n3,b,,say "hi"\n4,"b,c",-3,x\n5,a,NA,\n6,abcdefghij,1,"abcdefghij"\n';

  it('gives equal texts one value however they are quoted', () => {
    const t = table(csv);
    // `"a"` and `a` are one value; `b,c` keeps its comma; short, packed and long texts alike.
    expect(distinctTexts(t.columns[1]!)).toMatchObject({ codes: Int32Array.from([0, 0, 1, 2, 0, 3]), levels: ['a', 'b', 'b,c', 'abcdefghij'] });
    expect(distinctTexts(t.columns[3]!)).toMatchObject({ codes: Int32Array.from([0, 1, 1, 0, 2, 3]), levels: ['x', 'say "hi"', '', 'abcdefghij'] });
    expect(factorColumn(t, 'group').levels).toEqual(['a', 'abcdefghij', 'b', 'b,c']);
  });

  it('keeps apart texts that share a hash slot or a prefix', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? `v${i}` : `value-number-${i}`));
    const t = table(`x\n${values.join('\n')}\n${values.join('\n')}\n`);
    const { codes: index, levels: distinct } = distinctTexts(t.columns[0]!);
    expect(distinct).toEqual(values);
    expect(Array.from(index)).toEqual([...values.keys(), ...values.keys()]);
  });

  it('property: codes and numbers from the bytes equal those from the text parser on any small table', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'NA', '0', '1', '2.50', '-3', '98', 'a', 'b c', 'ä', 'ab"c', '1e3', '"q"', '"x""y"', '"1,2"', '"7"', '7', 'longer text value'),
      fc.integer({ min: -50, max: 50 }).map(String),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 40 }), (rows) => {
        const text = `u,v\n${rows.map(([u, v]) => `${u},${v}`).join('\n')}\n`;
        const fromBytes = table(text);
        const fromText = parseCsvText(text, 'test.csv');
        for (const name of ['u', 'v']) {
          const [a, b] = [factorColumn(fromBytes, name), factorColumn(fromText, name)];
          expect([a.codes, a.levels]).toEqual([b.codes, b.levels]);
          const numbers = (t: typeof fromText): number[] | string => {
            try {
              return Array.from(numericColumn(t, name));
            } catch (error) {
              return (error as Error).message;
            }
          };
          expect(numbers(fromBytes)).toEqual(numbers(fromText));
        }
      }),
      { numRuns: 300 },
    );
  });
});
