// The public-use release round trip (issue 12): anonymize with a config "design" block writes replicate
// weights in place of strata and PSUs, and the plan for the released file; analyze on the released file
// with that plan prints exactly the standard errors the audit recorded as `seReleased`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Audit, StandardErrorRow as SeRow } from '@leakrisk/anonymize';
import type { Results } from '@leakrisk/survey';
import { run } from './study.js';

const dir = mkdtempSync(join(tmpdir(), 'leakrisk-public-use-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

/** 144 respondents: six strata of three PSUs of eight; weights vary within strata. */
function rawCsv(): string {
  const lines = ['resp_id,stratum,psu,weight,gender,vb1,hours'];
  for (let i = 0; i < 144; i++) {
    const stratum = `s${1 + Math.floor(i / 24)}`;
    const psu = 1 + (Math.floor(i / 8) % 3);
    const weight = 50 + 5 * (i % 4) + Math.floor(i / 24);
    const gender = i % 3 === 0 ? 'female' : 'male';
    const vb1 = 1 + ((i * 7 + psu) % 5);
    const hours = ((i * 13) % 9) + psu / 2;
    lines.push(`R${i + 1},${stratum},${psu},${weight},${gender},${vb1},${hours}`);
  }
  return `${lines.join('\n')}\n`;
}

function setUp(replicates: Record<string, unknown>, calibration?: Record<string, unknown>): void {
  writeFileSync(at('raw.csv'), rawCsv());
  writeFileSync(at('key.txt'), '7c1e9a40d2b35f86e0a4c7d19b2f3e58a6d0c4b7e9f1a2d3c5b6e7f8091a2b3c\n', { mode: 0o600 });
  writeFileSync(
    at('anon.json'),
    JSON.stringify({
      keyFrom: 'file:key.txt',
      columns: { resp_id: 'pseudonymize', stratum: 'drop', psu: 'drop', weight: 'keep', gender: { role: 'quasi' }, vb1: 'keep', hours: 'keep' },
      privacy: { k: 2, weights: 'weight' },
      design: { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true, replicates },
    }),
  );
  writeFileSync(
    at('plan.json'),
    JSON.stringify({
      design: { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true },
      ...(calibration === undefined ? {} : { calibration }),
      analyses: [
        { id: 'vb1', type: 'mean', variable: 'vb1', by: ['gender'] },
        { id: 'hours', type: 'total', variable: 'hours' },
        { id: 'agree', type: 'proportion', variable: 'vb1', level: '5' },
        { id: 'reg', type: 'glm', formula: 'hours ~ gender + vb1', family: 'gaussian' },
      ],
    }),
  );
}

async function roundTrip(name: string): Promise<{ audit: Audit; rows: SeRow[]; results: Results }> {
  const anonymized = await run([
    'anonymize',
    '--data',
    at('raw.csv'),
    '--config',
    at('anon.json'),
    '--out',
    at(`${name}.csv`),
    '--audit',
    at(`${name}.audit.json`),
    '--plan',
    at('plan.json'),
    '--quiet',
  ]);
  expect(anonymized.stderr).toBe('');
  expect(anonymized.code).toBe(0);
  const analyzed = await run(['analyze', '--data', at(`${name}.csv`), '--plan', at(`${name}.plan.json`), '--out', at(`${name}-results`), '--quiet']);
  expect(analyzed.stderr).toBe('');
  expect(analyzed.code).toBe(0);
  const audit = JSON.parse(readFileSync(at(`${name}.audit.json`), 'utf8')) as Audit;
  return { audit, rows: audit.design!.standardErrors!.rows, results: JSON.parse(readFileSync(at(`${name}-results/results.json`), 'utf8')) as Results };
}

/** The released results' rows with an SE, in plan order, as the audit lists them. */
function releasedRows(results: Results): { analysis: string; domain: Record<string, string>; term?: string; se: unknown }[] {
  return results.results.flatMap((result) =>
    result.rows
      .filter((row) => 'se' in row)
      .map((row) => ({ analysis: result.id, domain: row.domain ?? {}, ...(typeof row.term === 'string' ? { term: row.term } : {}), se: row.se })),
  );
}

describe('a public-use release round-trips', () => {
  it('JKn: the audit’s released SEs are what analyze prints on the released file, and a total’s SE is the original design’s', async () => {
    setUp({ type: 'JKn' });
    const { audit, rows: recorded, results } = await roundTrip('jkn');
    expect(audit.design!.plan).toBe('jkn.plan.json');
    const header = readFileSync(at('jkn.csv'), 'utf8').split('\n')[0]!.split(',');
    expect(header).not.toContain('stratum');
    expect(header).not.toContain('psu');
    expect(header.filter((h) => /^repw[0-9]+$/.test(h))).toHaveLength(18);
    const printed = releasedRows(results);
    expect(recorded).toHaveLength(printed.length);
    expect(printed.length).toBe(2 + 1 + 1 + 3);
    recorded.forEach((row, k) => {
      expect({ analysis: row.analysis, domain: row.domain, term: row.term, se: row.seReleased }).toEqual({ term: undefined, ...printed[k]! });
    });
    // the stratified jackknife of a total is the linearisation variance (with replacement) exactly
    const total = recorded.find((row) => row.analysis === 'hours')!;
    expect(Math.abs(total.seReleased! / total.seOriginal! - 1)).toBeLessThan(1e-9);
    // df is R's degf of the replicate weights: rank 13 (the replicates of each stratum sum alike) − 1 = PSUs − strata
    expect(results.design.df).toBe(12);
  });

  it('bootstrap: as many replicates as asked, and the same round trip', async () => {
    setUp({ type: 'bootstrap', count: 40, prefix: 'bw' });
    const { rows: recorded, results } = await roundTrip('boot');
    const header = readFileSync(at('boot.csv'), 'utf8').split('\n')[0]!.split(',');
    expect(header.filter((h) => /^bw[0-9]+$/.test(h))).toHaveLength(40);
    const printed = releasedRows(results);
    expect(recorded.map((row) => row.seReleased)).toEqual(printed.map((row) => row.se));
    // a bootstrap's SEs are near the design's, not equal to them
    const total = recorded.find((row) => row.analysis === 'hours')!;
    expect(total.seReleased).not.toBe(total.seOriginal);
    expect(total.seReleased! / total.seOriginal!).toBeGreaterThan(0.5);
    expect(total.seReleased! / total.seOriginal!).toBeLessThan(2);
    // degf of 40 replicate columns made from 18 PSUs: at most 18 − 1
    expect(results.design.df).toBeGreaterThan(0);
    expect(results.design.df).toBeLessThanOrEqual(17);
  });

  it('calibrated: the released plan keeps the calibration, and every replicate is calibrated alike', async () => {
    setUp({ type: 'JKn' }, { method: 'poststratify', margins: { gender: { female: 4000, male: 8000 } } });
    const { rows: recorded, results } = await roundTrip('cal');
    const plan = JSON.parse(readFileSync(at('cal.plan.json'), 'utf8'));
    expect(plan.calibration).toEqual({ method: 'poststratify', margins: { gender: { female: 4000, male: 8000 } } });
    expect(results.calibration).toMatchObject({ method: 'poststratify' });
    expect(recorded.map((row) => row.seReleased)).toEqual(releasedRows(results).map((row) => row.se));
    expect(recorded.find((row) => row.analysis === 'hours')!.seReleased).toBeGreaterThan(0);
  });
});
