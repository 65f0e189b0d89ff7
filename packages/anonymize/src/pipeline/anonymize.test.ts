import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCsv, LeakriskError, tableFromColumns, textColumn, type Column, type Table } from '@leakrisk/survey';
import { parseAnonymizeConfig } from '../config/load.js';

/** Columns' cells as texts. */
const texts = (columns: readonly Column[]) => columns.map((column) => [...column]);
import { anonymize } from './anonymize.js';

const KEY = new TextEncoder().encode('0123456789abcdef0123456789abcdef');
const HIERARCHY = 'region,zone\nnorth_a,north\nnorth_b,north\nsouth_a,south\nsouth_b,south\n';

function config(raw: Record<string, unknown>) {
  return parseAnonymizeConfig(raw, { file: 'anon.json', dir: '/cfg', readText: () => HIERARCHY });
}

function table(header: string[], rows: string[][]): Table {
  return tableFromColumns(
    'raw.csv',
    header.map((name, j) => ({ name, column: textColumn(rows.map((r) => r[j]!)) })),
  );
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

const header = ['resp_id', 'name', 'phone', 'age', 'gender', 'region', 'vb1', 'weight', 'comment'];
const baseRows = [
  ['R1', 'Zarqa Test', '03001112223', '22', 'female', 'north_a', '1', '10', 'call 0300-1112223'],
  ['R2', 'Yumna Test', '03001112224', '24', 'female', 'north_a', '2', '10', ''],
  ['R3', 'Xenia Test', '03001112225', '23', 'female', 'north_a', '3', '10', 'fine'],
  ['R4', 'Wajid Test', '03001112226', '40', 'male', 'south_b', '1', '20', ''],
  ['R5', 'Vasim Test', '03001112227', '41', 'male', 'south_b', '4', '20', ''],
  ['R6', 'Usman Test', '03001112228', '45', 'male', 'south_b', '5', '20', ''],
  ['R7', 'Tariq Test', '03001112229', '70', 'male', 'north_b', '2', '30', 'email t@example.com'],
];
const baseConfig = () => ({
  columns: {
    resp_id: 'pseudonymize',
    name: 'drop',
    phone: 'drop',
    age: { role: 'quasi', recode: { bands: [18, 26, 36, 46, 56, 66] }, importance: 1 },
    gender: { role: 'quasi', importance: 2 },
    region: { role: 'quasi', hierarchy: 'region.csv', importance: 3 },
    vb1: 'keep',
    weight: 'keep',
    comment: 'scrub',
  },
  privacy: { k: 3, weights: 'weight', maxSuppressedShare: 0.15, missingMatches: 'any' },
  keyFrom: 'env:LEAKRISK_KEY',
});

describe('anonymize', () => {
  it('drops, pseudonymizes, scrubs, keeps and generalises as configured', () => {
    const result = anonymize({ table: table(header, baseRows), config: config(baseConfig()), key: KEY, configFile: 'anon.json' });
    expect(result.header).toEqual(['resp_id', 'age', 'gender', 'region', 'vb1', 'weight', 'comment']);
    const col = (name: string) => [...result.columns[result.header.indexOf(name)]!];
    expect(col('resp_id').every((p) => /^P[0-9a-f]{16}$/.test(p))).toBe(true);
    // Ages band to 18-25 ×3, 36-45 ×3, 66+ ×1. The (66+, male, north_b) record is alone and no single
    // suppression saves it ((_, male, north_b) matches no one else), so its least important key,
    // region, goes first. Then (_, male, _) would match the three south_b men (fk = 4 ≥ 3) while
    // (66+, _, _) would not, so age goes next and gender stays. Suppressing 2 cells of one record
    // beats any generalisation: the other six stay at level 0.
    expect(col('age')).toEqual(['18-25', '18-25', '18-25', '36-45', '36-45', '36-45', '']);
    expect(col('region')).toEqual(['north_a', 'north_a', 'north_a', 'south_b', 'south_b', 'south_b', '']);
    expect(col('gender')).toEqual(['female', 'female', 'female', 'male', 'male', 'male', 'male']);
    expect(col('comment')).toEqual(['call [PHONE]', '', 'fine', '', '', '', 'email [EMAIL]']);
    const audit = result.audit;
    expect(audit.rows).toEqual({ in: 7, out: 7 });
    expect(audit.privacy.suppressedRecords).toBe(1);
    expect(audit.privacy.achieved.k).toBe(3);
    expect(audit.quasiIdentifiers.map((q) => [q.column, q.chosenLevel, q.suppressedCells])).toEqual([
      ['age', 0, 1],
      ['gender', 0, 0],
      ['region', 0, 1],
    ]);
    expect(audit.pii.PHONE).toBe(1);
    expect(audit.pii.EMAIL).toBe(1);
    expect(audit.transformations.find((t) => t.column === 'name')).toEqual({ column: 'name', action: 'drop', cells: 7, changed: 7 });
    // kept columns do not change
    expect(audit.utility.find((u) => u.column === 'vb1')).toMatchObject({ meanChange: 0, distributionChange: 0 });
  });

  it('is deterministic: the same input gives identical bytes', () => {
    const run = () => {
      const r = anonymize({ table: table(header, baseRows), config: config(baseConfig()), key: KEY, configFile: 'anon.json' });
      return formatCsv(r.header, texts(r.columns)) + JSON.stringify(r.audit);
    };
    expect(run()).toBe(run());
  });

  it('refuses an unclassified column', () => {
    const raw = baseConfig();
    delete (raw.columns as Record<string, unknown>).phone;
    const error = errorOf(() => anonymize({ table: table(header, baseRows), config: config(raw), key: KEY, configFile: 'anon.json' }));
    expect(error.message).toMatch(/not classified: phone/);
  });

  it('refuses to pseudonymize without a key, or with a short one', () => {
    expect(errorOf(() => anonymize({ table: table(header, baseRows), config: config(baseConfig()), key: undefined, configFile: 'anon.json' })).message).toMatch(
      /no key was given/,
    );
    const short = new TextEncoder().encode('short');
    expect(errorOf(() => anonymize({ table: table(header, baseRows), config: config(baseConfig()), key: short, configFile: 'anon.json' })).message).toMatch(
      /5 bytes long; at least 16/,
    );
  });

  it('fails closed when the requirement cannot be met within the budget, naming the fix', () => {
    const raw = baseConfig();
    raw.privacy = { ...raw.privacy, k: 7, maxSuppressedShare: 0 };
    const error = errorOf(() => anonymize({ table: table(header, baseRows), config: config(raw), key: KEY, configFile: 'anon.json' }));
    expect(error.message).toMatch(/^k = 7 cannot be met with at most 0.0% of records suppressed/);
    expect(error.fix).toMatch(/raise privacy.maxSuppressedShare, add a coarser hierarchy level for region, or drop region/);
  });

  it('refuses a quasi-identifier value that is not in its hierarchy', () => {
    const rows = baseRows.map((r) => [...r]);
    rows[2]![5] = 'east';
    const error = errorOf(() => anonymize({ table: table(header, rows), config: config(baseConfig()), key: KEY, configFile: 'anon.json' }));
    // Named by row and column; a quasi-identifier's value is never printed.
    expect([error.row, error.column]).toEqual([3, 'region']);
    expect(error.message).not.toContain('east');
  });
});

/** Independent fk / distinct-l check straight from the definitions (O(n²)). */
function violations(rows: string[][], keys: number[], sensitive: number, k: number, l: number, mode: 'any' | 'self'): number {
  let bad = 0;
  const allMissing = (r: string[]) => keys.every((j) => r[j] === '');
  for (const a of rows) {
    if (mode === 'self' && allMissing(a)) continue;
    let fk = 0;
    const values = new Set<string>();
    for (const b of rows) {
      let match: boolean;
      if (mode === 'self') match = keys.every((j) => a[j] === b[j]);
      else match = keys.every((j) => a[j] === b[j] || a[j] === '' || b[j] === '') && !(keys.length > 1 && allMissing(b) && !allMissing(a));
      if (match) {
        fk++;
        if (b[sensitive] !== '') values.add(b[sensitive]!);
      }
    }
    if (fk < k || values.size < l) bad++;
  }
  return bad;
}

describe('anonymize (properties)', () => {
  const row = fc.record({
    age: fc.oneof(fc.integer({ min: 16, max: 90 }).map(String), fc.constant('')),
    gender: fc.constantFrom('female', 'male', 'transgender', ''),
    region: fc.constantFrom('north_a', 'north_b', 'south_a', 'south_b', ''),
    vb1: fc.constantFrom('1', '2', '3', '4', '5', ''),
    name: fc.stringMatching(/^[A-Z][a-z]{6,9}q[a-z]{4}$/),
    phone: fc.stringMatching(/^03[0-4][0-9]{8}$/),
    id: fc.stringMatching(/^RID-[A-Z]{6}$/),
  });

  it('always releases k-anonymous, distinct-l-diverse keys and never an identifier', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom<'any' | 'self'>('any', 'self'),
        fc.constantFrom(0.1, 0.3, 1),
        (records, k, l, mode, share) => {
          const h = ['resp_id', 'name', 'phone', 'age', 'gender', 'region', 'vb1', 'comment'];
          const rows = records.map((r) => [r.id, r.name, r.phone, r.age, r.gender, r.region, r.vb1, `I am ${r.name}, call ${r.phone}`]);
          const raw = baseConfig();
          delete (raw.columns as Record<string, unknown>).weight;
          raw.privacy = { k, ...(l > 1 ? { l: { sensitive: ['vb1'], distinct: l } } : {}), maxSuppressedShare: share, missingMatches: mode } as never;
          let result: ReturnType<typeof anonymize>;
          try {
            result = anonymize({ table: table(h, rows), config: config(raw), key: KEY, configFile: 'anon.json' });
          } catch (error) {
            if (error instanceof LeakriskError && /cannot be met/.test(error.message)) return;
            throw error;
          }
          const out = texts(result.columns);
          const released = out[0]!.map((_, i) => out.map((c) => c[i]!));
          const at = (name: string) => result.header.indexOf(name);
          expect(violations(released, [at('age'), at('gender'), at('region')], at('vb1'), k, l, mode)).toBe(0);
          expect(result.audit.privacy.suppressedShare).toBeLessThanOrEqual(share + 1e-12);
          const text = formatCsv(result.header, texts(result.columns)) + JSON.stringify(result.audit);
          for (const r of records) {
            expect(text).not.toContain(r.id);
            expect(text).not.toContain(r.name);
            expect(text).not.toContain(r.phone);
          }
        },
      ),
      { numRuns: 150, seed: 20261125 },
    );
  });
});

describe('anonymize without quasi-identifiers', () => {
  it('only drops, pseudonymizes and keeps', () => {
    const raw = {
      columns: {
        resp_id: 'pseudonymize',
        name: 'drop',
        phone: 'drop',
        age: 'keep',
        gender: 'keep',
        region: 'keep',
        vb1: 'keep',
        weight: 'keep',
        comment: 'drop',
      },
      privacy: { k: 3 },
      keyFrom: 'env:LEAKRISK_KEY',
    };
    const result = anonymize({ table: table(header, baseRows), config: config(raw), key: KEY, configFile: 'anon.json' });
    expect(result.header).toEqual(['resp_id', 'age', 'gender', 'region', 'vb1', 'weight']);
    expect(result.audit.quasiIdentifiers).toEqual([]);
    expect(result.audit.risk.after).toMatchObject({ keys: [], minFk: 7 });
  });
});
