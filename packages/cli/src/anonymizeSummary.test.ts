import { describe, expect, it } from 'vitest';
import type { Audit, PlanImpactRow, QuasiIdentifierAudit } from '@leakrisk/anonymize';
import { describeAnonymization } from './anonymizeSummary.js';

function key(column: string, chosenLevel: number, chosenLevelName: string, suppressedCells: number): QuasiIdentifierAudit {
  return {
    column,
    hierarchy: { kind: 'values' },
    levels: [column, chosenLevelName, '*'],
    chosenLevel,
    chosenLevelName,
    importance: null,
    weight: 1,
    generalisedCells: 0,
    suppressedCells,
    locallySuppressedCells: suppressedCells,
    loss: 0,
    generalisedShare: 0,
    suppressedShare: 0,
  };
}

const risk = (globalRisk: number, expected: number, below5: number) => ({
  rows: 3000,
  keys: ['age', 'district'],
  kViolations: { '2': 0, '3': 0, '5': below5 },
  globalRisk,
  expectedReidentifications: expected,
  minFk: 1,
});

function audit(extra: Partial<Audit> = {}): Audit {
  return {
    tool: 'leakrisk',
    kind: 'anonymization-audit',
    data: 'raw.csv',
    config: 'anon.json',
    rows: { in: 3000, out: 3000 },
    columns: { in: 70, out: 65 },
    transformations: [],
    quasiIdentifiers: [key('age', 0, 'age', 95), key('district', 2, 'province', 21)],
    privacy: {
      k: 5,
      l: { sensitive: ['blames_victim'], distinct: 2 },
      missingMatches: 'any',
      maxSuppressedShare: 0.05,
      achieved: { k: 5, l: [{ column: 'blames_victim', distinct: 2, entropy: 1.9623 }] },
      suppressedRecords: 115,
      suppressedShare: 115 / 3000,
    },
    search: { measure: 'loss', latticeSize: 12, evaluated: 12, optimal: true, suppressionOrder: [] },
    informationLoss: { total: 0.1, generalisation: 0.08 },
    risk: { before: risk(0.000123456, 0.37, 540), after: risk(0.0000201, 0.0603, 0) },
    pii: {} as Audit['pii'],
    utility: [],
    recoverableKeys: [],
    ...extra,
  };
}

describe('describeAnonymization', () => {
  it('says k and l achieved, what was suppressed and generalised, and the risk before and after', () => {
    expect(describeAnonymization(audit(), { out: 'anon.csv', audit: 'audit.json' })).toBe(
      [
        'Anonymized 3000 rows → anon.csv (3000 rows, 65 of 70 columns); audit → audit.json.',
        '  k achieved: 5 (required 5); l achieved: blames_victim 2 distinct, entropy 1.962 (required 2 distinct)',
        '  suppressed: 115 records with a quasi-identifier cell suppressed (3.8%, allowed 5.0%); 116 cells (age 95, district 21)',
        '  generalised: district to province',
        '  risk after: global 0.0000201, expected re-identifications 0.0603, records below k: 0 ' +
          '(before: global 0.0001235, expected re-identifications 0.37, records below k: 540)',
        '',
      ].join('\n'),
    );
  });

  it('lists the estimates that --plan flagged, at most ten, and says how many more', () => {
    const rows: PlanImpactRow[] = Array.from({ length: 12 }, (_, i) => ({
      analysis: `vb${i + 1}`,
      type: 'mean',
      domain: i === 0 ? { gender: 'female' } : i === 2 ? { contact: '0300-1234567' } : ({} as Record<string, string>),
      quantity: 'estimate',
      before: 3,
      after: 3.15,
      seBefore: 0.1,
      change: 0.15,
      z: 1.5,
      flagged: i !== 1,
    }));
    const text = describeAnonymization(
      audit({
        privacy: { ...audit().privacy, l: null },
        planImpact: { threshold: 1, rows, compared: 12, flagged: 11, maxAbsZ: 1.5, onlyBefore: 1, onlyAfter: 0 },
      }),
      { out: 'anon.csv', audit: 'audit.json' },
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[1]).toBe('  k achieved: 5 (required 5)');
    expect(lines).toContain(
      '  plan: 11 of 12 estimates moved by more than 1 standard error of the raw estimate (largest |z| 1.5); 1 estimates could not be made on the anonymized data',
    );
    expect(lines).toContain('    vb1 [gender="female"]: estimate 3 → 3.15 (z 1.5)');
    // a domain of the raw data that may identify someone is shown by its shape
    expect(lines).toContain('    vb3 [contact=a text of 12 characters, 11 of them digits]: estimate 3 → 3.15 (z 1.5)');
    expect(lines.filter((line) => line.startsWith('    vb'))).toHaveLength(10);
    expect(lines.some((line) => line.startsWith('    vb2'))).toBe(false); // not flagged
    expect(lines[lines.length - 1]).toBe('    … and 1 more (see planImpact in the audit)');
  });

  it('names the replicate weights, what they cost in standard errors, where the released plan went, and what the constancy test found', () => {
    const design: NonNullable<Audit['design']> = {
      type: 'JKn',
      replicates: 3,
      columns: ['repw1', 'repw2', 'repw3'],
      weights: 'weight',
      seedFromKey: false,
      dropped: ['psu', 'stratum'],
      analysisDesign: { weights: 'weight' },
      plan: 'anon.plan.json',
      recovery: [],
      determinedQuasiIdentifiers: [],
      warnings: ['the replicate weights single out 3 of 3 PSUs ("psu") as sets of rows; …'],
      standardErrors: { rows: [], compared: 4, medianRatio: 1.0123456, minRatio: 0.9, maxRatio: 1.25 },
    };
    const lines = describeAnonymization(audit({ design }), { out: 'anon.csv', audit: 'audit.json' }).trimEnd().split('\n');
    expect(lines).toContain(
      '  design: 3 JKn replicate weights (repw1 … repw3) in place of psu, stratum; SE released / original: median 1.012 (0.9 to 1.25) over 4 estimates; plan for the released file → anon.plan.json',
    );
    expect(lines).toContain('  warning: the replicate weights single out 3 of 3 PSUs ("psu") as sets of rows; …');
    const { plan: _plan, standardErrors: _se, ...withoutPlan } = design;
    const bare = describeAnonymization(audit({ design: withoutPlan }), { out: 'anon.csv', audit: 'audit.json' });
    expect(bare).toContain("in place of psu, stratum; the audit's design.analysisDesign is the design of a plan on the released file");
  });
});
