import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter.js';

describe('detectDelimiter', () => {
  it('reads the header line outside quotes', () => {
    expect(detectDelimiter(Buffer.from('"a";"b";"c"\n"1,5";"2";"3"\n'))).toBe(';');
    expect(detectDelimiter(Buffer.from('a,b,c\n1;2,3,4\n'))).toBe(',');
    expect(detectDelimiter(Buffer.from('"x;y",b\n'))).toBe(',');
    expect(detectDelimiter(Buffer.from('single\n'))).toBe(',');
  });
});
