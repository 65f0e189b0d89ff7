// Every CSV the toolkit writes neutralises spreadsheet formulas (trust rules): a text cell starting
// with =, +, -, @, tab or carriage return that is not a number is written after a `'`. Attacked end to
// end: cells that would run a formula in a spreadsheet go through anonymize (anon.csv), analyze (the
// result CSVs) and report (the site's CSV downloads), and never come out live.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './study.js';

const dir = mkdtempSync(join(tmpdir(), 'leakrisk-formulas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const FORMULAS = ['=SUM(A1:A9)', '=HYPERLINK("x","y")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"];
const quoted = (cell: string) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** 200 respondents: `grp` holds the formulas, `gender` is the quasi-identifier, `vb1` an answer, `delta` signed numbers. */
function rawCsv(): string {
  const lines = ['resp_id,gender,grp,vb1,delta'];
  for (let i = 0; i < 200; i++)
    lines.push(`R${i},${i % 2 === 0 ? 'female' : 'male'},${quoted(FORMULAS[i % 4]!)},${1 + (i % 5)},${i % 3 === 0 ? '-2.5' : '+3'}`);
  return `${lines.join('\n')}\n`;
}

/** Every line of a CSV text that starts a cell (after a comma or at the line's start, quoted or not) with a live formula. */
function liveFormulas(csv: string): string[] {
  return csv.split('\n').filter((line) => /(^|,)"?(=|\+(?!\d)|-(?![\d.])|@|\t|\r)/.test(line));
}

describe('spreadsheet formulas in every CSV the toolkit writes', () => {
  writeFileSync(at('raw.csv'), rawCsv());
  writeFileSync(
    at('anon.json'),
    JSON.stringify({ columns: { resp_id: 'drop', gender: { role: 'quasi' }, grp: 'keep', vb1: 'keep', delta: 'keep' }, privacy: { k: 2 } }),
  );
  writeFileSync(
    at('plan.json'),
    JSON.stringify({
      design: { ids: [] },
      analyses: [
        { id: 'dist_grp', type: 'distribution', variable: 'grp' },
        { id: 'vb1_by_grp', type: 'mean', variable: 'vb1', by: ['grp'] },
      ],
    }),
  );

  it('anonymize writes them after a quote in anon.csv, numbers left alone, and counts them in the audit', async () => {
    const result = await run(['anonymize', '--data', at('raw.csv'), '--config', at('anon.json'), '--out', at('anon.csv'), '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const csv = readFileSync(at('anon.csv'), 'utf8');
    expect(liveFormulas(csv)).toEqual([]);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('gender,grp,vb1,delta');
    expect(lines[1]).toBe(`female,'=SUM(A1:A9),1,-2.5`);
    expect(lines[2]).toBe(`male,"'=HYPERLINK(""x"",""y"")",2,+3`);
    expect(lines[3]).toBe(`female,'+cmd|' /C calc'!A0,3,+3`);
    expect(lines[4]).toBe(`male,'-2+3+cmd|' /C calc'!A0,4,-2.5`);
    const audit = JSON.parse(readFileSync(at('audit.json'), 'utf8')) as { transformations: { column: string; formulasNeutralised?: number }[] };
    expect(audit.transformations.find((t) => t.column === 'grp')!.formulasNeutralised).toBe(200);
    expect(audit.transformations.find((t) => t.column === 'delta')!.formulasNeutralised).toBeUndefined();
  });

  it('analyze writes them after a quote in its result CSVs, and report in the site’s downloads', async () => {
    const analysed = await run(['analyze', '--data', at('raw.csv'), '--plan', at('plan.json'), '--out', at('results'), '--quiet']);
    expect(analysed.stderr).toBe('');
    expect(analysed.code).toBe(0);
    const resultCsvs = ['dist_grp.csv', 'vb1_by_grp.csv'].map((name) => readFileSync(join(at('results'), name), 'utf8'));
    for (const csv of resultCsvs) {
      expect(liveFormulas(csv)).toEqual([]);
      for (const formula of FORMULAS) expect(csv).toContain(quoted(`'${formula}`));
    }

    const reported = await run(['report', '--results', at('results'), '--out', at('site'), '--quiet']);
    expect(reported.code).toBe(0);
    const downloads = readdirSync(join(at('site'), 'data')).filter((name) => name.endsWith('.csv'));
    expect(downloads.length).toBeGreaterThanOrEqual(2);
    const all = downloads.map((name) => readFileSync(join(at('site'), 'data', name), 'utf8')).join('\n');
    expect(liveFormulas(all)).toEqual([]);
    for (const formula of FORMULAS) expect(all).toContain(quoted(`'${formula}`));
  });
});
