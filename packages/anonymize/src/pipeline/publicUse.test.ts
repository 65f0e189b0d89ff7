import { describe, expect, it } from 'vitest';
import { LeakriskError, tableFromColumns, textColumn, type Table } from '@leakrisk/survey';
import { parseAnonymizeConfig } from '../config/load.js';
import { anonymize } from './anonymize.js';

const KEY = new TextEncoder().encode('0123456789abcdef0123456789abcdef');
const STRATA = ['north_urban', 'north_rural', 'south_urban', 'south_rural'];

/** 48 respondents: four strata (province × area) of two PSUs of six; province follows the stratum, weights do not. */
function sample(missingProvinceRow?: number): Table {
  const header = ['resp_id', 'stratum', 'psu', 'weight', 'province', 'gender', 'vb1'];
  const rows: string[][] = [];
  for (let i = 0; i < 48; i++) {
    const stratum = STRATA[Math.floor(i / 12)]!;
    const province = i === missingProvinceRow ? '' : stratum.split('_')[0]!;
    rows.push([
      `R${i + 1}`,
      stratum,
      String(1 + (Math.floor(i / 6) % 2)),
      String(100 + 10 * (i % 3)),
      province,
      i % 2 === 0 ? 'female' : 'male',
      String(1 + (i % 5)),
    ]);
  }
  return tableFromColumns(
    'raw.csv',
    header.map((name, j) => ({ name, column: textColumn(rows.map((r) => r[j]!)) })),
  );
}

function config(design: Record<string, unknown> | undefined, roles: Record<string, string> = {}) {
  const raw = {
    columns: {
      resp_id: 'pseudonymize',
      stratum: 'drop',
      psu: 'drop',
      weight: 'keep',
      province: { role: 'quasi' },
      gender: { role: 'quasi' },
      vb1: 'keep',
      ...roles,
    },
    privacy: { k: 2, weights: 'weight', maxSuppressedShare: 0.1 },
    keyFrom: 'env:LEAKRISK_KEY',
    ...(design === undefined ? {} : { design }),
  };
  return parseAnonymizeConfig(raw, { file: 'anon.json', dir: '/cfg' });
}

const JKN = { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true, replicates: { type: 'JKn' } };

function errorOf(fn: () => unknown): LeakriskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LeakriskError) return error;
    throw error;
  }
  throw new Error('expected a LeakriskError');
}

describe('anonymize with a design block (a public-use file without design codes)', () => {
  it('releases replicate weights after the kept columns, without the strata and PSUs, and audits them', () => {
    const out = anonymize({ table: sample(), config: config(JKN), key: KEY, configFile: 'anon.json' });
    expect(out.header).toEqual(['resp_id', 'weight', 'province', 'gender', 'vb1', ...Array.from({ length: 8 }, (_, r) => `repw${r + 1}`)]);
    // replicate 1 drops PSU 1 of north_urban (rows 1–6) and doubles PSU 2 (rows 7–12); the other strata keep their weights
    const repw1 = [...out.columns[5]!].map(Number);
    expect(repw1.slice(0, 12)).toEqual([0, 0, 0, 0, 0, 0, 200, 220, 240, 200, 220, 240]);
    expect(repw1.slice(12, 14)).toEqual([100, 110]);
    const design = out.audit.design!;
    expect(design).toMatchObject({ type: 'JKn', replicates: 8, weights: 'weight', seedFromKey: false, dropped: ['psu', 'stratum'] });
    expect(design.analysisDesign).toEqual({
      weights: 'weight',
      replicates: { type: 'JKn', columns: '^repw[0-9]+$', scale: 1, rscales: 0.5, combinedWeights: true, mse: false },
    });
    expect(design.recovery).toEqual([
      { column: 'stratum', kind: 'strata', groups: 4, constantReplicates: 0, separatedGroups: 4, recoveredGroups: 0 },
      { column: 'psu', kind: 'psu', groups: 8, constantReplicates: 8, separatedGroups: 8, recoveredGroups: 8 },
    ]);
    // the stratum gives the province; province is released as it is, so nothing is given back
    expect(design.determinedQuasiIdentifiers).toEqual(['province']);
    expect(design.warnings.join('\n')).toMatch(/single out 8 of 8 PSUs \("psu"\)/);
    expect(out.audit.columns).toEqual({ in: 7, out: 13 });
    expect(out.audit.transformations.find((t) => t.column === 'stratum')).toMatchObject({ action: 'drop' });
  });

  it('draws as many bootstrap replicates as asked, from the key', () => {
    const boot = { ...JKN, replicates: { type: 'bootstrap', count: 20, prefix: 'bw' } };
    const out = anonymize({ table: sample(), config: config(boot), key: KEY, configFile: 'anon.json' });
    expect(out.header.filter((h) => h.startsWith('bw'))).toHaveLength(20);
    expect(out.audit.design).toMatchObject({ type: 'bootstrap', replicates: 20, seedFromKey: true });
    // the draws are per PSU too, so the constancy test finds every PSU (two per stratum: complementary
    // counts); with this key one of the 20 replicates drew every PSU once, equal to the full sample, which
    // tells nothing and is not counted
    expect(out.audit.design!.recovery[1]).toEqual({ column: 'psu', kind: 'psu', groups: 8, constantReplicates: 19, separatedGroups: 8, recoveredGroups: 8 });
    const again = anonymize({ table: sample(), config: config(boot), key: KEY, configFile: 'anon.json' });
    expect(again.columns.map((c) => [...c])).toEqual(out.columns.map((c) => [...c]));
    const keyless = config(boot, { resp_id: 'drop' });
    expect(errorOf(() => anonymize({ table: sample(), config: keyless, key: undefined, configFile: 'anon.json' })).message).toMatch(
      /bootstrap replicate weights are to be drawn from a seed derived from the key but no key was given/,
    );
  });

  it('refuses replicate weights that give a quasi-identifier back where it is missing, as it refuses a kept stratum', () => {
    // row 3's province is missing; the replicate pattern of its PSU says "north"
    const error = errorOf(() => anonymize({ table: sample(2), config: config(JKN), key: KEY, configFile: 'anon.json' }));
    expect(error.message).toMatch(/the replicate weights repw1 … repw8 give away quasi-identifier "province"/);
    expect(error.message).toMatch(/of 1 record whose "province"/);
    expect(error.message).not.toMatch(/north/);
    // without the design block the dropped stratum gives nothing back
    expect(() => anonymize({ table: sample(2), config: config(undefined), key: KEY, configFile: 'anon.json' })).not.toThrow();
  });
});

describe("the config's design block", () => {
  it.each([
    [{ stratum: 'keep' }, JKN, /design.strata "stratum" is "keep", but a release with replicate weights leaves the design's strata, PSU and fpc columns out/],
    [{ weight: 'drop' }, JKN, /design.weights "weight" is "drop"/],
    [{}, { ...JKN, replicates: { type: 'JKn', count: 10 } }, /the jackknife \(JKn\) makes one replicate per PSU, so it takes no "count"/],
    [{ vb1: 'drop', repw2: 'keep' }, JKN, /would take the name of column "repw2"/],
    [{}, { ...JKN, replicates: { type: 'BRR' } }, /"design.replicates.type" has an unknown value/],
  ])('refuses %j with %j', (roles, design, message) => {
    expect(errorOf(() => config(design, roles as Record<string, string>)).message).toMatch(message);
  });

  it('needs keyFrom for a bootstrap', () => {
    const raw = {
      columns: { stratum: 'drop', psu: 'drop', weight: 'keep' },
      privacy: { k: 2 },
      design: { ...JKN, replicates: { type: 'bootstrap' } },
    };
    expect(errorOf(() => parseAnonymizeConfig(raw, { file: 'anon.json', dir: '/cfg' })).message).toMatch(/needs? .*key|no "keyFrom"/);
  });
});
