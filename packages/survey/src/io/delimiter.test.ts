import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from './csvBytes.js';
import { detectDelimiter } from './delimiter.js';

describe('detectDelimiter', () => {
  it('reads the header line outside quotes', () => {
    expect(detectDelimiter(Buffer.from('"a";"b";"c"\n"1,5";"2";"3"\n'))).toBe(';');
    expect(detectDelimiter(Buffer.from('a,b,c\n1;2,3,4\n'))).toBe(',');
    expect(detectDelimiter(Buffer.from('"x;y",b\n'))).toBe(',');
    expect(detectDelimiter(Buffer.from('single\n'))).toBe(',');
  });
});

describe('parseCsvBytes with a delimiter', () => {
  it('reads ";" files, quoted ";" and line breaks included, when told or when the header says so', () => {
    const bytes = Buffer.from('"a";"b";"c"\r\n"1,5";"x;y";""\r\n2;"multi\nline";NA\r\n');
    for (const table of [parseCsvBytes(bytes, 'k.csv', undefined, ';'), parseCsvBytes(bytes, 'k.csv', undefined, 'detect')]) {
      expect(table.header).toEqual(['a', 'b', 'c']);
      expect(table.nrow).toBe(2);
      expect([...table.columns[0]!]).toEqual(['1,5', '2']);
      expect([...table.columns[1]!]).toEqual(['x;y', 'multi\nline']);
      expect([...table.columns[2]!]).toEqual(['', 'NA']);
    }
  });

  it('keeps "," as the delimiter of a comma file, and names a row with a missing field', () => {
    const table = parseCsvBytes(Buffer.from('a,b\n1;2,3\n'), 'c.csv', undefined, 'detect');
    expect([...table.columns[0]!]).toEqual(['1;2']);
    expect(() => parseCsvBytes(Buffer.from('a;b;c\n1;2\n'), 's.csv', undefined, 'detect')).toThrow(/row 1 has 2 fields but the header has 3/);
  });
});
