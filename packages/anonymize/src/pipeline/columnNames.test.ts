import { describe, expect, it } from 'vitest';
import { parseCsvText } from '@leakrisk/survey';
import { parseAnonymizeConfig } from '../config/load.js';
import { measureRisk } from '../risk/measureRisk.js';
import { anonymize } from './anonymize.js';

const KEY = new TextEncoder().encode('0123456789abcdef0123456789abcdef');

describe('columns named like the properties of a plain object', () => {
  // `__proto__`, `constructor` and `toString` are column names like any other: the config is read into
  // null-prototype objects, so each can be classified, and an unclassified one is still refused.
  const csv = [
    '__proto__,constructor,toString,hasOwnProperty,valueOf',
    ...Array.from({ length: 6 }, (_, i) => `${i < 3 ? 'f' : 'm'},${i},x${i},R${i},${i < 3 ? 'a' : 'b'}`),
  ].join('\n');
  const raw = () =>
    JSON.parse(
      '{"columns": {"__proto__": {"role": "quasi"}, "constructor": "keep", "toString": "drop", "hasOwnProperty": "pseudonymize", "valueOf": {"role": "quasi"}}, "privacy": {"k": 3, "l": {"sensitive": ["constructor"], "distinct": 2}}, "keyFrom": "env:K"}',
    );

  it('can be classified and anonymized', () => {
    const config = parseAnonymizeConfig(raw(), { file: 'anon.json', dir: '/' });
    expect(Object.keys(config.columns)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']);
    expect(Object.entries(config.columns)[0]).toEqual(['__proto__', { role: 'quasi' }]);
    const table = parseCsvText(csv, 'raw.csv');
    const result = anonymize({ table, config, key: KEY, configFile: 'anon.json' });
    expect(result.header).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'valueOf']);
    expect(result.audit.quasiIdentifiers.map((q) => q.column)).toEqual(['__proto__', 'valueOf']);
    expect(result.audit.transformations.map((t) => [t.column, t.action])).toEqual([
      ['__proto__', 'quasi'],
      ['constructor', 'keep'],
      ['toString', 'drop'],
      ['hasOwnProperty', 'pseudonymize'],
      ['valueOf', 'quasi'],
    ]);
    expect(measureRisk(table, config).keys).toEqual(['__proto__', 'valueOf']);
  });

  it('is refused when left unclassified', () => {
    const config = raw();
    delete config.columns.constructor;
    const parsed = parseAnonymizeConfig({ ...config, privacy: { k: 3 } }, { file: 'anon.json', dir: '/' });
    expect(parsed.columns.constructor).toBeUndefined();
    expect(() => anonymize({ table: parseCsvText(csv, 'raw.csv'), config: parsed, key: KEY, configFile: 'anon.json' })).toThrow(
      '1 column of raw.csv is not classified: constructor',
    );
  });
});
