// `leakrisk report` refuses what must not be published (issue 10): a value that looks like personal
// data among the groups and levels it would print, and a contact link that is not https, http, mailto
// or tel. Each refusal exits 1 with one line naming where the problem is (analysis and column, or the
// settings field) and the fix, never the value itself, and writes no site.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run, snapshot } from './study.js';

/** The report's own made-up household water survey: a results folder with codebook and settings. */
const fixture = fileURLToPath(new URL('../../../apps/report/test/fixtures/study', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'leakrisk-report-refusals-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function resultsFolder(name: string, edit: (results: { results: Record<string, unknown>[] }, settings: Record<string, unknown>) => void): string {
  const dir = join(work, name);
  cpSync(fixture, dir, { recursive: true });
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  const settings = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  edit(results, settings);
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
  writeFileSync(join(dir, 'report.json'), JSON.stringify(settings));
  return dir;
}

async function refused(results: string, message: RegExp, secret: string): Promise<void> {
  const site = join(work, `${results.split('/').at(-1)}-site`);
  const before = snapshot(results);
  const { code, stderr } = await run(['report', '--results', results, '--out', site, '--quiet']);
  expect(code).toBe(1);
  expect(stderr).toMatch(message);
  // The CLI's error form: one line, the problem and then the fix.
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/\. Fix: /);
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
  expect(stderr).not.toContain(secret);
  expect(existsSync(site)).toBe(false);
  expect(snapshot(results)).toEqual(before);
}

describe('leakrisk report refuses to publish personal data', () => {
  it('builds the unedited fixture (the refusals below are caused by the edits alone)', async () => {
    const site = join(work, 'plain-site');
    const { code, stderr } = await run(['report', '--results', resultsFolder('plain', () => {}), '--out', site, '--quiet']);
    expect(stderr).toBe('warning: no audit.json in the results folder: the methodology page says so\n');
    expect(code).toBe(0);
    expect(existsSync(join(site, 'index.html'))).toBe(true);
  });

  it('exits 1 on a `by` variable of phone numbers, naming the analysis and the column, not the numbers', async () => {
    const results = resultsFolder('phones', (results) => {
      results.results.push({
        id: 'mean_by_contact',
        type: 'mean',
        variable: 'water_satisfaction',
        by: 'contact_number',
        rows: ['03001234567', '03211234567'].map((phone) => ({ domain: { contact_number: phone }, estimate: 2.1, se: 0.1, n: 40 })),
      });
    });
    await refused(results, /analysis "mean_by_contact".*contact_number|contact_number.*analysis "mean_by_contact"/, '03001234567');
  });

  it('exits 1 on answer levels that are e-mail addresses', async () => {
    const results = resultsFolder('emails', (results) => {
      results.results.push({
        id: 'dist_contact',
        type: 'distribution',
        variable: 'contact_email',
        rows: ['amina.k@example.org', 'bilal@example.com'].map((level) => ({ level, estimate: 0.5, se: 0.1, n: 40 })),
      });
    });
    await refused(results, /analysis "dist_contact".*contact_email|contact_email.*analysis "dist_contact"/, 'example.org');
  });

  it('exits 1 on a contact link javascript:alert(4), naming the settings field', async () => {
    const results = resultsFolder('javascript', (_results, settings) => {
      (settings['contacts'] as { channels: { kind: string; value: string }[] }[])[0]!.channels.push({ kind: 'web', value: 'javascript:alert(4)' });
    });
    await refused(results, /contacts\[0\]\.channels\[\d+\]\.value/, 'alert(4)');
  });
});
