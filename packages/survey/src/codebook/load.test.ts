import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { LeakriskError } from '../errors.js';
import { checkCodebook, loadCodebook } from './load.js';
import { codebookSchema } from './schema.js';
import type { Codebook } from './types.js';

const dataDir = fileURLToPath(new URL('../../../../data/instrument/', import.meta.url));
const bundledPath = join(dataDir, 'codebook.json');
const bundled = (): Codebook => JSON.parse(readFileSync(bundledPath, 'utf8')) as Codebook;

function errorOf(run: () => unknown): LeakriskError {
  try {
    run();
  } catch (error) {
    if (error instanceof LeakriskError) return error;
    throw error;
  }
  throw new Error('expected a LeakriskError');
}

describe('loadCodebook on the bundled instrument', () => {
  it('validates and holds every fixed column of the raw survey', () => {
    const codebook = loadCodebook(bundledPath);
    const names = codebook.variables.map((v) => v.name);
    for (const column of [
      'resp_id',
      'name',
      'phone',
      'cnic',
      'email',
      'interview_date',
      'stratum',
      'psu',
      'weight',
      'fpc_psu',
      'age',
      'gender',
      'province',
      'district',
      'area',
      'education',
      'occupation',
      'marital_status',
      'household_size',
      'platform_tiktok',
      'platform_x',
      'daily_hours',
      'posts_self',
      'pc_control1',
      'pc_aware3',
      'pc_collect2',
      'vb8',
      'rs4',
      'sb8',
      'pa4',
      'hs4',
      'know_peca',
      'know_amendment',
      'know_nccia',
      'know_drf',
      'know_report',
      'comment',
    ]) {
      expect(names).toContain(column);
    }
    expect(names).toHaveLength(70);
    expect(codebook.scales.map((s) => s.id)).toEqual([
      'privacy_concern',
      'victim_blaming',
      'resharing',
      'online_safety',
      'platform_accountability',
      'help_seeking',
    ]);
    expect(codebook.knowledgeScores.map((s) => s.id)).toEqual(['legal_knowledge']);
    expect(codebook.sections.map((s) => s.id)).toEqual([
      'admin',
      'demographics',
      'social_media',
      'privacy_concern',
      'online_safety',
      'legal_awareness',
      'platform_accountability',
      'victim_blaming',
      'resharing',
      'help_seeking',
      'comment',
    ]);
  });

  it('puts every variable in exactly one section', () => {
    const codebook = loadCodebook(bundledPath);
    const listed = codebook.sections.flatMap((s) => s.variables).sort();
    expect(listed).toEqual(codebook.variables.map((v) => v.name).sort());
  });

  it('opens the sensitive module with the content note and marks its items sensitive', () => {
    const codebook = loadCodebook(bundledPath);
    const section = codebook.sections.find((s) => s.id === 'victim_blaming')!;
    expect(section.intro).toEqual(codebook.contentNote);
    for (const name of section.variables) expect(codebook.variables.find((v) => v.name === name)!.sensitive).toBe(true);
  });

  it('matches the committed schema file', () => {
    const committed = JSON.parse(readFileSync(join(dataDir, 'codebook.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(codebookSchema)));
  });

  it('reads YAML by extension', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-'));
    const path = join(dir, 'codebook.yaml');
    writeFileSync(path, stringify(bundled()));
    expect(loadCodebook(path).variables).toHaveLength(70);
  });
});

describe('loadCodebook errors', () => {
  it('names the path of a missing Urdu label', () => {
    const broken = bundled();
    const i = broken.variables.findIndex((v) => v.name === 'vb3');
    delete (broken.variables[i]!.label as Partial<Codebook['title']>).ur;
    const error = errorOf(() => checkCodebook(broken, 'cb.json'));
    expect(error.file).toBe('cb.json');
    expect(error.column).toBe(`variables[${i}].label.ur`);
    expect(error.message).toContain('"vb3"');
    expect(error.fix).toContain('Urdu');
  });

  it('rejects Roman Urdu where Urdu script is required', () => {
    const broken = bundled();
    broken.variables[20]!.options![0]!.label.ur = 'haan';
    const error = errorOf(() => checkCodebook(broken, 'cb.json'));
    expect(error.column).toBe('variables[20].options[0].label.ur');
    expect(error.fix).toContain('Urdu script');
  });

  it('names an unknown scale item', () => {
    const broken = bundled();
    broken.scales[1]!.items[7] = 'vb9';
    const error = errorOf(() => checkCodebook(broken, 'cb.json'));
    expect(error.column).toBe('scales[1].items[7]');
    expect(error.message).toContain('"vb9"');
  });

  it('names a reverse item that is not in the scale', () => {
    const broken = bundled();
    broken.scales[2]!.reverse.push('vb3');
    const error = errorOf(() => checkCodebook(broken, 'cb.json'));
    expect(error.column).toBe('scales[2].reverse[2]');
  });

  it('names a correct answer that is not an option', () => {
    const broken = bundled();
    const i = broken.variables.findIndex((v) => v.name === 'know_nccia');
    broken.variables[i]!.correct = 'fia';
    const error = errorOf(() => checkCodebook(broken, 'cb.json'));
    expect(error.column).toBe(`variables[${i}].correct`);
    expect(error.message).toContain('"fia"');
  });

  it('names a duplicate variable name', () => {
    const broken = bundled();
    broken.variables.push({ ...broken.variables[12]! });
    const error = errorOf(() => checkCodebook(broken, 'cb.json'));
    expect(error.column).toBe(`variables[${broken.variables.length - 1}].name`);
    expect(error.message).toContain('used twice');
  });

  it('names a knowledge item without a correct answer', () => {
    const broken = bundled();
    const i = broken.variables.findIndex((v) => v.name === 'know_drf');
    delete broken.variables[i]!.correct;
    const error = errorOf(() => checkCodebook(broken, 'cb.json'));
    expect(error.column).toBe(`variables[${i}].correct`);
  });

  it('names an unknown field', () => {
    const broken = bundled() as unknown as { variables: Record<string, unknown>[] };
    broken.variables[3]!.lable = 'typo';
    const error = errorOf(() => checkCodebook(broken, 'cb.json'));
    expect(error.column).toBe('variables[3].lable');
  });

  it('gives the line of a JSON syntax error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-'));
    const path = join(dir, 'codebook.json');
    writeFileSync(path, '{\n  "id": "x",\n  "version": 1,,\n}\n');
    const error = errorOf(() => loadCodebook(path));
    expect(error.file).toBe(path);
    expect(error.line).toBe(3);
  });

  it('says when the file does not exist', () => {
    const error = errorOf(() => loadCodebook('/nonexistent/codebook.json'));
    expect(error.message).toContain('not found');
  });
});
