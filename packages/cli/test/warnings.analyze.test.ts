// `analyze` prints each model warning (separation, non-convergence) on stderr, even with --quiet, and
// marks the affected rows in results.json and the CSV: a term fitted on 4 respondents whose answers are
// all the same must not pass unseen.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './study.js';

const dir = mkdtempSync(join(tmpdir(), 'leakrisk-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 200 respondents: 4 in group "rare", all answering yes (complete separation); the rest mixed. */
function separatedCsv(): string {
  const lines = ['id,grp,age,said'];
  for (let i = 0; i < 200; i++) {
    const grp = i < 4 ? 'rare' : i % 2 === 0 ? 'a' : 'b';
    const said = i < 4 || (i * 7) % 5 < 2 ? 'yes' : 'no';
    lines.push(`${i + 1},${grp},${20 + (i % 40)},${said}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('analyze: model warnings', () => {
  writeFileSync(join(dir, 'data.csv'), separatedCsv());
  writeFileSync(
    join(dir, 'plan.json'),
    JSON.stringify({
      design: { ids: [] },
      analyses: [
        { id: 'fine', type: 'glm', formula: 'age ~ grp' },
        { id: 'sep', type: 'glm', formula: 'said ~ grp + age', family: 'quasibinomial', success: 'yes' },
      ],
    }),
  );

  it.each([[[]], [['--quiet']]])('are printed on stderr naming the analysis, and the rows are marked (options %j)', async (more) => {
    const out = join(dir, `results${more.length}`);
    const result = await run(['analyze', '--data', join(dir, 'data.csv'), '--plan', join(dir, 'plan.json'), '--out', out, ...more]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    for (const line of warnings) expect(line).toMatch(/^warning: analysis "sep": .*separation.*\(\d+ rows? marked separation: TRUE\)$/);
    expect(result.stderr).not.toContain('analysis "fine"');
    if (more.length > 0) expect(result.stderr.split('\n').filter(Boolean)).toEqual(warnings);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
      results: { id: string; warnings: string[]; rows: { term: string; separation: boolean; n: number }[] }[];
    };
    const sep = results.results.find((r) => r.id === 'sep')!;
    expect(sep.warnings.length).toBe(warnings.length);
    expect(sep.rows.find((row) => row.term === 'grprare')).toMatchObject({ separation: true, n: 4 });
    expect(results.results.find((r) => r.id === 'fine')!.warnings).toEqual([]);
    const csv = readFileSync(join(out, 'sep.csv'), 'utf8').split('\n');
    expect(csv.find((line) => line.startsWith('grprare,'))).toMatch(/,4,TRUE$/);
  });
});

describe('analyze: a factor with one level among the rows used', () => {
  it('is refused naming the analysis and the term, as R refuses it, and nothing is written', async () => {
    // "rare" is the only group whose `said` is known: among the rows the model uses, grp has one level
    const lines = separatedCsv().trimEnd().split('\n');
    const data = [lines[0], ...lines.slice(1).map((line) => (line.split(',')[1] === 'rare' ? line : line.replace(/,(yes|no)$/, ',')))].join('\n');
    writeFileSync(join(dir, 'one-level.csv'), `${data}\n`);
    writeFileSync(join(dir, 'one-level.json'), JSON.stringify({ design: { ids: [] }, analyses: [{ id: 'one', type: 'glm', formula: 'age ~ said + grp' }] }));
    const out = join(dir, 'one-level-results');
    const result = await run(['analyze', '--data', join(dir, 'one-level.csv'), '--plan', join(dir, 'one-level.json'), '--out', out, '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/analysis "one"/);
    expect(result.stderr).toMatch(/the factor "(said|grp)" has a single level among the 4 rows used/);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
