import { describe, expect, it } from 'vitest';
import { auditForDownload } from './auditDownload.js';

describe('auditForDownload', () => {
  it('cuts every local path to its base name and leaves other texts and numbers alone', () => {
    const audit = {
      data: '/home/analyst/study/raw.csv',
      config: 'C:\\Users\\me\\study\\anonymize.json',
      quasiIdentifiers: [{ column: 'district', hierarchy: { kind: 'file', path: 'data/hierarchies/district.csv' }, levels: ['district', '*'] }],
      search: { measure: 'Loss (leaves in its group − 1)/(leaves − 1)' },
      rows: { in: 3000, out: 2990 },
      url: 'https://example.org/a/b.html',
    };
    expect(auditForDownload(audit)).toEqual({
      data: 'raw.csv',
      config: 'anonymize.json',
      quasiIdentifiers: [{ column: 'district', hierarchy: { kind: 'file', path: 'district.csv' }, levels: ['district', '*'] }],
      search: { measure: 'Loss (leaves in its group − 1)/(leaves − 1)' },
      rows: { in: 3000, out: 2990 },
      url: 'https://example.org/a/b.html',
    });
    expect(JSON.stringify(auditForDownload(audit))).not.toMatch(/analyst|Users|hierarchies\//);
  });

  it('publishes the plan impact as counts only: its rows are estimates on the raw data, by raw domains', () => {
    const audit = {
      rows: { in: 3, out: 3 },
      planImpact: {
        threshold: 1,
        compared: 2,
        flagged: 1,
        maxAbsZ: 1.5,
        onlyBefore: 1,
        onlyAfter: 0,
        rows: [{ analysis: 'm', type: 'mean', domain: { district: 'chitral' }, quantity: 'estimate', before: 4, after: null }],
      },
    };
    const published = auditForDownload(audit);
    expect(published).toEqual({
      rows: { in: 3, out: 3 },
      planImpact: { threshold: 1, compared: 2, flagged: 1, maxAbsZ: 1.5, onlyBefore: 1, onlyAfter: 0, rowsNotPublished: 1 },
    });
    expect(JSON.stringify(published)).not.toContain('chitral');
    expect(auditForDownload({ rows: { in: 1 } })).toEqual({ rows: { in: 1 } });
  });
});
