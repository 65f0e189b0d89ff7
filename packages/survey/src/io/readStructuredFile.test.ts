import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeakriskError } from '../errors.js';
import { parseStructuredText, readStructuredFile } from './readStructuredFile.js';

const folder = mkdtempSync(join(tmpdir(), 'leakrisk-structured-'));
const wording = { what: 'widget', notFoundFix: 'check --widget' };

function errorOf(fn: () => unknown): LeakriskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LeakriskError) return error;
    throw error;
  }
  throw new Error('expected a LeakriskError');
}

describe('readStructuredFile', () => {
  it('reads JSON (after a byte-order mark) and YAML by extension', () => {
    writeFileSync(join(folder, 'a.json'), '\ufeff{ "a": [1, 2] }');
    writeFileSync(join(folder, 'a.YML'), 'a:\n  - 1\n  - 2\n');
    expect(readStructuredFile(join(folder, 'a.json'), wording)).toEqual({ a: [1, 2] });
    expect(readStructuredFile(join(folder, 'a.YML'), wording)).toEqual({ a: [1, 2] });
  });

  it("words a missing file with the caller's message and fix, naming the file as the caller shows it", () => {
    const plain = errorOf(() => readStructuredFile(join(folder, 'nope.json'), wording, 'nope.json'));
    expect(plain.message).toBe('the widget file does not exist');
    expect(plain.fix).toBe('check --widget');
    expect(plain.file).toBe('nope.json');
    expect(errorOf(() => readStructuredFile(join(folder, 'nope.json'), { ...wording, notFound: 'widget not found' })).message).toBe('widget not found');
    expect(errorOf(() => readStructuredFile(folder, wording)).message).toMatch(/^cannot read the widget file \(EISDIR\)/);
  });
});

describe('parseStructuredText', () => {
  it('names the line of a syntax error and of a key written twice', () => {
    const json = errorOf(() => parseStructuredText('{\n  "a": {,\n}', 'w.json', wording));
    expect(json.message).toMatch(/^the widget is not valid JSON/);
    expect(json.line).toBe(2);
    expect(json.fix).toContain('a YAML file needs the .yaml or .yml extension');
    expect(errorOf(() => parseStructuredText('{,', 'w.json', { ...wording, jsonFix: 'mind the commas' })).fix).toBe('mind the commas');
    const yaml = errorOf(() => parseStructuredText('a: 1\na: 2\n', 'w.yaml', wording));
    expect(yaml.message).toMatch(/^the widget is not valid YAML/);
    expect(yaml.line).toBe(2);
    const twice = errorOf(() => parseStructuredText('{\n "a": 1,\n "a": 2\n}', 'w.json', wording));
    expect(twice.message).toBe('the same key appears twice in one object of the widget (for example a column listed twice)');
    expect(twice.line).toBe(3);
  });
});
