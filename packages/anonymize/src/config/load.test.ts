import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LeakriskError, parseCsvText } from '@leakrisk/survey';
import { checkConfigAgainstTable, quasiIdentifiers } from './check.js';
import { loadAnonymizeConfig, parseAnonymizeConfig } from './load.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/config/', import.meta.url));

const base = () => ({
  columns: { name: 'drop', age: { role: 'quasi', recode: { bands: [18, 25, 35] } }, gender: { role: 'quasi' }, vb1: 'keep' } as Record<string, unknown>,
  privacy: { k: 5 } as Record<string, unknown>,
});

function parse(raw: unknown, files: Record<string, string> = {}) {
  return parseAnonymizeConfig(raw, {
    file: 'anon.json',
    dir: '/cfg',
    readText: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
  });
}

function errorOf(fn: () => unknown): LeakriskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LeakriskError) return error;
    throw error;
  }
  throw new Error('expected a LeakriskError');
}

describe('loadAnonymizeConfig', () => {
  it('reads YAML, resolves the hierarchy against the config folder and fills defaults', () => {
    const config = loadAnonymizeConfig(`${fixtures}anon.yaml`);
    expect(quasiIdentifiers(config)).toEqual(['age', 'district', 'gender']);
    expect(config.columns['age']).toEqual({ role: 'quasi', recode: { bands: [18, 25, 35, 45, 55, 65] }, importance: 2 });
    expect(config.columns['district']!.hierarchy!.header).toEqual(['district', 'division', 'province']);
    expect(config.columns['district']!.hierarchy!.rows[3]).toEqual(['karachi_south', 'karachi_division', 'sindh']);
    expect(config.columns['district']!.hierarchy!.levels).toBe(3);
    expect(config.columns['interview_date']).toEqual({ role: 'dateShift', maxDays: 14 });
    expect(config.privacy).toEqual({ k: 3, l: { sensitive: ['vb1'], distinct: 2 }, weights: 'weight', missingMatches: 'self', maxSuppressedShare: 0.05 });
    expect(config.keyFrom).toEqual({ kind: 'env', variable: 'LEAKRISK_KEY', spec: 'env:LEAKRISK_KEY' });
  });

  it('names the file when it does not exist', () => {
    const error = errorOf(() => loadAnonymizeConfig(`${fixtures}nope.json`));
    expect(error.message).toBe('config file not found');
    expect(error.file).toContain('nope.json');
  });
});

describe('loadAnonymizeConfig syntax errors', () => {
  it('names the line of a JSON or YAML syntax error, and a key written twice', () => {
    const folder = mkdtempSync(join(tmpdir(), 'leakrisk-config-'));
    const load = (name: string, text: string) => {
      writeFileSync(join(folder, name), text);
      return () => loadAnonymizeConfig(join(folder, name));
    };
    const json = errorOf(load('anon.json', '{\n  "columns": {,\n}'));
    expect(json.message).toMatch(/^the config is not valid JSON/);
    expect(json.fix).toContain('use .yaml for a commented config');
    expect(json.line).toBe(2);
    const yaml = errorOf(load('anon.yml', 'columns:\n  a: drop\n  a: keep\n'));
    expect(yaml.message).toMatch(/^the config is not valid YAML/);
    expect(yaml.line).toBe(3);
    const twice = errorOf(load('twice.json', '{\n "columns": {\n  "phone": "drop",\n  "phone": "keep"\n }\n}'));
    expect(twice.message).toContain('the same key appears twice');
    expect(twice.line).toBe(4);
  });
});

describe('parseAnonymizeConfig', () => {
  it('normalises short forms and defaults missingMatches to "any"', () => {
    const config = parse(base());
    expect(config.columns['name']).toEqual({ role: 'drop' });
    expect(config.privacy.missingMatches).toBe('any');
    expect(config.privacy.maxSuppressedShare).toBe(0.05);
  });

  it('refuses undecided columns, listing all of them', () => {
    const raw = base();
    raw.columns['x1'] = 'undecided';
    raw.columns['x2'] = { role: 'undecided' };
    const error = errorOf(() => parse(raw));
    expect(error.message).toBe('2 columns are still "undecided": x1, x2');
    expect(error.fix).toContain('refuses to run');
  });

  it('rejects an unknown action, naming the column', () => {
    const raw = base();
    raw.columns['phone'] = 'delete';
    const error = errorOf(() => parse(raw));
    expect(error.column).toBe('phone');
    expect(error.file).toBe('anon.json');
    expect(error.message).toBe('unknown action "delete"');
    expect(error.fix).toMatch(/drop/);
  });

  it('rejects an unknown role inside an object entry', () => {
    const raw = base();
    raw.columns['age'] = { role: 'quasy' };
    const error = errorOf(() => parse(raw));
    expect(error.column).toBe('age');
    expect(error.message).toBe('"role" has an unknown value');
  });

  it('rejects bands that do not increase', () => {
    const raw = base();
    raw.columns['age'] = { role: 'quasi', recode: { bands: [18, 35, 25] } };
    const error = errorOf(() => parse(raw));
    expect(error.column).toBe('age');
    expect(error.message).toContain('strictly increasing, but 25 follows 35');
  });

  it('rejects recode on a column that is not a quasi-identifier', () => {
    const raw = base();
    raw.columns['vb1'] = { role: 'keep', recode: { topCode: 4 } };
    expect(errorOf(() => parse(raw)).column).toBe('vb1');
  });

  it('rejects k below 2 and a share outside [0, 1]', () => {
    const low = base();
    low.privacy['k'] = 1;
    const e1 = errorOf(() => parse(low));
    expect(e1.column).toBe('privacy.k');
    const share = base();
    share.privacy['maxSuppressedShare'] = 1.5;
    const e2 = errorOf(() => parse(share));
    expect(e2.column).toBe('privacy.maxSuppressedShare');
    expect(e2.fix).toContain('between 0 and 1');
  });

  it('rejects an unknown l-diversity variant and an l without a variant', () => {
    const raw = base();
    raw.privacy['l'] = { sensitive: ['vb1'], tcloseness: 0.2 };
    const error = errorOf(() => parse(raw));
    expect(error.message).toBe('"privacy.l" has an unknown field "tcloseness"');
    expect(error.fix).toContain('distinct, entropy and recursive');
    const none = base();
    none.privacy['l'] = { sensitive: ['vb1'] };
    expect(errorOf(() => parse(none)).message).toContain('no l-diversity variant');
  });

  it('rejects a sensitive column that is a quasi-identifier', () => {
    const raw = base();
    raw.privacy['l'] = { sensitive: ['gender'], distinct: 2 };
    expect(errorOf(() => parse(raw)).column).toBe('gender');
  });

  it('accepts env: and file: key sources and rejects others', () => {
    const env = { ...base(), keyFrom: 'file:keys/key.txt' };
    expect(parse(env).keyFrom).toEqual({ kind: 'file', path: '/cfg/keys/key.txt', spec: 'file:keys/key.txt' });
    const bad = { ...base(), keyFrom: 'vault:key' };
    const error = errorOf(() => parse(bad));
    expect(error.column).toBe('keyFrom');
    expect(error.fix).toContain('env:LEAKRISK_KEY');
  });

  it('requires a key source for pseudonymized columns', () => {
    const raw = base();
    raw.columns['resp_id'] = 'pseudonymize';
    const error = errorOf(() => parse(raw));
    expect(error.column).toBe('resp_id');
    expect(error.message).toContain('no "keyFrom"');
  });

  it('reports a missing hierarchy file with the resolved path', () => {
    const raw = base();
    raw.columns['district'] = { role: 'quasi', hierarchy: 'h/district.csv' };
    const error = errorOf(() => parse(raw));
    expect(error.column).toBe('district');
    expect(error.message).toContain('/cfg/h/district.csv');
  });

  it('refuses a hierarchy that is not a tree, naming the file, the lines and the groups but not the value', () => {
    const withFile = (text: string) => {
      const raw = base();
      raw.columns['district'] = { role: 'quasi', hierarchy: 'h/d.csv' };
      return () => parse(raw, { '/cfg/h/d.csv': text });
    };
    // A district under two provinces: listed again on line 4 with other groups.
    const twoProvinces = errorOf(withFile('district,division,province\nlahore,lahore_div,punjab\nsukkur,sukkur_div,sindh\nlahore,sukkur_div,sindh\n'));
    expect(twoProvinces.message).toBe(
      'hierarchy for column "district": not a tree: lines 2 and 4 list the same value under different groups at level 1 ("lahore_div" and "sukkur_div")',
    );
    expect([twoProvinces.file, twoProvinces.line, twoProvinces.column]).toEqual(['h/d.csv', 4, 'district']);
    expect(twoProvinces.fix).toContain('exactly one group at each level');
    // The same value with a space after it is the same value (the compiled hierarchy trims).
    const spaced = errorOf(withFile('lahore,lahore_div,punjab\nlahore ,lahore_div,sindh\n'));
    expect(spaced.message).toContain('lines 1 and 2 list the same value under different groups at level 2 ("punjab" and "sindh")');
    expect(spaced.message).not.toContain('lahore,');
    // A division under two provinces, written with a stray space.
    const division = errorOf(withFile('lahore,lahore_div,punjab\nkasur,lahore_div ,sindh\n'));
    expect(division.message).toContain('not a tree: the group "lahore_div" at level 1 maps to two groups at level 2 ("punjab" on line 1, "sindh" on line 2)');
    expect(division.line).toBe(2);
    for (const error of [twoProvinces, spaced, division]) {
      expect(error.message).not.toMatch(/"lahore"|kasur|sukkur"/);
    }
  });

  it('validates the ARX layout of a hierarchy', () => {
    const withFile = (text: string) => {
      const raw = base();
      raw.columns['district'] = { role: 'quasi', hierarchy: 'd.csv' };
      return () => parse(raw, { '/cfg/d.csv': text });
    };
    expect(errorOf(withFile('lahore,ld,punjab\nkasur,ld\n')).message).toContain('line 2 has 2 columns but the first row has 3');
    const twice = errorOf(withFile('lahore,ld,punjab\nlahore,ld,punjab\n'));
    expect(twice.message).toBe('hierarchy for column "district": lines 1 and 2 list the same value (a text of 6 characters) twice');
    expect(errorOf(withFile('lahore,ld,punjab\nkasur,ld,sindh\n')).message).toContain('not a tree: the group "ld" at level 1 maps to two groups at level 2');
    expect(errorOf(withFile('lahore,,punjab\n')).message).toContain('empty cell at level 1');
    const ok = parse(base(), {});
    expect(ok.columns['district']).toBeUndefined();
    const good = withFile('"lahore, city",ld,punjab\r\nkasur,ld,punjab\r\n')();
    expect(good.columns['district']!.hierarchy!.rows).toEqual([
      ['lahore, city', 'ld', 'punjab'],
      ['kasur', 'ld', 'punjab'],
    ]);
    expect(good.columns['district']!.hierarchy!.header).toBeUndefined();
  });
});

describe('checkConfigAgainstTable', () => {
  const table = parseCsvText('name,age,gender,vb1,weight\nA,20,female,3,10\nB,30,male,4,20\n', 'raw.csv');

  it('lists unclassified columns', () => {
    const error = errorOf(() => checkConfigAgainstTable(parse(base()), table));
    expect(error.message).toBe('1 column of raw.csv is not classified: weight');
    expect(error.fix).toContain('may hold personal data');
  });

  it('names configured columns missing from the data', () => {
    const raw = base();
    raw.columns['weight'] = 'keep';
    raw.columns['phone'] = 'drop';
    const error = errorOf(() => checkConfigAgainstTable(parse(raw), table));
    expect(error.column).toBe('phone');
  });

  it('checks weights and hierarchy coverage', () => {
    const raw = base();
    raw.columns['weight'] = 'keep';
    raw.privacy['weights'] = 'weight';
    expect(() => checkConfigAgainstTable(parse(raw), table)).not.toThrow();
    const badWeights = parseCsvText('name,age,gender,vb1,weight\nA,20,female,3,0\n', 'raw.csv');
    expect(errorOf(() => checkConfigAgainstTable(parse(raw), badWeights)).row).toBe(1);
    raw.columns['gender'] = { role: 'quasi', hierarchy: 'g.csv' };
    const config = parse(raw, { '/cfg/g.csv': 'female,person\n' });
    const error = errorOf(() => checkConfigAgainstTable(config, table));
    expect(error.column).toBe('gender');
    expect(error.message).toBe('1 value of column "gender" is not in its hierarchy /cfg/g.csv: row 2 (a text of 4 characters)');
  });
});
