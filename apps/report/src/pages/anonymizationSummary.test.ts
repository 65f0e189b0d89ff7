import { describe, expect, it } from 'vitest';
import { en, ur } from '../i18n/index.js';
import { Labels } from '../model/labels.js';
import { summarizeAudit } from '../results/audit.js';
import { anonymizationSummaryHtml, bandsInWords } from './anonymizationSummary.js';

describe('bandsInWords', () => {
  it('writes configured bands as ranges', () => {
    expect(bandsInWords([18, 26, 36, 66])).toBe('18–25, 26–35, 36–65, 66+');
    expect(bandsInWords([0, 1.5, 3])).toBe('0 to under 1.5, 1.5 to under 3, 3+');
  });
});

describe('anonymizationSummaryHtml', () => {
  it('says in words what was dropped, generalised to which level, suppressed, and the k, l and risk achieved', () => {
    const audit = summarizeAudit({
      rows: { in: 3000, out: 3000 },
      transformations: [
        { column: 'name', action: 'drop' },
        { column: 'resp_id', action: 'pseudonymize' },
      ],
      quasiIdentifiers: [
        { column: 'age', hierarchy: { kind: 'bands', bands: [18, 26] }, levels: ['age', '*'], chosenLevel: 0, suppressedCells: 9 },
        {
          column: 'district',
          hierarchy: { kind: 'file' },
          levels: ['district', 'division', 'province', '*'],
          chosenLevel: 2,
          chosenLevelName: 'province',
          suppressedCells: 0,
        },
        { column: 'gender', levels: ['gender', '*'], chosenLevel: 0, suppressedCells: 0 },
      ],
      privacy: {
        k: 5,
        l: { sensitive: ['vb1'], distinct: 2 },
        achieved: { k: 6, l: [{ column: 'vb1', distinct: 3 }] },
        suppressedRecords: 9,
        suppressedShare: 0.003,
      },
      risk: { before: { globalRisk: 0.0412 }, after: { globalRisk: 0.0000011 } },
    });
    const text = anonymizationSummaryHtml(audit, new Labels(undefined, { en, ur }), 'en', en).replace(/<[^>]+>/g, '');
    expect(text).toContain('Removed before release: Name.');
    expect(text).toContain('Replaced by a keyed pseudonym');
    expect(text).toContain('Age: grouped into bands (18–25, 26+).');
    expect(text).toContain('District: generalised to province (step 2 of 3 in its hierarchy).');
    expect(text).toContain('Kept as recorded: Gender.');
    expect(text).toContain('Suppressed: 9 records (0.3%) had at least one of these cells blanked (age 9).');
    expect(text).toContain('k-anonymity: every combination of age, district and gender is shared by at least 6 records (5 required).');
    expect(text).toContain('l-diversity: within each such group, “Vb1” takes at least 3 different values (2 required).');
    expect(text).toContain('Global re-identification risk: 0.0412 before, 0.0000011 after.');
    expect(text).not.toMatch(/\d+\.\d+\.\d+|\[\d+\]/);
  });
});
