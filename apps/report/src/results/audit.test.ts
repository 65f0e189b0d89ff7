import { describe, expect, it } from 'vitest';
import { summarizeAudit } from './audit.js';

describe('summarizeAudit', () => {
  it("reads the anonymize package's audit: what was dropped, pseudonymized, scrubbed, generalised and suppressed", () => {
    const summary = summarizeAudit({
      tool: 'leakrisk',
      kind: 'anonymization-audit',
      rows: { in: 3000, out: 3000 },
      transformations: [
        { column: 'resp_id', action: 'pseudonymize', cells: 3000, changed: 3000 },
        { column: 'name', action: 'drop', cells: 2905, changed: 3000 },
        { column: 'phone', action: 'drop', cells: 2807, changed: 3000 },
        { column: 'comment', action: 'scrub', cells: 1212, changed: 375, replacements: { PHONE: 112, CNIC: 47, IBAN: 0 } },
        { column: 'vb1', action: 'keep', cells: 3000, changed: 0 },
      ],
      quasiIdentifiers: [
        {
          column: 'age',
          hierarchy: { kind: 'bands', bands: [18, 26, 36] },
          levels: ['age', 'age_1', '*'],
          chosenLevel: 0,
          chosenLevelName: 'age',
          suppressedCells: 10,
        },
        {
          column: 'district',
          hierarchy: { kind: 'file' },
          levels: ['district', 'division', 'province', '*'],
          chosenLevel: 2,
          chosenLevelName: 'province',
          suppressedCells: 5,
        },
        { column: 'gender', hierarchy: { kind: 'values' }, levels: ['gender', '*'], chosenLevel: 0, chosenLevelName: 'gender', suppressedCells: 0 },
      ],
      privacy: {
        k: 5,
        l: { sensitive: ['vb1', 'vb2'], distinct: 2 },
        achieved: {
          k: 7,
          l: [
            { column: 'vb1', distinct: 3, entropy: 2.5 },
            { column: 'vb2', distinct: 2, entropy: 1.9 },
          ],
        },
        suppressedRecords: 14,
        suppressedShare: 0.0047,
      },
      informationLoss: { total: 0.21, generalisation: 0.19 },
      risk: { before: { globalRisk: 0.05, expectedReidentifications: 150 }, after: { globalRisk: 0.004, expectedReidentifications: 12 } },
      pii: { PHONE: 112, CNIC: 47, IBAN: 0 },
    });
    expect(summary).toMatchObject({
      rowsIn: 3000,
      rowsOut: 3000,
      dropped: ['name', 'phone'],
      pseudonymized: ['resp_id'],
      scrubbed: [{ column: 'comment', replaced: 159 }],
      sensitive: ['vb1', 'vb2'],
      kRequired: 5,
      kAchieved: 7,
      lRequired: 2,
      lAchieved: 2,
      suppressedShare: 0.0047,
      suppressedRows: 14,
      suppressedCells: 15,
      riskBefore: 0.05,
      riskAfter: 0.004,
      expectedReidentificationsBefore: 150,
      expectedReidentificationsAfter: 12,
    });
    expect(summary.quasiIdentifiers).toEqual([
      { column: 'age', level: 0, levelsAbove: 2, levelName: 'age', suppressedEntirely: false, bands: [18, 26, 36], suppressedCells: 10 },
      { column: 'district', level: 2, levelsAbove: 3, levelName: 'province', suppressedEntirely: false, bands: null, suppressedCells: 5 },
      { column: 'gender', level: 0, levelsAbove: 1, levelName: 'gender', suppressedEntirely: false, bands: null, suppressedCells: 0 },
    ]);
    expect(summary.informationLoss).toEqual([
      { name: 'total', value: 0.21 },
      { name: 'generalisation', value: 0.19 },
    ]);
    // Types replaced zero times are left out.
    expect(summary.piiReplacements).toEqual([
      { type: 'PHONE', count: 112 },
      { type: 'CNIC', count: 47 },
    ]);
  });

  it('reads older shapes under their other names', () => {
    const summary = summarizeAudit({
      rowsIn: 3000,
      rowsOut: 2990,
      dropped: ['cnic'],
      privacy: { k: 5 },
      achieved: { k: 6, l: 2 },
      suppression: { share: 0.02, cells: 70, rows: 60 },
      generalisation: { age: 1, district: { level: 2, label: 'division' }, village: '*' },
      piiReplacements: { PHONE: 41 },
    });
    expect(summary).toMatchObject({
      rowsIn: 3000,
      rowsOut: 2990,
      dropped: ['cnic'],
      kRequired: 5,
      kAchieved: 6,
      lAchieved: 2,
      suppressedShare: 0.02,
      suppressedCells: 70,
      suppressedRows: 60,
    });
    expect(summary.quasiIdentifiers.map((q) => [q.column, q.level, q.levelName, q.suppressedEntirely])).toEqual([
      ['age', 1, null, false],
      ['district', 2, 'division', false],
      ['village', null, '*', true],
    ]);
  });

  it('leaves absent figures null and lists empty', () => {
    const summary = summarizeAudit({ something: { nested: [1, 2] } });
    expect(summary.riskBefore).toBeNull();
    expect(summary.kAchieved).toBeNull();
    expect(summary.dropped).toEqual([]);
    expect(summary.quasiIdentifiers).toEqual([]);
  });
});
