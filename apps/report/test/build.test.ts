import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeakriskError } from '@leakrisk/survey';
import { buildReport, type BuildReportResult } from '../src/index.js';

const fixture = fileURLToPath(new URL('./fixtures/results', import.meta.url));
const studyFixture = fileURLToPath(new URL('./fixtures/study', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'leakrisk-report-'));
const site = join(work, 'site');
let built: BuildReportResult;
let cpuSeconds = 0;
let wallSeconds = 0;

beforeAll(async () => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  built = await buildReport({ resultsDir: fixture, outDir: site });
  const used = process.cpuUsage(cpu);
  cpuSeconds = (used.user + used.system) / 1e6;
  wallSeconds = (performance.now() - started) / 1000;
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pages = new Map<string, Document>();
function page(path: string): Document {
  let document = pages.get(path);
  if (!document) {
    document = new JSDOM(readFileSync(join(site, path), 'utf8')).window.document;
    pages.set(path, document);
  }
  return document;
}
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The tests table of a subgroups page: what each test compares and its method. */
const testsTable = (document: Document) =>
  [...document.querySelectorAll('#tests-heading ~ .table-scroll tbody tr')].map((row) => [text(row.querySelector('th')), text(row.querySelector('td'))]);

function csv(id: string, root = site): string[][] {
  return readFileSync(join(root, 'data', `${id}.csv`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

/** Every page link (`*.html`, no scheme) in every page of a site points to a page that was built. */
function brokenPageLinks(root: string, pages: string[]): string[] {
  const broken: string[] = [];
  for (const path of pages) {
    // Every local link and source: pages, CSV downloads, the audit, styles, scripts, fonts.
    for (const [, target] of readFileSync(join(root, path), 'utf8').matchAll(/<(?:a|link|script|img)\b[^>]*\b(?:href|src)="([^"]+)"/g)) {
      const file = target!.replace(/#.*$/, '');
      if (/^[a-z]+:/i.test(target!) || file === '') continue;
      if (!existsSync(join(root, dirname(path), file))) broken.push(`${path} → ${target}`);
    }
  }
  return broken;
}

/** The analyses some figure or table of a site shows (their `data-analyses`). */
function analysesShown(root: string, pages: string[]): Set<string> {
  const shown = new Set<string>();
  for (const path of pages)
    for (const [, ids] of readFileSync(join(root, path), 'utf8').matchAll(/data-analyses="([^"]*)"/g)) for (const id of ids!.split(' ')) shown.add(id);
  return shown;
}

describe('buildReport on the fixture results', () => {
  it('writes an English and an Urdu edition with the same pages', () => {
    expect(built.pages).toContain('index.html');
    expect(built.pages).toContain('ur/index.html');
    const english = built.pages.filter((path) => !path.startsWith('ur/'));
    expect(built.pages.filter((path) => path.startsWith('ur/')).map((path) => path.slice(3))).toEqual(english);
    expect(english).toEqual(expect.arrayContaining(['victim_blaming.html', 'legal_awareness.html', 'subgroups.html', 'methodology.html']));
    for (const path of built.pages) expect(existsSync(join(site, path))).toBe(true);
  });

  it('builds in under 5 s of CPU time', () => {
    console.log(`report build: ${cpuSeconds.toFixed(2)} s CPU, ${wallSeconds.toFixed(2)} s wall`);
    expect(cpuSeconds).toBeLessThan(5);
  });

  it('warns about help contacts that still need verifying', () => {
    expect(built.warnings.some((warning) => /Digital Rights Foundation.*verify-before-publishing/.test(warning))).toBe(true);
  });

  for (const [path, lang, dir] of [
    ['index.html', 'en', 'ltr'],
    ['ur/index.html', 'ur', 'rtl'],
  ] as const) {
    describe(path, () => {
      it(`declares lang="${lang}" dir="${dir}" and a Content-Security-Policy that allows only the site itself`, () => {
        const document = page(path);
        expect(document.documentElement.getAttribute('lang')).toBe(lang);
        expect(document.documentElement.getAttribute('dir')).toBe(dir);
        const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toMatch(/https?:/);
      });

      it('loads scripts, styles and fonts only from the site', () => {
        const document = page(path);
        const urls = [...document.querySelectorAll('script[src], link[href], img[src]')].map((el) => el.getAttribute('src') ?? el.getAttribute('href')!);
        for (const url of urls) expect(url).not.toMatch(/^(https?:)?\/\//);
        for (const url of urls.filter((u) => !u.startsWith('data:'))) expect(existsSync(join(site, lang === 'ur' ? 'ur' : '', url))).toBe(true);
      });

      it('opens with the synthetic-data banner, the content note and the help contacts, before any chart', () => {
        const document = page(path);
        const main = document.querySelector('main')!;
        const synthetic = main.querySelector('.notice.synthetic');
        const note = main.querySelector('.notice.content-note');
        expect(synthetic).not.toBeNull();
        expect(note).not.toBeNull();
        expect(note!.querySelectorAll('.contact')).toHaveLength(2);
        expect(note!.querySelector('a[href^="tel:"]')!.getAttribute('href')).toBe('tel:080039393');
        expect(note!.querySelectorAll('.verify')).toHaveLength(2);
        const firstFigure = main.querySelector('figure')!;
        expect(note!.compareDocumentPosition(firstFigure) & 4).toBe(4);
      });

      it('carries at least six charts, each a figure with caption, accessible SVG, table and CSV', () => {
        const document = page(path);
        const figures = [...document.querySelectorAll('main figure:not(.figure-table)')];
        expect(figures.length).toBeGreaterThanOrEqual(6);
        const kinds = new Set(figures.map((figure) => [...figure.classList].find((c) => c.startsWith('figure-'))));
        expect(kinds).toEqual(
          new Set(['figure-likert', 'figure-dot-interval', 'figure-small-multiples', 'figure-awareness', 'figure-coefficients', 'figure-score-distribution']),
        );
        for (const figure of figures) {
          expect(figure.querySelectorAll('svg[role="img"]')).toHaveLength(2);
          const svg = figure.querySelector('.chart-wide svg')!;
          expect(figure.querySelector('.chart-narrow svg')!.getAttribute('viewBox')).toMatch(/^0 0 360 /);
          expect(svg.getAttribute('role')).toBe('img');
          const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
          expect(text(document.getElementById(titleId!))).not.toBe('');
          expect(text(document.getElementById(descId!)).length).toBeGreaterThan(40);
          const caption = figure.querySelector(':scope > figcaption')!;
          expect(figure.lastElementChild).toBe(caption);
          expect(text(caption.querySelector('.question'))).not.toBe('');
          expect(text(caption.querySelector('.base'))).toMatch(/\d/);
          expect(text(caption.querySelector('.weighting'))).not.toBe('');
          expect(text(caption.querySelector('.source'))).not.toBe('');
          expect(caption.querySelectorAll('details table tbody tr').length).toBeGreaterThan(0);
          const href = caption.querySelector('a[download]')!.getAttribute('href')!;
          expect(existsSync(join(site, lang === 'ur' ? 'ur' : '', href))).toBe(true);
        }
        const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
        expect(new Set(ids).size).toBe(ids.length);
      });
    });
  }

  it('draws the Urdu charts right to left with Urdu labels from the codebook', () => {
    const svg = page('ur/victim_blaming.html').querySelector('#fig-by-victim_blaming-gender svg')!;
    expect(svg.getAttribute('direction')).toBe('rtl');
    expect(svg.textContent).toContain('عورت');
    expect(page('victim_blaming.html').querySelector('#fig-by-victim_blaming-gender svg')!.textContent).toContain('Female');
  });

  it('isolates Latin terms and numbers in Urdu prose', () => {
    const findings = page('ur/index.html').querySelector('.findings')!;
    expect(findings.querySelectorAll('bdi').length).toBeGreaterThan(10);
    expect(findings.innerHTML).toMatch(/<bdi[^>]*>3\.90<\/bdi>/);
  });

  it('states key findings with weighted percentages and 95% CIs taken from the results, labels in sentence case', () => {
    expect(text(page('index.html').querySelector('#findings-heading + p'))).toBe('Weighted estimates, with 95% confidence intervals (CI) in brackets.');
    const findings = text(page('index.html').querySelector('.findings'));
    // mean_privacy_concern in the fixture: 3.9 with CI 3.857... to 3.942...; the first scale of the codebook.
    expect(findings).toMatch(/The average score on privacy concern was 3\.90 on a scale from 1 to 5 \(95% CI 3\.8\d to 3\.9\d\)\./);
    expect(findings).not.toMatch(/The average [A-Z]/);
    // prop_know_drf: 18% (CI 0.162125 to 0.197875) is the least known channel.
    expect(findings).toContain('18% (95% CI 16% to 20%) answered correctly');
    expect(findings).toMatch(/Male scored 0\.61 points higher than female.*adjusted p < 0\.001/);
    // The one significant model term fitted on 12 respondents is no finding.
    expect(findings).not.toMatch(/[Tt]ransgender/);
  });

  it('suppresses small groups, and the next-smallest group with them, in charts, tables and CSVs', () => {
    const rows = csv('by-victim_blaming-gender');
    expect(rows[0]).toEqual(['variable', 'group_variable', 'group', 'group_label', 'estimate', 'ci_low', 'ci_high', 'n', 'suppressed', 'significant_bh']);
    const byGroup = new Map(rows.slice(1).map((row) => [row[2], row]));
    // A base below minBase is no number the report publishes; the secondarily suppressed group's is.
    expect(byGroup.get('transgender')!.slice(4, 9)).toEqual(['', '', '', '', 'true']);
    expect(byGroup.get('prefer_not')!.slice(4, 9)).toEqual(['', '', '', '38', 'true']);
    expect(Number(byGroup.get('female')![4])).toBeGreaterThan(2);
    expect(byGroup.get('female')![9]).toBe('true');
    const figure = page('victim_blaming.html').querySelector('#fig-by-victim_blaming-gender')!;
    expect(figure.querySelectorAll('.chart-wide svg .suppressed')).toHaveLength(2);
    expect(figure.querySelectorAll('.chart-narrow svg .suppressed')).toHaveLength(2);
    expect(text(figure.querySelector('figcaption'))).toContain('below 30');
    // The base note skips the suppressed groups, as the estimates do (female 1,150, male 1,800).
    expect(text(figure.querySelector('figcaption .base'))).toBe('Base: 1,150 to 1,800 respondents per estimate (unweighted).');
    const cells = (label: string) => [...figure.querySelectorAll('tbody tr')].find((row) => text(row.querySelector('th')) === label)!;
    expect([...cells('Transgender').querySelectorAll('td')].map(text)).toEqual(['suppressed', '–', '–', 'fewer than 30', 'no']);
    expect([...cells('Prefer not to say').querySelectorAll('td')].map(text)).toEqual(['suppressed', '–', '–', '38', 'no']);
    // Only the two published groups have a point in the chart.
    expect(figure.querySelectorAll('.chart-wide svg .point')).toHaveLength(2);
  });

  it('writes CSVs of exactly the numbers plotted', () => {
    const rows = csv('shares-legal_awareness');
    expect(rows[0]).toEqual(['variable', 'label', 'level', 'share', 'ci_low', 'ci_high', 'n', 'suppressed']);
    expect(rows[1]!.slice(0, 4)).toEqual(['know_peca', 'Knows the law (PECA)', 'peca', '0.34']);
    const likert = csv('likert-victim_blaming');
    expect(likert).toHaveLength(1 + 8 * 5);
  });

  it('marks groups that differ significantly after Benjamini–Hochberg', () => {
    const figure = page('subgroups.html').querySelector('#fig-by-victim_blaming-gender')!;
    expect(figure.querySelector('svg')!.textContent).toContain('Female *');
    expect(text(figure.querySelector('figcaption'))).toMatch(/Male \/ Female: p \(BH\) < 0\.001/);
    // The line that explains the marks is printed once, though a contrast and a t-test could both give it.
    expect(text(figure.querySelector('figcaption')).match(/Marked \(◆ \*\)/g)).toHaveLength(1);
    // Resharing by area: its contrast is not significant (adjusted p 0.31), so nothing is marked.
    expect(page('subgroups.html').querySelector('#fig-by-resharing-area svg .marked')).toBeNull();
  });

  it("writes the tests table in words of each edition: what is compared and how, never the plan's labels or R's names", () => {
    const english = testsTable(page('subgroups.html'));
    expect(english).toContainEqual(['Victim blaming for leaked private images: male compared with female', 'Difference between two groups']);
    expect(english).toContainEqual(['Victim blaming for leaked private images × TikTok', 'Design-based t-test']);
    expect(english).toContainEqual(['Victim blaming for leaked private images: Gender: male compared with female', 'Linear regression']);
    // A chisq whose results do not name the variables tested keeps the plan's label.
    expect(english).toContainEqual(['Knows the NCCIA by gender', 'Chi-squared test of independence (Rao-Scott F)']);
    const urdu = testsTable(page('ur/subgroups.html'));
    expect(urdu).toHaveLength(english.length);
    expect(urdu).toContainEqual(['لیک شدہ نجی تصاویر پر متاثرہ شخص کو الزام دینا: مرد، بمقابلہ عورت', 'دو گروہوں کا فرق']);
    expect(urdu).toContainEqual(['لیک شدہ نجی تصاویر پر متاثرہ شخص کو الزام دینا: عمر کا گروپ: 26-35، بمقابلہ 18-25', 'لکیری ریگریشن']);
    for (const [what, method] of [...english, ...urdu]) {
      // No plan label where the results say what was tested ("Men minus women"), no R term name, no raw method name.
      expect(what).not.toMatch(/minus|gendermale|age_band|platform_tiktok/);
      expect(method).not.toMatch(/^(glm|ttest|contrast|ordinal|chisq)$/);
    }
  });

  it('writes a methodology page with design, margins, reliability, the anonymization in words and limitations', () => {
    const document = page('methodology.html');
    const main = text(document.querySelector('main'));
    expect(main).toContain('3,000 respondents in 10 strata, 300 primary sampling units (clusters), 290 design degrees of freedom');
    expect(main).toContain('by rake (7 iterations, converged');
    expect(main).toContain('68,200,000');
    expect(document.querySelectorAll('#reliability-heading + p + .table-scroll tbody tr')).toHaveLength(6);
    const anonymization = [...document.querySelectorAll('ul.anonymization li')].map(text);
    expect(anonymization).toEqual(
      expect.arrayContaining([
        'Removed before release: Name of the respondent.',
        'District: generalised to division (step 1 of 3 in its hierarchy).',
        'Age: grouped into bands (18–25, 26–35, 36–45, 46–55, 56–65, 66+).',
        'Suppressed: 63 records (2.1%) had at least one of these cells blanked (age 9, district 54).',
        'k-anonymity: every combination of age and district is shared by at least 5 records (5 required).',
        'Global re-identification risk: 0.0412 before, 0.0031 after.',
      ]),
    );
    // No dump of the audit's raw JSON paths, no local path; the full audit is a download without local paths.
    expect(main).not.toMatch(/quasiIdentifiers\[|risk\.before|\/home\/analyst/);
    expect(main).toContain('Results of the data file anonymized.synthetic.csv');
    const download = document.querySelector('a[href="data/audit.json"]')!;
    expect(download).not.toBeNull();
    const audit = readFileSync(join(site, 'data', 'audit.json'), 'utf8');
    expect(JSON.parse(audit).rows).toEqual({ in: 3000, out: 3000 });
    expect(audit).not.toContain('/home/');
    // The demo's own limitations come from its settings, after the general ones.
    const limitations = [...document.querySelectorAll('#limitations-heading + ul li')].map(text);
    expect(limitations.length).toBeGreaterThanOrEqual(6);
    expect(limitations.at(-1)).toMatch(/^Attitudes to victims of leaked images are sensitive/);
  });

  it('writes every analysis of the results into a figure or table, and links no page that was not built', () => {
    const shown = analysesShown(site, built.pages);
    const results = JSON.parse(readFileSync(join(fixture, 'results.json'), 'utf8')) as { results: { id: string }[] };
    expect(results.results.map((analysis) => analysis.id).filter((id) => !shown.has(id))).toEqual([]);
    expect(brokenPageLinks(site, built.pages)).toEqual([]);
  });

  it('writes model terms in words, ordinal models as odds ratios and their cut points as a table', () => {
    const coefficients = page('victim_blaming.html').querySelector('#fig-coef-glm_vb')!;
    const terms = [...coefficients.querySelectorAll('tbody th')].map(text);
    expect(terms).toContain('Gender: male compared with female');
    // Education's answers include "Matric" (a name): they keep the codebook's capitals, all of them alike.
    expect(terms).toContain("Education: Bachelor's degree compared with No formal schooling");
    expect(terms).toContain('TikTok: selected compared with not selected');
    expect(terms.join(' ')).not.toMatch(/gendermale|educationpostgraduate|platform_tiktok1/);
    expect(text(coefficients.querySelector('.question'))).toBe(
      'Model: Linear regression of victim blaming for leaked private images on age band, gender, urban/rural, education and TikTok.',
    );
    expect(coefficients.querySelector('.chart-wide svg')!.textContent).toContain('Difference in score (points on the 1 to 5 scale)');
    // The transgender term rests on 12 respondents: suppressed, not plotted.
    expect(coefficients.querySelector('.chart-wide svg')!.textContent).not.toMatch(/[Tt]ransgender/);
    const ordinal = page('victim_blaming.html').querySelector('#fig-coef-olr_vb1')!;
    expect(ordinal.querySelector('.chart-wide svg')!.textContent).toContain('Odds ratio of a higher answer (log scale)');
    const cuts = page('victim_blaming.html').querySelector('#fig-cuts-olr_vb1.figure-table')!;
    expect(cuts.querySelector('svg')).toBeNull();
    expect([...cuts.querySelectorAll('tbody th')].map(text)).toEqual([
      'Strongly disagree | Disagree',
      'Disagree | Neither agree nor disagree',
      'Neither agree nor disagree | Agree',
      'Agree | Strongly agree',
    ]);
    const urdu = page('ur/victim_blaming.html').querySelector('#fig-coef-glm_vb')!;
    expect([...urdu.querySelectorAll('tbody th')].map(text)).toContain('صنف: مرد، بمقابلہ عورت');
  });

  it('bundles the Nastaliq font with its OFL licence, the stylesheet and the script', () => {
    for (const file of ['assets/report.css', 'assets/report.js', 'assets/fonts/noto-nastaliq-urdu-arabic-400-normal.woff2', 'assets/fonts/OFL.txt']) {
      expect(existsSync(join(site, file))).toBe(true);
    }
    expect(readFileSync(join(site, 'assets/fonts/OFL.txt'), 'utf8')).toContain('SIL Open Font License');
    expect(readFileSync(join(site, 'assets/report.css'), 'utf8')).toContain('fonts/noto-nastaliq-urdu-arabic-400-normal.woff2');
  });
});

describe('the built site holds no path of the machine that built it', () => {
  it('cuts every absolute path of the inputs (results meta, audit, hierarchy files) to its base name, in every file of the site', async () => {
    // The fixture copied to a folder of this machine, its meta and audit pointing at real absolute paths here.
    const dir = realpathSync(mkdtempSync(join(work, 'paths-')));
    cpSync(fixture, dir, { recursive: true });
    const repository = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { meta: Record<string, unknown> };
    Object.assign(results.meta, {
      data: join(dir, 'anonymized.synthetic.csv'),
      plan: join(repository, 'data', 'plans', 'main.plan.json'),
      codebook: join(dir, 'codebook.json'),
    });
    writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
    const audit = JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')) as Record<string, unknown> & {
      quasiIdentifiers: { hierarchy: { path?: string } }[];
    };
    audit['data'] = join(homedir(), 'study', 'raw.synthetic.csv');
    audit['config'] = join(process.cwd(), 'anonymize.json');
    audit['key'] = 'C:\\Users\\analyst\\leakrisk\\key.hex';
    for (const q of audit.quasiIdentifiers) if (q.hierarchy.path) q.hierarchy.path = join(repository, 'data', 'hierarchies', 'district.csv');
    writeFileSync(join(dir, 'audit.json'), JSON.stringify(audit));
    const out = join(dir, 'site');
    await buildReport({ resultsDir: dir, outDir: out });
    expect(readFileSync(join(out, 'methodology.html'), 'utf8')).toContain('anonymized.synthetic.csv');
    const machinePaths = [dir, out, work, repository, homedir(), process.cwd(), realpathSync(tmpdir()), 'C:\\Users', '/home/analyst'];
    const files = (readdirSync(out, { recursive: true }) as string[]).filter((name) => /\.(html|csv|json|css|js|txt)$/.test(name));
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap((name) => {
      const content = readFileSync(join(out, name), 'utf8');
      return machinePaths.filter((path) => content.includes(path) || content.includes(JSON.stringify(path).slice(1, -1))).map((path) => `${name}: ${path}`);
    });
    expect(found).toEqual([]);
  });
});

describe('buildReport refuses respondent-level input', () => {
  function folderWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(work, 'input-'));
    cpSync(join(fixture, 'results.json'), join(dir, 'results.json'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  }

  it('refuses a results folder holding a CSV with identifier columns, and writes nothing', async () => {
    const dir = folderWith({ 'raw.csv': 'resp_id,name,phone,vb1\nR1,A,0300,3\n' });
    const out = join(work, 'refused-site');
    const error = await buildReport({ resultsDir: dir, outDir: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeakriskError);
    expect((error as LeakriskError).file).toBe(join(dir, 'raw.csv'));
    expect((error as LeakriskError).column).toBe('resp_id');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a CSV of survey items even without identifiers', async () => {
    const dir = folderWith({ 'anonymized.csv': 'gender,vb1,vb2,vb3,weight\nfemale,3,4,2,1000\n' });
    await expect(buildReport({ resultsDir: dir, outDir: join(work, 'x') })).rejects.toThrow(/respondent-level/);
  });

  it('refuses results rows that carry respondent data', async () => {
    const dir = mkdtempSync(join(work, 'rows-'));
    const results = JSON.parse(readFileSync(join(fixture, 'results.json'), 'utf8')) as { results: { rows: Record<string, unknown>[] }[] };
    results.results[0]!.rows.push({ resp_id: 'R0001', vb1: 3 });
    writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
    const error = await buildReport({ resultsDir: dir, outDir: join(work, 'y') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeakriskError);
    expect((error as LeakriskError).column).toMatch(/^results\[0\]\.rows\[\d+\]\.resp_id$/);
  });

  it('names the missing results.json', async () => {
    const dir = mkdtempSync(join(work, 'empty-'));
    const error = await buildReport({ resultsDir: dir, outDir: join(work, 'z') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeakriskError);
    expect((error as LeakriskError).file).toBe(join(dir, 'results.json'));
  });
});

describe('buildReport on a second study (nothing of the demo)', () => {
  const studySite = join(work, 'study-site');
  let study: BuildReportResult;
  const studyPage = (path: string) => new JSDOM(readFileSync(join(studySite, path), 'utf8')).window.document;
  const allText = () => study.pages.map((path) => readFileSync(join(studySite, path), 'utf8')).join('\n');

  beforeAll(async () => {
    study = await buildReport({ resultsDir: studyFixture, outDir: studySite });
  }, 120_000);

  it('takes title, source, contacts and groupings from its settings, and shows no banner it did not ask for', () => {
    const index = studyPage('index.html');
    expect(text(index.querySelector('h1'))).toBe('Water at home: a household survey (synthetic test data)');
    expect(text(studyPage('ur/index.html').querySelector('h1'))).toBe('گھر میں پانی: گھرانوں کا سروے (مصنوعی آزمائشی ڈیٹا)');
    expect(index.querySelector('.notice.synthetic')).toBeNull();
    expect([...index.querySelectorAll('.contacts a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/water-study',
      'mailto:study@example.org',
      'tel:+92210000000',
    ]);
    expect(text(index.querySelector('figcaption .source'))).toBe('Source: household water survey test fixture (synthetic).');
    expect([...studyPage('subgroups.html').querySelectorAll('main > section.figures > h2')].map(text)).toEqual([
      'By region',
      'By town or village',
      'By head of household',
    ]);
  });

  it('carries nothing of the demo study, says "unweighted" for an unweighted design, and links only pages it built', () => {
    const html = allText();
    expect(html).not.toMatch(/victim|tiktok|leaked|\bvb\d|platform_|digital rights|nccia|census|raked|adults|must not be quoted/i);
    expect(html).not.toContain('Weighted estimates');
    expect(text(studyPage('index.html').querySelector('#findings-heading + p'))).toBe('Unweighted estimates, with 95% confidence intervals (CI) in brackets.');
    expect(text(studyPage('water.html').querySelector('figcaption .weighting'))).toMatch(/^Estimates are unweighted/);
    expect(brokenPageLinks(studySite, study.pages)).toEqual([]);
    expect(text(studyPage('methodology.html').querySelector('main'))).toContain('The design has no weights: every respondent counts once.');
  });

  it('gives every analysis a figure or table, sections from the codebook', () => {
    const results = JSON.parse(readFileSync(join(studyFixture, 'results.json'), 'utf8')) as { results: { id: string }[] };
    const shown = analysesShown(studySite, study.pages);
    expect(results.results.map((analysis) => analysis.id).filter((id) => !shown.has(id))).toEqual([]);
    expect(study.pages.filter((path) => !path.startsWith('ur/'))).toEqual([
      'index.html',
      'household.html',
      'water.html',
      'satisfaction.html',
      'subgroups.html',
      'methodology.html',
    ]);
    // Estimates by two groupings, totals and ratios are in a table.
    const table = studyPage('household.html').querySelector('#fig-estimates-household.figure-table')!;
    expect(text(table.querySelector('tbody tr:nth-child(2) th'))).toBe('Average: Household size');
  });

  it('never presents a model term fitted on 4 respondents (separation, p ≈ 6e-71) as a finding', () => {
    const figure = studyPage('water.html').querySelector('#fig-coef-glm_treats')!;
    expect(figure.querySelector('.chart-wide svg')!.textContent).not.toContain('Chagai');
    const chagai = [...figure.querySelectorAll('tbody tr')].find((row) => text(row.querySelector('th')).startsWith('Region: Chagai'))!;
    expect([...chagai.querySelectorAll('td')].map(text)).toEqual(['suppressed', '–', '–', '–', '–', '–', 'fewer than 30']);
    const csvRow = csv('coef-glm_treats', studySite).find((row) => row[0] === 'regionchagai')!;
    expect(csvRow.slice(2, 5)).toEqual(['', '', '']);
    const testRow = [...studyPage('subgroups.html').querySelectorAll('#tests-heading ~ .table-scroll tbody tr')].find((row) =>
      text(row.querySelector('th')).includes('Chagai'),
    )!;
    expect(text(testRow.querySelector('td:last-child'))).toBe('not assessed');
    // The key findings name significant differences and scores; never this term.
    const findings = text(studyPage('index.html').querySelector('#findings-heading')!.parentElement);
    expect(findings).toContain('significant after the Benjamini–Hochberg adjustment');
    expect(findings).not.toMatch(/Chagai|12\.19|odds/i);
  });

  it('marks a model whose fit warned, and marks none of its terms significant', () => {
    const figure = studyPage('water.html').querySelector('#fig-coef-glm_bottled')!;
    expect(text(figure.querySelector('figcaption'))).toContain('The model fit reported a warning (the fit did not converge in 25 iterations)');
    expect(figure.querySelector('.chart-wide svg .marked')).toBeNull();
  });

  it('writes terms, interactions and the model in words, in both languages', () => {
    const figure = studyPage('satisfaction.html').querySelector('#fig-coef-glm_sat')!;
    expect([...figure.querySelectorAll('tbody th')].map(text)).toEqual([
      'Town or village: village compared with town',
      'Head of household: man compared with woman',
      'Household size (per person)',
      'Town or village: village × Head of household: man (interaction)',
    ]);
    expect(text(figure.querySelector('.question'))).toBe(
      'Model: Linear regression of satisfaction with the water supply on town or village, head of household, household size and town or village × head of household.',
    );
    expect(figure.querySelector('.chart-wide svg')!.textContent).toContain('Difference in score (points on the 1 to 4 scale)');
    const urdu = studyPage('ur/satisfaction.html').querySelector('#fig-coef-glm_sat')!;
    expect(text(urdu.querySelector('tbody th'))).toBe('شہر یا گاؤں: گاؤں، بمقابلہ شہر');
  });

  it('draws an ordinal model (svyolr) as odds ratios with their intervals, its cut points only as a table, in both languages', () => {
    for (const [path, axis, cutsTitle] of [
      ['satisfaction.html', 'Odds ratio of a higher answer (log scale), with 95% CI', 'cut points of the ordinal model'],
      ['ur/satisfaction.html', 'بلند تر جواب کا اوڈز ریشو (لاگ پیمانہ)، 95% CI کے ساتھ', 'درجہ وار ماڈل کے حدی نقاط'],
    ] as const) {
      const figure = studyPage(path).querySelector('#fig-coef-olr_quality')!;
      for (const svg of figure.querySelectorAll('svg.chart')) {
        // Two coefficients, each a dot (or diamond) on its own 95% interval; no cut point (1|2, 2|3, 3|4) drawn as an effect.
        const rows = [...svg.querySelectorAll('g.row')];
        expect(rows).toHaveLength(2);
        for (const row of rows) expect(row.querySelectorAll('line').length).toBeGreaterThanOrEqual(1);
        expect(svg.textContent).not.toMatch(/\d\s*\|\s*\d|\u2066?[123]\|/);
        expect(svg.textContent!.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ')).toContain(axis);
      }
      // exp(−0.62) = 0.54, its interval exp(−0.62 ± 1.96 × 0.14) = 0.41 to 0.71 (R's confint.default for svyolr).
      const first = [...figure.querySelectorAll('tbody tr')[0]!.querySelectorAll('td')].slice(0, 3).map(text);
      expect(first).toEqual(['0.54', '0.41', '0.71']);
      const cuts = studyPage(path).querySelector('#fig-cuts-olr_quality')!;
      expect(cuts.querySelector('svg')).toBeNull();
      expect(text(cuts)).toContain(cutsTitle);
      expect(cuts.querySelectorAll('tbody tr')).toHaveLength(3);
    }
    const rows = csv('coef-olr_quality', studySite);
    expect(rows.map((row) => row[0])).toEqual(['term', 'areavillage', 'head_genderman']);
    expect(Number(rows[1]![5])).toBeCloseTo(Math.exp(-0.62), 12);
    expect(Number(rows[1]![6])).toBeCloseTo(Math.exp(-0.62 - 1.959963984540054 * 0.14), 12);
  });

  it('reads a t-test in the direction of its estimate (second level minus first, as svyttest)', () => {
    expect(testsTable(studyPage('subgroups.html'))).toContainEqual(['Satisfaction with the water supply: village compared with town', 'Design-based t-test']);
    expect(testsTable(studyPage('ur/subgroups.html')).some(([what]) => what!.endsWith('گاؤں، بمقابلہ شہر'))).toBe(true);
  });

  it('leaves groups too small to publish out of the base note, the chart and the CSV', () => {
    const figure = studyPage('satisfaction.html').querySelector('#fig-by-water_satisfaction-region')!;
    expect(text(figure.querySelector('.base'))).toBe('Base: 54 to 140 respondents per estimate (unweighted).');
    expect(figure.querySelectorAll('.chart-wide svg .suppressed')).toHaveLength(2);
    const rows = csv('by-water_satisfaction-region', studySite);
    expect(rows.filter((row) => row[8] === 'true').map((row) => [row[2], row[4], row[7]])).toEqual([
      ['kharan', '', ''],
      ['chagai', '', ''],
    ]);
  });
});

describe('buildReport with defaults, and its refusals', () => {
  function studyCopy(edit: (results: Record<string, unknown>) => void, keep = ['codebook.json', 'report.json']): string {
    const dir = mkdtempSync(join(work, 'study-'));
    for (const name of keep) cpSync(join(studyFixture, name), join(dir, name));
    const results = JSON.parse(readFileSync(join(studyFixture, 'results.json'), 'utf8')) as Record<string, unknown>;
    edit(results);
    writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
    return dir;
  }

  it('without settings: the codebook title, no banner, no contacts, every grouping, and a warning', async () => {
    const dir = studyCopy(
      (results) => {
        delete (results['meta'] as Record<string, unknown>)['reportSettings'];
      },
      ['codebook.json'],
    );
    const out = join(work, 'defaults-site');
    const result = await buildReport({ resultsDir: dir, outDir: out });
    const index = new JSDOM(readFileSync(join(out, 'index.html'), 'utf8')).window.document;
    expect(text(index.querySelector('h1'))).toBe('Water and sanitation in Sindh and Balochistan: a household survey (synthetic test data)');
    expect(index.querySelector('.notice')).toBeNull();
    expect(result.warnings).toEqual(['no audit.json in the results folder: the methodology page says so']);
  });

  it('without settings or codebook: "Survey results", one section per kind of result, names written for people', async () => {
    const dir = studyCopy((results) => {
      const meta = results['meta'] as Record<string, unknown>;
      delete meta['reportSettings'];
      delete meta['codebook'];
    }, []);
    const out = join(work, 'bare-site');
    const result = await buildReport({ resultsDir: dir, outDir: out });
    // The plan's sections, in the order the results first use them (no codebook to order them).
    expect(result.pages.filter((path) => !path.startsWith('ur/'))).toEqual([
      'index.html',
      'satisfaction.html',
      'water.html',
      'household.html',
      'subgroups.html',
      'methodology.html',
    ]);
    expect(text(new JSDOM(readFileSync(join(out, 'water.html'), 'utf8')).window.document.querySelector('h1'))).toBe('Water');
    const index = new JSDOM(readFileSync(join(out, 'index.html'), 'utf8')).window.document;
    expect(text(index.querySelector('h1'))).toBe('Survey results');
    expect(text(new JSDOM(readFileSync(join(out, 'ur/index.html'), 'utf8')).window.document.querySelector('h1'))).toBe('سروے کے نتائج');
    expect(result.warnings.some((warning) => warning.startsWith('no codebook'))).toBe(true);
  });

  it('groups analyses by kind when neither the plan nor the codebook places them', async () => {
    const dir = studyCopy(
      (results) => {
        delete (results['meta'] as Record<string, unknown>)['codebook'];
        for (const analysis of results['results'] as Record<string, unknown>[]) delete analysis['section'];
      },
      ['report.json'],
    );
    const result = await buildReport({ resultsDir: dir, outDir: join(work, 'kinds-site') });
    expect(result.pages.filter((path) => !path.startsWith('ur/'))).toEqual([
      'index.html',
      'answers.html',
      'estimates.html',
      'models.html',
      'subgroups.html',
      'methodology.html',
    ]);
  });

  it('refuses a `by` variable of phone numbers, naming the analysis and the column, and writes nothing', async () => {
    const dir = studyCopy((results) => {
      (results['results'] as unknown[]).push({
        id: 'mean_by_contact',
        type: 'mean',
        variable: 'water_satisfaction',
        by: 'contact_number',
        rows: ['03001234567', '03211234567'].map((phone) => ({ domain: { contact_number: phone }, estimate: 2.1, n: 40 })),
      });
    });
    const out = join(work, 'pii-site');
    const error = await buildReport({ resultsDir: dir, outDir: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeakriskError);
    expect((error as LeakriskError).message).toContain('analysis "mean_by_contact"');
    expect((error as LeakriskError).column).toBe('contact_number');
    expect((error as LeakriskError).message).not.toContain('0300');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a contact link javascript:alert(4), and writes nothing', async () => {
    const dir = studyCopy(() => {}, ['codebook.json']);
    const settings = JSON.parse(readFileSync(join(studyFixture, 'report.json'), 'utf8')) as { contacts: { channels: { kind: string; value: string }[] }[] };
    settings.contacts[0]!.channels.push({ kind: 'web', value: 'javascript:alert(4)' });
    writeFileSync(join(dir, 'report.json'), JSON.stringify(settings));
    const out = join(work, 'js-site');
    const error = await buildReport({ resultsDir: dir, outDir: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeakriskError);
    expect((error as LeakriskError).column).toBe('contacts[0].channels[3].value');
    expect(existsSync(out)).toBe(false);
  });
});
