import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dictionaryColumn, formatCsv, loadCodebook, readCsvBytes, parseCsvText, writeCsvColumnsAtomic, type Table } from '@leakrisk/survey';
import { parseAnonymizeConfig } from '../config/load.js';
import { anonymize } from './anonymize.js';
import { keptColumnStats } from './keptColumns.js';
import { describeColumn } from '../audit/utility.js';

const data = fileURLToPath(new URL('../../../../data/', import.meta.url));
const codebook = loadCodebook(`${data}instrument/codebook.json`);
// The bundled config, with the interview dates shifted instead of dropped.
const raw = JSON.parse(readFileSync(`${data}config/anonymize.json`, 'utf8')) as { columns: Record<string, unknown> };
raw.columns.interview_date = { role: 'dateShift', maxDays: 14 };
const config = parseAnonymizeConfig(raw, { file: 'anon.json', dir: `${data}config/` });
const KEY = new TextEncoder().encode('byte-test-key-0123456789abcdef');
const sampleDir = `${data}sample/`;
const sample = readFileSync(`${sampleDir}${readdirSync(sampleDir).find((f) => f.endsWith('.csv'))!}`, 'utf8');

/** The anonymized CSV as the CLI writes it, the audit, and the CSV of the released columns' texts. */
function run(table: Table): { csv: string; audit: string; fromColumns: string } {
  const result = anonymize({ table, config, key: KEY, configFile: 'anon.json', codebook });
  const out = join(mkdtempSync(join(tmpdir(), 'leakrisk-anon-')), 'anon.csv');
  writeCsvColumnsAtomic(out, result.header, result.columns);
  return {
    csv: readFileSync(out, 'utf8'),
    audit: JSON.stringify(result.audit),
    fromColumns: formatCsv(
      result.header,
      result.columns.map((column) => [...column]),
    ),
  };
}

/** The sample rewritten with CRLF line ends, a BOM and needless quotes around some cells. */
function requoted(text: string): string {
  const table = parseCsvText(text);
  const field = (cell: string, i: number, j: number) => (/[",\r\n]/.test(cell) || (i + j) % 7 === 0 ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [table.header.join(',')];
  for (let i = 0; i < table.nrow; i++) lines.push(table.columns.map((c, j) => field(c.get(i), i, j)).join(','));
  return `\ufeff${lines.join('\r\n')}`;
}

describe('anonymize on a byte-backed table', () => {
  it('releases the same bytes and audit as on the same cells held as strings', () => {
    const strings = run({ ...parseCsvText(sample), file: 'raw.csv' });
    const bytes = run(readCsvBytes(Buffer.from(sample, 'utf8'), 'raw.csv'));
    expect(bytes.csv).toBe(strings.csv);
    expect(bytes.audit).toBe(strings.audit);
    expect(bytes.fromColumns).toBe(bytes.csv);
    const transformed = JSON.parse(bytes.audit).transformations.map((t: { action: string }) => t.action);
    expect(transformed).toEqual(expect.arrayContaining(['pseudonymize', 'dateShift', 'scrub', 'drop', 'keep', 'quasi']));
    const quoted = run(readCsvBytes(Buffer.from(requoted(sample), 'utf8'), 'raw.csv'));
    expect(quoted.csv).toBe(strings.csv);
    expect(quoted.audit).toBe(strings.audit);
  });
});

describe('keptColumnStats', () => {
  it('counts, describes and checks kept columns in one pass as the per-column functions do', () => {
    // Four records six times over, then one whose s would start a formula (and whose area is missing).
    // (v is 1 beside urban in the first four, beside rural in the next: it determines nothing)
    const rows = '"a",1,2\nb,99,1\na,,1\nb,"3",0.5\n"a",3,2\nb,99,1\na,,1\nb,"1",0.5\n'.repeat(3);
    const table = readCsvBytes(Buffer.from(`s,v,w\n${rows}"=1+1",-2,1\n`, 'utf8'), 'raw.csv');
    const weights = Float64Array.from([...Array(6).fill([2, 1, 1, 0.5]).flat(), 1]);
    const area = {
      column: 'area',
      factor: dictionaryColumn(Int32Array.from([...Array(6).fill([0, 1, 0, 1]).flat(), -1]), ['urban', 'rural']),
      missing: undefined,
    };
    const [s, v] = keptColumnStats(
      table,
      [
        { column: 0, name: 's', missing: undefined, describe: false },
        { column: 1, name: 'v', missing: new Set(['99']), describe: true },
      ],
      weights,
      [area],
    );
    // s: a → urban, b → rural over 24 records (22 repeats); the last row's "=1+1" would start a formula
    expect(s!.cells).toBe(25);
    expect(s!.description).toBeUndefined();
    expect(s!.determines.map((d) => [d.key, [...d.keyValueOf.slice(0, 2)]])).toEqual([[0, [0, 1]]]);
    expect(s!.pii).toEqual([]);
    expect(s!.formulas).toBe(1);
    expect(v!.cells).toBe(13);
    expect(v!.description).toEqual(describeColumn([...Array(3).fill(['1', '99', '', '3', '3', '99', '', '1']).flat(), '-2'], weights, new Set(['99'])));
    expect(v!.determines).toEqual([]);
    expect(v!.formulas).toBe(0); // -2 is a number
  });
});
