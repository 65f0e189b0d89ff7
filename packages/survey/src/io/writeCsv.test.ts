import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsvFileAtomic } from './writeCsv.js';

describe('writeCsvFileAtomic', () => {
  it('writes RFC 4180 CSV with LF line ends and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakrisk-write-'));
    const path = join(dir, 'out.csv');
    writeCsvFileAtomic(
      path,
      ['id', 'comment'],
      [
        ['1', '2', '3'],
        ['plain', 'has, comma', 'say "hi"\nbye'],
      ],
    );
    expect(readFileSync(path, 'utf8')).toBe('id,comment\n1,plain\n2,"has, comma"\n3,"say ""hi""\nbye"\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('writes more rows than one batch in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakrisk-write-'));
    const path = join(dir, 'big.csv');
    const ids = Array.from({ length: 45_001 }, (_, i) => String(i));
    writeCsvFileAtomic(path, ['id'], [ids]);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.length).toBe(45_003);
    expect(lines[45_001]).toBe('45000');
    expect(lines[45_002]).toBe('');
  });
});
