import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeakriskError } from '@leakrisk/survey';
import { buildReport, type BuildReportResult } from '../src/index.js';

const fixture = fileURLToPath(new URL('./fixtures/results', import.meta.url));
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

function csv(id: string): string[][] {
  return readFileSync(join(site, 'data', `${id}.csv`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
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
        const figures = [...document.querySelectorAll('main figure')];
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
    const svg = page('ur/index.html').querySelector('#fig-by-victim_blaming-gender svg')!;
    expect(svg.getAttribute('direction')).toBe('rtl');
    expect(svg.textContent).toContain('عورت');
    expect(page('index.html').querySelector('#fig-by-victim_blaming-gender svg')!.textContent).toContain('Female');
  });

  it('isolates Latin terms and numbers in Urdu prose', () => {
    const findings = page('ur/index.html').querySelector('.findings')!;
    expect(findings.querySelectorAll('bdi').length).toBeGreaterThan(10);
    expect(findings.innerHTML).toMatch(/<bdi[^>]*>2\.70<\/bdi>/);
  });

  it('states key findings with weighted percentages and 95% CIs taken from the results', () => {
    const findings = text(page('index.html').querySelector('.findings'));
    // mean_victim_blaming in the fixture: 2.7 with CI 2.658711 to 2.741289.
    expect(findings).toContain('The average Victim blaming for leaked private images score was 2.70 on a scale from 1 to 5 (95% CI 2.66 to 2.74).');
    // prop_know_drf: 18% (CI 0.162125 to 0.197875) is the least known channel.
    expect(findings).toContain('18% (95% CI 16% to 20%) answered correctly');
    expect(findings).toMatch(/Male scored 0\.61 points higher than Female.*adjusted p < 0\.001/);
  });

  it('suppresses small groups, and the next-smallest group with them, in charts, tables and CSVs', () => {
    const rows = csv('by-victim_blaming-gender');
    expect(rows[0]).toEqual(['variable', 'group_variable', 'group', 'group_label', 'estimate', 'ci_low', 'ci_high', 'n', 'suppressed', 'significant_bh']);
    const byGroup = new Map(rows.slice(1).map((row) => [row[2], row]));
    expect(byGroup.get('transgender')!.slice(4, 9)).toEqual(['', '', '', '12', 'true']);
    expect(byGroup.get('prefer_not')!.slice(4, 9)).toEqual(['', '', '', '38', 'true']);
    expect(Number(byGroup.get('female')![4])).toBeGreaterThan(2);
    expect(byGroup.get('female')![9]).toBe('true');
    const figure = page('victim_blaming.html').querySelector('#fig-by-victim_blaming-gender')!;
    expect(figure.querySelectorAll('.chart-wide svg .suppressed')).toHaveLength(2);
    expect(figure.querySelectorAll('.chart-narrow svg .suppressed')).toHaveLength(2);
    expect(text(figure.querySelector('figcaption'))).toContain('below 30');
    const cells = (label: string) => [...figure.querySelectorAll('tbody tr')].find((row) => text(row.querySelector('th')) === label)!;
    expect([...cells('Transgender').querySelectorAll('td')].map(text)).toEqual(['suppressed', '–', '–', '12', 'no']);
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
    // Resharing by area: its contrast is not significant (adjusted p 0.31), so nothing is marked.
    expect(page('subgroups.html').querySelector('#fig-by-resharing-area svg .marked')).toBeNull();
    const tests = text(page('subgroups.html').querySelector('#tests-heading')!.parentElement);
    expect(tests).toContain('Men minus women');
  });

  it('writes a methodology page with design, margins, reliability, anonymization and limitations', () => {
    const document = page('methodology.html');
    const main = text(document.querySelector('main'));
    expect(main).toContain('3,000 respondents');
    expect(main).toContain('by rake (7 iterations, converged');
    expect(main).toContain('68,200,000');
    expect(document.querySelectorAll('#reliability-heading + p + .table-scroll tbody tr')).toHaveLength(6);
    const auditRows = new Map(
      [...document.querySelectorAll('#anonymization-heading ~ .table-scroll tbody tr')].map((row) => [
        text(row.querySelector('th')),
        text(row.querySelector('td')),
      ]),
    );
    expect(auditRows.get('k-anonymity achieved')).toBe('5 (required 5)');
    expect(auditRows.get('l-diversity achieved')).toBe('3 (required 2)');
    expect(auditRows.get('Share of records with a suppressed cell')).toBe('2.10%');
    expect(auditRows.get('Global re-identification risk before')).toBe('0.0412');
    expect(auditRows.get('Global re-identification risk after')).toBe('0.0031');
    expect(auditRows.get('Information loss: total')).toBe('0.183');
    expect(document.querySelectorAll('#limitations-heading + ul li').length).toBeGreaterThanOrEqual(4);
  });

  it('bundles the Nastaliq font with its OFL licence, the stylesheet and the script', () => {
    for (const file of ['assets/report.css', 'assets/report.js', 'assets/fonts/noto-nastaliq-urdu-arabic-400-normal.woff2', 'assets/fonts/OFL.txt']) {
      expect(existsSync(join(site, file))).toBe(true);
    }
    expect(readFileSync(join(site, 'assets/fonts/OFL.txt'), 'utf8')).toContain('SIL Open Font License');
    expect(readFileSync(join(site, 'assets/report.css'), 'utf8')).toContain('fonts/noto-nastaliq-urdu-arabic-400-normal.woff2');
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
