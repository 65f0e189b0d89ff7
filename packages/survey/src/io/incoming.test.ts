import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Table } from '../table/table.js';
import { parseCsvBytes } from './csvBytes.js';
import type { IncomingBytes } from './incoming.js';

/** Bytes that "arrive" `step` at a time: each wait lets the next step in (as a reading thread would). */
function arriving(bytes: Buffer, step: number): IncomingBytes & { waits: number } {
  let available = 0;
  const state = {
    waits: 0,
    available: () => available,
    waitBeyond(count: number) {
      state.waits++;
      if (available <= count) available = Math.min(bytes.length, Math.max(available, count) + step);
      return available;
    },
    completeLength: () => (available === bytes.length ? bytes.length : undefined),
    isUtf8: () => isUtf8(bytes),
  };
  return state;
}

const columnsOf = (table: Table) => table.header.map((_, j) => [...table.columns[j]!]);

function outcome(parse: () => Table): { columns?: string[][]; header?: string[]; error?: string } {
  try {
    const table = parse();
    return { header: [...table.header], columns: columnsOf(table) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('parseCsvBytes on bytes still arriving', () => {
  const text = 'id,text,n\r\n1,"a, b",2\r\n2,"line one\nline two",3\r\n3,"say ""hi""",4\r\n4,plain,5\r\n';

  it('parses rows as they arrive, cutting only at line ends outside quotes', () => {
    const bytes = Buffer.from(text);
    for (const step of [1, 3, 7, 16, 1000]) {
      const incoming = arriving(bytes, step);
      const table = parseCsvBytes(bytes, 'in.csv', incoming);
      expect(columnsOf(table)).toEqual([
        ['1', '2', '3', '4'],
        ['a, b', 'line one\nline two', 'say "hi"', 'plain'],
        ['2', '3', '4', '5'],
      ]);
      if (step < bytes.length) expect(incoming.waits).toBeGreaterThan(0);
    }
  });

  it('gives the errors of a whole-file parse, UTF-8 first', () => {
    for (const bad of ['a,b\n1,2\n3\n', 'a,b\n1,"x\n', 'a,b\n1,"x"y\n', 'a,b\n1,2\n\n3,4\n', '']) {
      const bytes = Buffer.from(bad);
      expect(outcome(() => parseCsvBytes(bytes, 'bad.csv', arriving(bytes, 2)))).toEqual(outcome(() => parseCsvBytes(bytes, 'bad.csv')));
    }
    const latin1 = Buffer.concat([Buffer.from('a,b\n1,2\n3,4\n5,"caf'), Buffer.from([0xe9]), Buffer.from('"\n')]);
    expect(() => parseCsvBytes(latin1, 'latin1.csv', arriving(latin1, 4))).toThrow(/not valid UTF-8/);
  });

  it('property: any table, arriving in any steps, parses as the whole file does', () => {
    const cell = fc.constantFrom('', 'x', 'a b', '"q"', '"x,y"', '"l1\nl2"', '"d""q"', 'ab"c', '7', 'ä');
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 0, maxLength: 12 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        (rows, step, crlf) => {
          const eol = crlf ? '\r\n' : '\n';
          const bytes = Buffer.from(`u,v${eol}${rows.map((r) => r.join(',')).join(eol)}${rows.length > 0 ? eol : ''}`);
          expect(outcome(() => parseCsvBytes(bytes, 'p.csv', arriving(bytes, step)))).toEqual(outcome(() => parseCsvBytes(bytes, 'p.csv')));
        },
      ),
      { numRuns: 400 },
    );
  });
});
