import { describe, expect, it } from 'vitest';
import { summarizeAudit } from './audit.js';

describe('summarizeAudit', () => {
  it('finds the usual figures under their usual names', () => {
    const summary = summarizeAudit({
      rowsIn: 3000,
      rowsOut: 2990,
      privacy: { k: 5, l: { sensitive: ['vb1'], distinct: 2 } },
      achieved: { k: 6, l: 2 },
      suppression: { share: 0.02, cells: 70, rows: 60 },
      risk: { before: { globalRisk: 0.04, expectedReidentifications: 120 }, after: { globalRisk: 0.003, expectedReidentifications: 9 } },
      informationLoss: { precision: 0.18 },
      generalisation: { age: 1, district: { level: 2, label: 'division' } },
      piiReplacements: { PHONE: 41 },
    });
    expect(summary).toMatchObject({
      rowsIn: 3000,
      rowsOut: 2990,
      kRequired: 5,
      kAchieved: 6,
      lRequired: 2,
      lAchieved: 2,
      suppressedShare: 0.02,
      suppressedCells: 70,
      suppressedRows: 60,
      riskBefore: 0.04,
      riskAfter: 0.003,
      expectedReidentificationsBefore: 120,
      expectedReidentificationsAfter: 9,
    });
    expect(summary.informationLoss).toEqual([{ name: 'precision', value: 0.18 }]);
    expect(summary.generalisation).toEqual([
      { column: 'age', level: '1' },
      { column: 'district', level: 'division' },
    ]);
    expect(summary.piiReplacements).toEqual([{ type: 'PHONE', count: 41 }]);
  });
  it("reads the anonymize package's audit shape", () => {
    const summary = summarizeAudit({
      tool: 'leakrisk',
      kind: 'anonymization-audit',
      rows: { in: 3000, out: 3000 },
      quasiIdentifiers: [
        { column: 'age', chosenLevel: 1, chosenLevelName: 'bands', suppressedCells: 10 },
        { column: 'district', chosenLevel: 2, chosenLevelName: 'province', suppressedCells: 5 },
      ],
      privacy: {
        k: 5,
        l: { sensitive: ['vb1'], distinct: 2 },
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
      pii: { PHONE: 3 },
    });
    expect(summary).toMatchObject({
      rowsIn: 3000,
      rowsOut: 3000,
      kRequired: 5,
      kAchieved: 7,
      lRequired: 2,
      lAchieved: 2,
      suppressedShare: 0.0047,
      suppressedRows: 14,
      suppressedCells: 15,
      riskBefore: 0.05,
      riskAfter: 0.004,
    });
    expect(summary.generalisation).toEqual([
      { column: 'age', level: 'bands' },
      { column: 'district', level: 'province' },
    ]);
    expect(summary.informationLoss).toEqual([
      { name: 'total', value: 0.21 },
      { name: 'generalisation', value: 0.19 },
    ]);
    expect(summary.piiReplacements).toEqual([{ type: 'PHONE', count: 3 }]);
  });
  it('leaves absent figures null and still lists every number in the file', () => {
    const summary = summarizeAudit({ something: { nested: [1, 2] }, k: 3 });
    expect(summary.riskBefore).toBeNull();
    expect(summary.kAchieved).toBe(3);
    expect(summary.figures).toEqual([
      { path: 'something.nested[0]', value: 1 },
      { path: 'something.nested[1]', value: 2 },
      { path: 'k', value: 3 },
    ]);
  });
});
