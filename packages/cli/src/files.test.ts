import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvBytes, readCsvFile, type Table } from '@leakrisk/survey';
import { readDataInBackground } from './files.js';

/** Each column's cells as texts. */
const texts = (table: Table) => table.columns.map((column) => [...column]);

describe('readDataInBackground', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leakrisk-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands over the file bytes and their SHA-256', async () => {
    const path = join(dir, 'data.csv');
    const text = `id,name\n${'1,ä\n2,"b, c"\n'.repeat(5000)}`;
    writeFileSync(path, text);
    const data = readDataInBackground(path);
    const reading = (await data.bytes)!;
    expect(reading).toBeDefined();
    // Parsed as the rows arrive: the same table as reading the file whole.
    const table = readCsvBytes(reading.bytes, path, reading.incoming);
    const whole = await readCsvFile(path);
    expect(table.nrow).toBe(10_000);
    expect(texts(table)).toEqual(texts(whole));
    expect(reading.incoming.completeLength()).toBe(Buffer.byteLength(text));
    expect(Buffer.compare(reading.bytes, readFileSync(path))).toBe(0);
    expect(await data.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('reads an empty file', async () => {
    const path = join(dir, 'empty.csv');
    writeFileSync(path, '');
    const data = readDataInBackground(path);
    const reading = (await data.bytes)!;
    expect(reading.bytes.length).toBe(0);
    expect(() => readCsvBytes(reading.bytes, 'empty.csv', reading.incoming)).toThrow(/empty/);
    expect(await data.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('gives no bytes for a missing file (the caller reads it and reports why) and no hash', async () => {
    const data = readDataInBackground(join(dir, 'missing.csv'));
    expect(await data.bytes).toBeUndefined();
    await expect(data.sha256).rejects.toThrow(/ENOENT/);
  });

  it('reads without hashing when the hash is not wanted, and can be stopped', async () => {
    const path = join(dir, 'nohash.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    const data = readDataInBackground(path, { hash: false });
    const reading = (await data.bytes)!;
    expect(texts(readCsvBytes(reading.bytes, path, reading.incoming))).toEqual([['1'], ['2']]);
    await expect(data.sha256).rejects.toThrow(/not asked for/);
    data.stop();
  });
});
