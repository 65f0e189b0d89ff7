import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeakriskError } from '../errors.js';
import { loadPlan } from './load.js';

const folder = mkdtempSync(join(tmpdir(), 'leakrisk-plan-'));

function write(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const design = { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true };

function errorOf(action: () => unknown): LeakriskError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(LeakriskError);
    return error as LeakriskError;
  }
  throw new Error('expected a LeakriskError');
}

describe('loadPlan', () => {
  it('reads a JSON plan and resolves the codebook relative to the plan file', () => {
    const path = write('ok.json', {
      codebook: '../instrument/codebook.json',
      design,
      analyses: [{ id: 'vb1', type: 'mean', variable: 'vb1', by: 'gender', section: 'victim_blaming', label: 'VB1' }],
    });
    const plan = loadPlan(path);
    expect(plan.codebook).toBe(join(folder, '..', 'instrument', 'codebook.json'));
    expect(plan.analyses[0]).toMatchObject({ id: 'vb1', type: 'mean', by: ['gender'], section: 'victim_blaming' });
    expect(plan.design).toEqual(design);
  });

  it('resolves the report settings named in the plan relative to the plan file, and refuses a non-path', () => {
    const path = write('with-report.json', { report: 'settings/report.json', design, analyses: [{ id: 'm', type: 'mean', variable: 'vb1' }] });
    expect(loadPlan(path).report).toBe(join(folder, 'settings', 'report.json'));
    expect(loadPlan(write('no-report.json', { design, analyses: [{ id: 'm', type: 'mean', variable: 'vb1' }] })).report).toBeUndefined();
    const bad = write('bad-report.json', { report: 3, design, analyses: [{ id: 'm', type: 'mean', variable: 'vb1' }] });
    expect(errorOf(() => loadPlan(bad)).column).toBe('report');
  });

  it('reads YAML by extension', () => {
    const path = write(
      'ok.yaml',
      'design:\n  ids: [psu]\n  weights: weight\nanalyses:\n  - id: p\n    type: proportion\n    variable: gender\n    level: female\n    ci: beta\n',
    );
    expect(loadPlan(path).analyses[0]).toEqual({ id: 'p', type: 'proportion', variable: 'gender', level: 'female', ci: 'beta' });
  });

  it('reads calibration margins from a file named in the plan', () => {
    write('margins.json', { gender: { female: 490, male: 510 } });
    const path = write('cal.json', {
      design,
      calibration: { method: 'rake', margins: 'margins.json' },
      analyses: [{ id: 'm', type: 'mean', variable: 'age' }],
    });
    expect(loadPlan(path).calibration?.margins).toEqual({ gender: { female: 490, male: 510 } });
    expect(loadPlan(path).marginsFile).toBe(join(folder, 'margins.json'));
    write('census.json', { description: 'documented margins', margins: { area: { urban: 400, rural: 600 } } });
    const nested = write('cal2.json', {
      design,
      calibration: { method: 'rake', margins: 'census.json' },
      analyses: [{ id: 'm', type: 'mean', variable: 'age' }],
    });
    expect(loadPlan(nested).calibration?.margins).toEqual({ area: { urban: 400, rural: 600 } });
  });

  it('names the file, the analysis and the field for an unknown analysis type', () => {
    const path = write('type.json', { design, analyses: [{ id: 'x1', type: 'median', variable: 'age' }] });
    const error = errorOf(() => loadPlan(path));
    expect(error.file).toBe(path);
    expect(error.column).toBe('analyses[0] (id "x1").type');
    expect(error.message).toContain('unknown analysis type "median"');
    expect(error.fix).toContain('quantile');
  });

  it('reports a missing variable field with an example', () => {
    const path = write('field.json', { design, analyses: [{ id: 'm', type: 'mean' }] });
    const error = errorOf(() => loadPlan(path));
    expect(error.column).toBe('analyses[0] (id "m").variable');
    expect(error.fix).toContain('"variable": "vb1"');
  });

  it('rejects a bad CI method', () => {
    const path = write('ci.json', { design, analyses: [{ id: 'p', type: 'proportion', variable: 'g', level: 'a', ci: 'wilson' }] });
    const error = errorOf(() => loadPlan(path));
    expect(error.column).toBe('analyses[0] (id "p").ci');
    expect(error.fix).toContain('logit');
  });

  it('rejects unknown fields, duplicate ids, bad lonely-PSU rules and bad JSON', () => {
    expect(errorOf(() => loadPlan(write('f.json', { design, analyses: [{ id: 'm', type: 'mean', variable: 'a', byy: ['g'] }] }))).column).toBe(
      'analyses[0] (id "m").byy',
    );
    expect(
      errorOf(() =>
        loadPlan(
          write('d.json', {
            design,
            analyses: [
              { id: 'm', type: 'mean', variable: 'a' },
              { id: 'm', type: 'total', variable: 'a' },
            ],
          }),
        ),
      ).message,
    ).toContain('used twice');
    expect(
      errorOf(() => loadPlan(write('l.json', { design: { ...design, lonelyPsu: 'drop' }, analyses: [{ id: 'm', type: 'mean', variable: 'a' }] }))).column,
    ).toBe('design.lonelyPsu');
    const broken = errorOf(() => loadPlan(write('b.json', '{\n  "design": {,\n}')));
    expect(broken.message).toContain('not valid JSON');
    expect(broken.line).toBe(2);
  });

  it('checks glm families, formulas, contrast levels and reverse items', () => {
    const one = (analysis: object) => errorOf(() => loadPlan(write('g.json', { design, analyses: [analysis] }))).column;
    expect(one({ id: 'g', type: 'glm', formula: 'y ~ x', family: 'binomial' })).toBe('analyses[0] (id "g").family');
    expect(one({ id: 'g', type: 'glm', formula: 'y x' })).toBe('analyses[0] (id "g").formula');
    expect(one({ id: 'c', type: 'contrast', variable: 'y', by: 'g', levels: ['a'] })).toBe('analyses[0] (id "c").levels');
    expect(one({ id: 'a', type: 'alpha', items: ['a', 'b'], reverse: ['c'] })).toBe('analyses[0] (id "a").reverse');
    expect(one({ id: 'o', type: 'omega', items: ['a', 'b'] })).toBe('analyses[0] (id "o").items');
  });

  it('says when the plan file does not exist', () => {
    const error = errorOf(() => loadPlan(join(folder, 'nope.json')));
    expect(error.message).toContain('does not exist');
  });
});
