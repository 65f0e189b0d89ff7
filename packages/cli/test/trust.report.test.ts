// The report publishes no personal data and no unsafe link, attacked through the commands with real
// files: `by` variables and answer levels holding phone numbers or e-mail addresses stop `report`
// (exit 1, naming the analysis and the column, never the value, no site written); a contacts link
// `javascript:` stops `report`, in the settings analyze copied into the results and in `report --settings`.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeStudy, run, snapshot } from './study.js';

const study = makeStudy('leakrisk-trust-report-');
afterAll(() => rmSync(study.dir, { recursive: true, force: true }));
const at = (name: string) => join(study.dir, name);

const PHONES = ['0300-1234567', '0321 7654321', '+92 345 9876543'];
const MAILS = ['ayesha.k@example.com', 'bilal@example.org'];

/** The study's data with a `contact` column (three phone numbers) and a `mail` column (two addresses). */
function dataWithContacts(): string {
  const lines = readFileSync(study.data, 'utf8').trimEnd().split('\n');
  const out = [`${lines[0]},contact,mail`, ...lines.slice(1).map((line, i) => `${line},${PHONES[i % 3]},${MAILS[i % 2]}`)];
  writeFileSync(at('contacts.csv'), `${out.join('\n')}\n`);
  return at('contacts.csv');
}

function plan(name: string, analyses: unknown[], report?: string): string {
  writeFileSync(at(name), JSON.stringify({ design: { ids: [] }, analyses, ...(report ? { report } : {}) }));
  return at(name);
}

describe('report refuses values that look like personal data', () => {
  const data = dataWithContacts();
  it.each([
    ['a `by` variable of phone numbers', 'vb1_by_contact', { type: 'mean', variable: 'vb1', by: ['contact'] }, 'contact'],
    ['the answer levels of e-mail addresses', 'dist_mail', { type: 'distribution', variable: 'mail' }, 'mail'],
    ['a model term of phone numbers', 'model_contact', { type: 'glm', formula: 'vb1 ~ contact' }, 'contact'],
  ])('%s: exit 1 naming analysis and column, no site', async (_name, id, analysis, column) => {
    const results = at(`results-${id}`);
    const analysed = await run(['analyze', '--data', data, '--plan', plan(`${id}.json`, [{ id, ...analysis }]), '--out', results, '--quiet']);
    expect(analysed.code).toBe(0);
    const site = at(`site-${id}`);
    const before = snapshot(study.dir);
    const reported = await run(['report', '--results', results, '--out', site, '--quiet']);
    expect(reported.code).toBe(1);
    expect(reported.stderr).toContain(`analysis "${id}"`);
    expect(reported.stderr).toContain(`column "${column}"`);
    expect(reported.stderr).toMatch(/looks like personal data/);
    for (const value of [...PHONES, ...MAILS]) expect(reported.stderr).not.toContain(value);
    expect(reported.stderr).not.toMatch(/1234567|7654321|9876543|ayesha|bilal/);
    expect(existsSync(site)).toBe(false);
    expect(snapshot(study.dir)).toEqual(before);
  });
});

describe('contact links other than https, http, mailto and tel are refused', () => {
  const settings = JSON.parse(readFileSync(study.settings, 'utf8')) as Record<string, unknown>;
  const contacts = JSON.parse(readFileSync(study.contacts, 'utf8')) as { contacts: { channels: { kind: string; value: string }[] }[] };
  contacts.contacts[0]!.channels.push({ kind: 'web', value: 'javascript:alert(4)' });
  writeFileSync(at('bad-contacts.json'), JSON.stringify(contacts));
  writeFileSync(at('bad-report.json'), JSON.stringify({ ...settings, contacts: 'bad-contacts.json' }));

  it('by report, reading the settings analyze copied (contacts inlined) into the results folder', async () => {
    const results = at('js-results');
    const analysed = await run([
      'analyze',
      '--data',
      study.data,
      '--plan',
      plan('js-plan.json', [{ id: 'd', type: 'distribution', variable: 'vb1' }], 'bad-report.json'),
      '--out',
      results,
      '--quiet',
    ]);
    expect(analysed.code).toBe(0);
    const result = await run(['report', '--results', results, '--out', at('js-site-copied'), '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/report\.json.*contacts\[0\]\.channels\[2\]\.value.*only https, http, mailto and tel links/);
    expect(result.stderr).not.toContain('alert');
    expect(existsSync(at('js-site-copied'))).toBe(false);
  });

  it('by report --settings', async () => {
    const results = at('plain-results');
    expect((await run(['analyze', '--data', study.data, '--plan', study.plan, '--out', results, '--quiet'])).code).toBe(0);
    const result = await run(['report', '--results', results, '--settings', at('bad-report.json'), '--out', at('js-site'), '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/only https, http, mailto and tel links/);
    expect(existsSync(at('js-site'))).toBe(false);
  });
});
