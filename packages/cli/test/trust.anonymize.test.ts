// The privacy promises of `anonymize`, attacked through the command with real files: personal data in
// a kept column, a kept recode of a quasi-identifier, a hierarchy that is not a tree, a CNIC typed into
// age, a column named __proto__, and weak or exposed keys. Each refusal is exit 1 naming the column,
// never the value, and writes nothing.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeStudy, run, snapshot } from './study.js';

const study = makeStudy('leakrisk-trust-');
afterAll(() => rmSync(study.dir, { recursive: true, force: true }));
const at = (name: string) => join(study.dir, name);
const baseConfig = JSON.parse(readFileSync(study.config, 'utf8')) as { columns: Record<string, unknown>; [key: string]: unknown };

/** The study's raw data with one more column (`name` and its cells, one per row). */
function withColumn(name: string, cell: (i: number) => string, replace?: (line: string, i: number) => string): string {
  const lines = readFileSync(study.data, 'utf8').trimEnd().split('\n');
  const out = [`${lines[0]},${name}`, ...lines.slice(1).map((line, i) => `${replace ? replace(line, i) : line},${cell(i)}`)];
  writeFileSync(at('more.csv'), `${out.join('\n')}\n`);
  return at('more.csv');
}

function config(columns: Record<string, unknown>, more: Record<string, unknown> = {}): string {
  writeFileSync(at('more.json'), JSON.stringify({ ...baseConfig, ...more, columns: { ...baseConfig.columns, ...columns } }));
  return at('more.json');
}

async function refused(data: string, configFile: string, message: RegExp, never: RegExp): Promise<void> {
  const before = snapshot(study.dir);
  const result = await run(['anonymize', '--data', data, '--config', configFile, '--out', at('out/anon.csv'), '--quiet']);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(never);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.code).toBe(1);
  expect(snapshot(study.dir)).toEqual(before);
}

describe('anonymize fails closed on personal data', () => {
  it('refuses a keep column of phone numbers, naming the column and not a number', async () => {
    const data = withColumn('contact', (i) => `0300-${String(1234567 + i).padStart(7, '0')}`);
    await refused(data, config({ contact: 'keep' }), /column "contact".*holds personal data.*phone/i, /0300|123456/);
  });

  it('refuses a kept recode of a quasi-identifier (district_code beside a generalised district)', async () => {
    const codes: Record<string, string> = { lahore: 'PB-01', multan: 'PB-02', karachi_south: 'SD-01', hyderabad: 'SD-02' };
    const data = withColumn('district_code', (i) => {
      const line = readFileSync(study.data, 'utf8').trimEnd().split('\n')[i + 1]!;
      return codes[line.split(',')[4]!]!;
    });
    // district the only quasi-identifier, k = 40: its 30 records a district force it up to province, which district_code gives back
    const columns = { district_code: 'keep', age: 'drop', gender: 'keep' };
    await refused(data, config(columns, { privacy: { k: 40, maxSuppressedShare: 0.1 } }), /"district_code".*"district"/, /PB-0|SD-0/);
  });

  it('refuses a hierarchy in which a district sits under two provinces', async () => {
    writeFileSync(
      at('bad-tree.csv'),
      'district,division,province\nlahore,lahore_division,punjab\nmultan,multan_division,punjab\nkarachi_south,karachi_division,sindh\nhyderabad,lahore_division,sindh\n',
    );
    await refused(study.data, config({ district: { role: 'quasi', hierarchy: 'bad-tree.csv' } }), /not a tree/, /\binternal\b/);
  });

  it('does not echo a CNIC typed into age, and names its row and column', async () => {
    const lines = readFileSync(study.data, 'utf8').split('\n');
    const fields = lines[5]!.split(',');
    fields[2] = '35202-1234567-1';
    lines[5] = fields.join(',');
    writeFileSync(at('cnic.csv'), lines.join('\n'));
    await refused(at('cnic.csv'), study.config, /row 5.*column "age"|column "age".*row 5|age.*row 5/s, /35202|1234567/);
  });
});

describe('anonymize with unusual names and keys', () => {
  it('classifies and releases a column named __proto__', async () => {
    const data = withColumn('__proto__', (i) => String(i % 3));
    const result = await run([
      'anonymize',
      '--data',
      data,
      '--config',
      config(JSON.parse('{"__proto__": "keep"}') as Record<string, unknown>),
      '--out',
      at('proto/anon.csv'),
      '--quiet',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(at('proto/anon.csv'), 'utf8').split('\n')[0]).toBe('resp_id,age,gender,district,vb1,__proto__');
    rmSync(at('proto'), { recursive: true });
  });

  it('warns about a key of 16 zeros and a key file others may read, and still runs', async () => {
    writeFileSync(at('weak.txt'), '0000000000000000\n');
    chmodSync(at('weak.txt'), 0o644);
    const result = await run([
      'anonymize',
      '--data',
      study.data,
      '--config',
      config({}, { keyFrom: 'file:weak.txt' }),
      '--out',
      at('weak/anon.csv'),
      '--quiet',
    ]);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings.some((line) => /weak\.txt/.test(line) && /read/.test(line))).toBe(true);
    expect(warnings.some((line) => /looks guessable \(every character of it is the same\)/.test(line))).toBe(true);
    expect(result.stderr).not.toContain('0000000000000000');
    rmSync(at('weak'), { recursive: true });
  });
});
