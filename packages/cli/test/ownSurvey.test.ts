// Bringing your own survey, end to end, as a researcher does it: with only the installed release
// tarball, from a folder outside the repository, a bilingual (English/Urdu) KoboToolbox XLSForm and
// its export, and an SPSS file, each go `init` → `anonymize` → `analyze` → `report` with no edits.
// The estimates equal R `survey`/`psych` on the same files read by R (scripts/reference/own_survey.R
// made the expected values); identifiers, GPS points and personal data in free text are gone; k ≥ 5
// holds on the file written; the report carries the form's title and Urdu labels and nothing of the
// bundled demo study.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codebookFrom, loadCodebook, missingCodesOf, readCsvFile, readDataFile, type Table } from '@leakrisk/survey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installRelease, type InstalledRelease } from './installedRelease.js';

const fixtures = fileURLToPath(new URL('../../survey/test/fixtures/formats/', import.meta.url));
const expected = JSON.parse(readFileSync(new URL('./fixtures/own-survey-expected.json', import.meta.url), 'utf8')) as Record<
  'kobo' | 'sav',
  { df: number; rows: number; results: Record<string, ExpectedRow[]> }
>;

interface ExpectedRow {
  domain?: Record<string, string>;
  level?: string;
  estimate?: number;
  se?: number;
  ciLow?: number;
  ciHigh?: number;
  alpha?: number;
}
interface Results {
  meta: Record<string, unknown>;
  design: { df: number };
  results: { id: string; rows: (ExpectedRow & Record<string, unknown>)[] }[];
}

/** The demo study's own words: none may reach a report of another study. */
const DEMO_WORDS = [
  'Privacy, blame and online safety in Pakistan',
  'پاکستان میں پرائیویسی، الزام اور آن لائن تحفظ',
  'must not be quoted',
  'leakrisk demonstration survey',
];

let release: InstalledRelease;
beforeAll(() => {
  release = installRelease('leakrisk-own-survey-');
}, 600_000);
afterAll(() => rmSync(release.scratch, { recursive: true, force: true }));

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Every estimate R made equals leakrisk's to 1e-6 relative (same rows, same order, same levels and domains). */
function expectEqualToR(results: Results, reference: Record<string, ExpectedRow[]>, ids: string[]): number {
  let compared = 0;
  for (const id of ids) {
    const got = results.results.find((result) => result.id === id);
    expect(got, `analysis ${id}`).toBeDefined();
    const rows = reference[id]!;
    expect(got!.rows.length, `${id} rows`).toBe(rows.length);
    rows.forEach((row, i) => {
      const actual = got!.rows[i]!;
      if (row.level !== undefined) expect(actual.level, `${id} level ${i}`).toBe(row.level);
      if (row.domain !== undefined) expect(actual.domain, `${id} domain ${i}`).toEqual(row.domain);
      for (const field of ['estimate', 'se', 'ciLow', 'ciHigh', 'alpha'] as const) {
        const want = row[field];
        if (want === undefined) continue;
        const value = actual[field] as number;
        expect(Math.abs(value - want), `${id} row ${i} ${field}: ${value} vs R ${want}`).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(want), 1e-8));
        compared++;
      }
    });
  }
  return compared;
}

/**
 * The fewest records any record of the released file matches on the quasi-identifiers: a missing
 * cell (empty, or a missing code of the study's codebook such as "prefer not to say") matches
 * anything, as sdcMicro's wildcard and the config's `missingMatches: "any"`.
 */
function smallestMatchCount(table: Table, quasi: string[], codebookFile: string): number {
  const codebook = loadCodebook(codebookFile);
  const columns = quasi.map((name) => ({ column: table.columns[table.header.indexOf(name)]!, missing: missingCodesOf(codebook, name) }));
  const rows = Array.from({ length: table.nrow }, (_, i) =>
    columns.map(({ column, missing }) => {
      const cell = column.get(i);
      return missing.has(cell) || cell === 'NA' ? '' : cell;
    }),
  );
  let smallest = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    let count = 0;
    for (const other of rows) if (row.every((cell, j) => cell === '' || other[j] === '' || other[j] === cell)) count++;
    smallest = Math.min(smallest, count);
  }
  return smallest;
}

function quasiOf(configFile: string): string[] {
  const config = readJson<{ columns: Record<string, string | { role: string }> }>(configFile);
  return Object.entries(config.columns)
    .filter(([, entry]) => typeof entry === 'object' && entry.role === 'quasi')
    .map(([name]) => name);
}

/** Runs the whole road in `folder`: init, anonymize, analyze (anonymized, and raw for the comparison by group), report. */
function runStudy(folder: string, data: string, codebook: string | undefined): { init: string } {
  release.env['LEAKRISK_KEY'] = '9c1f4e27b08a35d6e2f71c49a0b8d3e65f2a7c1e0d94b6a3';
  const init = release.run(folder, ['init', '--data', data, ...(codebook === undefined ? [] : ['--codebook', codebook]), '--out', 'study']);
  expect(init.stdout).toBe('');
  release.run(folder, ['anonymize', '--data', data, '--config', 'study/anonymize.json', '--out', 'study/anon.csv', '--audit', 'study/results/audit.json']);
  release.run(folder, ['analyze', '--data', 'study/anon.csv', '--plan', 'study/plan.json', '--out', 'study/results']);
  release.run(folder, ['analyze', '--data', data, '--plan', 'study/plan.json', '--out', 'raw-results']);
  release.run(folder, ['report', '--results', 'study/results', '--out', 'study/site']);
  return { init: init.stderr };
}

/** Analyses whose columns anonymization leaves as they are: on the anonymized file they equal R on the raw one. */
const UNTOUCHED = [
  'vb1_mean',
  'vb2_mean',
  'vb3_mean',
  'vb4_mean',
  'hours_online_mean',
  'trust_police_mean',
  'heard_leak_dist',
  'blames_victim_dist',
  'scale_vb1_alpha',
];
const BY_GENDER = [
  'vb1_by_gender',
  'vb2_by_gender',
  'vb3_by_gender',
  'vb4_by_gender',
  'hours_online_by_gender',
  'trust_police_by_gender',
  'gender_dist',
  'province_dist',
];

describe('a KoboToolbox XLSForm and its export, with only the installed tarball', () => {
  const folder = () => join(release.scratch, 'kobo');

  it('init → anonymize → analyze → report runs unedited', { timeout: 600_000 }, () => {
    mkdirSync(folder());
    copyFileSync(join(fixtures, 'study-form.xlsx'), join(folder(), 'form.xlsx'));
    copyFileSync(join(fixtures, 'kobo-export.csv'), join(folder(), 'export.csv'));
    const { init } = runStudy(folder(), 'export.csv', 'form.xlsx');
    expect(init).toMatch(/Drafted a study for export\.csv \(420 rows, 48 columns\)/);
    const config = readFileSync(join(folder(), 'study', 'anonymize.json'), 'utf8');
    expect(config).not.toContain('undecided');
    expect(readJson<Record<string, unknown>>(join(folder(), 'study', 'anonymize.json'))).toMatchObject({
      keyFrom: 'env:LEAKRISK_KEY',
      codebook: 'codebook.json',
    });
    expect(readJson<Record<string, unknown>>(join(folder(), 'study', 'plan.json'))).toMatchObject({
      codebook: 'codebook.json',
      report: 'report.json',
      design: { ids: ['cluster_id'], weights: 'weight' },
    });
    expect(readFileSync(join(folder(), 'study', 'README.md'), 'utf8')).toContain(
      'The plan assumes respondents sampled in clusters "cluster_id", no strata, weighted by "weight"',
    );
  });

  it('identifiers, GPS points, device and submission metadata and personal data in free text are gone', async () => {
    const form = await codebookFrom(join(folder(), 'form.xlsx'));
    const raw = (await readDataFile(join(folder(), 'export.csv'), { codebook: form })).table;
    const anonText = readFileSync(join(folder(), 'study', 'anon.csv'), 'utf8');
    const header = anonText.slice(0, anonText.indexOf('\n')).split(',');
    for (const gone of [
      'respondent_name',
      'phone',
      'location',
      '_location_latitude',
      '_location_longitude',
      'deviceid',
      'start',
      'end',
      'today',
      '_submission_time',
      'instanceID',
      '_submitted_by',
      'interview_date',
    ]) {
      expect(header, gone).not.toContain(gone);
    }
    expect(header).toEqual(expect.arrayContaining(['vb1', 'platforms/facebook', 'comments', 'gender', 'weight', 'cluster_id']));
    const values = (name: string) => [
      ...new Set(Array.from({ length: raw.nrow }, (_, i) => raw.columns[raw.header.indexOf(name)]!.get(i)).filter((v) => v !== '')),
    ];
    for (const name of values('respondent_name')) expect(anonText, 'a respondent name').not.toMatch(new RegExp(`\\b${name}\\b`));
    for (const column of ['phone', 'location', '_location_latitude', 'deviceid', '_uuid', 'instanceID']) {
      for (const value of values(column)) expect(anonText.includes(value), `a value of ${column}`).toBe(false);
    }
    expect(values('comments').some((text) => /03\d\d-\d{7}/.test(text))).toBe(true); // the raw free text holds phone numbers…
    expect(anonText).not.toMatch(/03\d\d-?\d{7}/); // …the released text none
    expect(anonText).toContain('[PHONE]');
  });

  it('k ≥ 5 holds on the file written', () => {
    return readCsvFile(join(folder(), 'study', 'anon.csv')).then((anon) => {
      const quasi = quasiOf(join(folder(), 'study', 'anonymize.json'));
      expect(quasi).toEqual(expect.arrayContaining(['age', 'gender', 'education', 'province']));
      expect(smallestMatchCount(anon, quasi, join(folder(), 'study', 'codebook.json'))).toBeGreaterThanOrEqual(5);
      expect(new Set(Array.from({ length: anon.nrow }, (_, i) => anon.columns[anon.header.indexOf('age')]!.get(i))).size).toBeLessThan(10); // banded
    });
  });

  it('the estimates equal R survey and psych on the export read by R', () => {
    const reference = expected.kobo.results;
    const released = readJson<Results>(join(folder(), 'study', 'results', 'results.json'));
    expect(released.design.df).toBe(expected.kobo.df);
    expect(expectEqualToR(released, reference, UNTOUCHED)).toBeGreaterThan(30);
    expect(expectEqualToR(released, reference, ['platforms_facebook_mean'])).toBe(4);
    const raw = readJson<Results>(join(folder(), 'raw-results', 'results.json'));
    expect(expectEqualToR(raw, reference, [...UNTOUCHED, ...BY_GENDER])).toBeGreaterThan(80);
  });

  it("the report carries the form's title and Urdu labels, and nothing of the demo study", () => {
    const site = join(folder(), 'study', 'site');
    const english = readFileSync(join(site, 'index.html'), 'utf8');
    const urdu = readFileSync(join(site, 'ur', 'index.html'), 'utf8');
    expect(english).toContain('Online safety pilot (synthetic)');
    expect(urdu).toContain('آن لائن تحفظ کا آزمائشی سروے (مصنوعی)');
    const allUrdu = [urdu, ...['ur/methodology.html'].map((page) => readFileSync(join(site, page), 'utf8'))].join('\n');
    expect(allUrdu).toMatch(/متفق|عورت|ہاں/); // answer labels in Urdu, from the form
    for (const page of [english, urdu, readFileSync(join(site, 'methodology.html'), 'utf8')]) {
      for (const words of DEMO_WORDS) expect(page).not.toContain(words);
      expect(page).not.toContain(release.scratch);
    }
  });
});

describe('an SPSS file, with only the installed tarball', () => {
  const folder = () => join(release.scratch, 'sav');

  it('init → anonymize → analyze → report runs unedited, with the codebook drawn from the file', { timeout: 600_000 }, () => {
    mkdirSync(folder());
    copyFileSync(join(fixtures, 'study.sav'), join(folder(), 'study.sav'));
    const { init } = runStudy(folder(), 'study.sav', undefined);
    expect(init).toMatch(/Drafted a study for study\.sav \(420 rows, 33 columns\)/);
    expect(readFileSync(join(folder(), 'study', 'anonymize.json'), 'utf8')).not.toContain('undecided');
  });

  it('identifiers, GPS and personal data in free text are gone; k ≥ 5 holds on the file written', async () => {
    const raw = (await readDataFile(join(folder(), 'study.sav'))).table;
    const anon = await readCsvFile(join(folder(), 'study', 'anon.csv'));
    const anonText = readFileSync(join(folder(), 'study', 'anon.csv'), 'utf8');
    for (const gone of ['respondent_name', 'phone', 'location', 'deviceid', 'submission_time', 'start', 'end']) expect(anon.header, gone).not.toContain(gone);
    const values = (name: string) => [
      ...new Set(Array.from({ length: raw.nrow }, (_, i) => raw.columns[raw.header.indexOf(name)]!.get(i)).filter((v) => v !== '')),
    ];
    for (const name of values('respondent_name')) expect(anonText, 'a respondent name').not.toMatch(new RegExp(`\\b${name}\\b`));
    for (const column of ['phone', 'location', 'deviceid'])
      for (const value of values(column)) expect(anonText.includes(value), `a value of ${column}`).toBe(false);
    expect(anonText).not.toMatch(/03\d\d-?\d{7}/);
    // the submission id is released only as a keyed pseudonym
    expect(values('submission_id').some((id) => anon.columns[anon.header.indexOf('submission_id')]!.get(0) === id)).toBe(false);
    expect(smallestMatchCount(anon, quasiOf(join(folder(), 'study', 'anonymize.json')), join(folder(), 'study', 'codebook.json'))).toBeGreaterThanOrEqual(5);
  });

  it('the estimates equal R survey on the .sav read by haven (user-missing as NA)', () => {
    const reference = expected.sav.results;
    const released = readJson<Results>(join(folder(), 'study', 'results', 'results.json'));
    expect(expectEqualToR(released, reference, [...UNTOUCHED, 'platforms_facebook_dist'])).toBeGreaterThan(30);
    const raw = readJson<Results>(join(folder(), 'raw-results', 'results.json'));
    expect(expectEqualToR(raw, reference, [...UNTOUCHED, ...BY_GENDER])).toBeGreaterThan(80);
  });

  it('the report has a title of its own, the value labels, and nothing of the demo study', () => {
    const site = join(folder(), 'study', 'site');
    const english = readFileSync(join(site, 'index.html'), 'utf8');
    expect(english).toContain('Survey results');
    expect(english).toMatch(/Strongly agree|Don(&#39;|&#x27;|')t know|Female/);
    for (const page of [english, readFileSync(join(site, 'ur', 'index.html'), 'utf8'), readFileSync(join(site, 'methodology.html'), 'utf8')]) {
      for (const words of DEMO_WORDS) expect(page).not.toContain(words);
      expect(page).not.toContain(release.scratch);
    }
  });
});
