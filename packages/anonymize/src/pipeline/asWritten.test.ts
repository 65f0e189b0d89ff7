import { describe, expect, it } from 'vitest';
import { parseCsvText, type Column } from '@leakrisk/survey';
import { parseAnonymizeConfig } from '../config/load.js';
import { anonymize } from './anonymize.js';

// k and l hold on the output exactly as written, in both missingMatches modes. The hostile case: a
// codebook missing code (99) and an empty cell in the same key. Searched as one "missing" value, they
// are written differently, so under `self` matching (where a written value is a category) the two
// records written 99 would form a class below k with a single sensitive value.
const csv = ['age,gender,vb1', '99,f,1', '99,f,1', ',f,2', '20,f,1', '21,f,2', '22,f,3', '30,m,1', '31,m,2', '32,m,3'].join('\n');
const missingCodes = new Map([['age', new Set(['99'])]]);

function run(missingMatches: 'any' | 'self') {
  const config = parseAnonymizeConfig(
    {
      columns: { age: { role: 'quasi', recode: { bands: [18, 26, 36] } }, gender: { role: 'quasi' }, vb1: 'keep' },
      privacy: { k: 3, l: { sensitive: ['vb1'], distinct: 2 }, missingMatches, maxSuppressedShare: 0.5 },
    },
    { file: 'anon.json', dir: '/' },
  );
  return anonymize({ table: parseCsvText(csv, 'raw.csv'), config, key: undefined, configFile: 'anon.json', missingCodes });
}

/** Classes of the written key cells under `self`: every text its own value, all-empty records exempt. */
function writtenClasses(header: readonly string[], written: readonly Column[]): Map<string, string[]> {
  const columns = written.map((column) => [...column]);
  const age = columns[header.indexOf('age')]!;
  const gender = columns[header.indexOf('gender')]!;
  const vb1 = columns[header.indexOf('vb1')]!;
  const classes = new Map<string, string[]>();
  age.forEach((a, i) => {
    if (a === '' && gender[i] === '') return;
    const key = JSON.stringify([a, gender[i]]);
    classes.set(key, [...(classes.get(key) ?? []), vb1[i]!]);
  });
  return classes;
}

describe('the release as written', () => {
  it('meets k and l under self matching, a missing code being a value of its own', () => {
    const result = run('self');
    const classes = writtenClasses(result.header, result.columns);
    expect(classes.size).toBeGreaterThan(1); // the loop below must have classes to judge
    for (const [key, values] of classes) {
      expect(values.length, key).toBeGreaterThanOrEqual(3);
      expect(new Set(values).size, key).toBeGreaterThanOrEqual(2);
    }
    expect(result.audit.privacy.achieved.k).toBeGreaterThanOrEqual(3);
    // Missing codes are written as they are unless suppressed.
    expect([...result.columns[0]!].filter((a) => a === '99').length + result.audit.quasiIdentifiers[0]!.locallySuppressedCells).toBeGreaterThanOrEqual(2);
  });

  it('under any matching keeps the missing code (a wildcard, whatever it is written as)', () => {
    const result = run('any');
    expect([...result.columns[0]!].slice(0, 3)).toEqual(['99', '99', '']);
    expect(result.audit.privacy.achieved.k).toBeGreaterThanOrEqual(3);
  });
});
