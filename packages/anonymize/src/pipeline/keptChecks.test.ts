import { describe, expect, it } from 'vitest';
import { LeakriskError, parseCsvText } from '@leakrisk/survey';
import { parseAnonymizeConfig } from '../config/load.js';
import { anonymize } from './anonymize.js';

// The fail-closed checks on kept columns (Trust rules): a kept column must not hold personal data by
// content, nor give a quasi-identifier back more finely than it is released.

function errorOf(fn: () => unknown): LeakriskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LeakriskError) return error;
    throw error;
  }
  throw new Error('expected a LeakriskError');
}

const HIERARCHY = 'district,province\nd1,p1\nd2,p1\nd3,p2\nd4,p2\n';

function run(csv: string, columns: Record<string, unknown>, privacy: Record<string, unknown> = {}) {
  const config = parseAnonymizeConfig({ columns, privacy: { k: 5, ...privacy } }, { file: 'anon.json', dir: '/cfg', readText: () => HIERARCHY });
  return () => anonymize({ table: parseCsvText(csv, 'raw.csv'), config, key: undefined, configFile: 'anon.json' });
}

describe('a kept column that holds personal data', () => {
  const phones = Array.from({ length: 12 }, (_, i) => `030012345${String(i).padStart(2, '0')}`);
  const csv = ['g,contact,score', ...phones.map((p, i) => `${i % 2 ? 'f' : 'm'},${i === 3 ? '' : p},${i % 5}`)].join('\n');

  it('is refused, naming the column, the kind and the cells but no value', () => {
    const error = errorOf(run(csv, { g: { role: 'quasi' }, contact: 'keep', score: 'keep' }, { k: 2 }));
    expect(error.message).toBe('kept column "contact" holds personal data: 11 cells with phone numbers (PHONE)');
    expect([error.file, error.column]).toEqual(['raw.csv', 'contact']);
    expect(error.fix).toContain('"drop", "pseudonymize"');
    expect(error.format()).not.toContain('03001234');
  });

  it('passes once classified drop, pseudonymize or scrub', () => {
    for (const role of ['drop', 'scrub']) expect(() => run(csv, { g: { role: 'quasi' }, contact: role, score: 'keep' }, { k: 2 })()).not.toThrow();
  });

  it('names CNICs and e-mails too, and lists the other columns found', () => {
    const text = ['g,a,b', ...Array.from({ length: 6 }, (_, i) => `${i % 2 ? 'f' : 'm'},35202-123456${i}-1,x${i}@example.pk`)].join('\n');
    const error = errorOf(run(text, { g: { role: 'quasi' }, a: 'keep', b: 'keep' }, { k: 2 }));
    expect(error.message).toBe('kept column "a" holds personal data: 6 cells with CNICs (CNIC); so does "b"');
  });
});

describe('a kept column that gives a quasi-identifier away', () => {
  // 24 records, 6 per district, 3 women and 3 men each: k = 5 needs district generalised to province.
  const rows = Array.from({ length: 24 }, (_, i) => {
    const d = Math.floor(i / 6) + 1;
    return { district: `d${d}`, gender: i % 2 ? 'f' : 'm', code: `C0${d}`, weight: String(10 * d), score: String(i % 3) };
  });
  const csv = ['district,gender,district_code,w,score', ...rows.map((r) => `${r.district},${r.gender},${r.code},${r.weight},${r.score}`)].join('\n');
  const quasi = { district: { role: 'quasi', hierarchy: 'd.csv' }, gender: { role: 'quasi' } };

  it('is refused when the key is released coarser than the kept column tells (a district code beside its province)', () => {
    const error = errorOf(run(csv, { ...quasi, district_code: 'keep', w: 'drop', score: 'keep' }, { maxSuppressedShare: 0 }));
    expect(error.message).toBe(
      'kept column "district_code" gives away quasi-identifier "district": each of its values goes with one value of "district", so it tells the original "district" of 24 records whose "district" is released at level "province", suppressed or missing',
    );
    expect([error.file, error.column]).toEqual(['anon.json', 'district_code']);
    expect(error.fix).toContain('make "district_code" a quasi-identifier');
    expect(error.format()).not.toMatch(/C0\d/);
  });

  it('says what can be done with weights, which cannot be a quasi-identifier', () => {
    const error = errorOf(run(csv, { ...quasi, district_code: 'drop', w: 'keep', score: 'keep' }, { maxSuppressedShare: 0, weights: 'w' }));
    expect(error.message).toMatch(/^the sampling weights \("w", privacy.weights\) give away quasi-identifier "district"/);
    expect(error.fix).toMatch(/^weights cannot be a quasi-identifier: drop them/);
  });

  it('passes when the config drops it or makes it a quasi-identifier', () => {
    expect(run(csv, { ...quasi, district_code: 'drop', w: 'drop', score: 'keep' }, { maxSuppressedShare: 0 })().audit.recoverableKeys).toEqual([]);
    const asKey = run(csv, { ...quasi, district_code: { role: 'quasi' }, w: 'drop', score: 'keep' }, { maxSuppressedShare: 1 })();
    expect(asKey.audit.quasiIdentifiers.map((q) => q.column)).toEqual(['district', 'gender', 'district_code']);
  });

  it('pins a key it gives away released as it is: the key is never suppressed, another key is', () => {
    // k = 3: d1..d4 have 3 women and 3 men each; a fifth district d5 has 3 men and one woman, alone.
    // Suppressing her district (any woman then matches) or her gender (the d5 men then match) would do;
    // gender is the more important key, so her district goes, unless the kept code gives it away.
    const extra = ['d5,m,C05,50,1', 'd5,m,C05,50,2', 'd5,m,C05,50,0', 'd5,f,C05,50,1'];
    const hierarchy = `${HIERARCHY}d5,p2\n`;
    const config = (code: string) =>
      parseAnonymizeConfig(
        {
          columns: { district: { role: 'quasi', hierarchy: 'd.csv' }, gender: { role: 'quasi', importance: 1 }, district_code: code, w: 'drop', score: 'keep' },
          privacy: { k: 3, maxSuppressedShare: 0.1 },
        },
        { file: 'anon.json', dir: '/cfg', readText: () => hierarchy },
      );
    const table = () => parseCsvText(`${csv}\n${extra.join('\n')}\n`, 'raw.csv');
    const free = anonymize({ table: table(), config: config('drop'), key: undefined, configFile: 'anon.json' }).audit;
    expect(free.recoverableKeys).toEqual([]);
    expect(free.quasiIdentifiers.map((q) => [q.column, q.chosenLevel, q.locallySuppressedCells])).toEqual([
      ['district', 0, 1],
      ['gender', 0, 0],
    ]);
    const pinned = anonymize({ table: table(), config: config('keep'), key: undefined, configFile: 'anon.json' }).audit;
    expect(pinned.quasiIdentifiers.map((q) => [q.column, q.chosenLevel, q.locallySuppressedCells])).toEqual([
      ['district', 0, 0],
      ['gender', 0, 1],
    ]);
    expect(pinned.recoverableKeys).toEqual([{ column: 'district_code', quasiIdentifier: 'district' }]);
  });
});
