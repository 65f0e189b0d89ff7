import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvBytes, writeCsvColumnsAtomic } from '@leakrisk/survey';
import { parseAnonymizeConfig } from '../config/load.js';
import { anonymize } from './anonymize.js';

// Spreadsheet formulas are neutralised in anon.csv (by the CSV writer) and counted per column in the audit.
describe('formulas in the released file', () => {
  const raw = [
    'g,note,score,remark',
    'f,=SUM(A1:A9),-2.5,"=HYPERLINK(""http://x.example"")"',
    'f,@1+1,+3,"-2+3+cmd|\' /C calc\'!A0"',
    'f,ok,-1e5,+cmd',
    'm,+cmd|calc,1,fine',
    'm,-,2,fine',
    'm,"=1,2",3,fine',
  ].join('\n');
  const config = parseAnonymizeConfig(
    { columns: { g: { role: 'quasi' }, note: 'keep', score: 'keep', remark: 'scrub' }, privacy: { k: 3 } },
    { file: 'anon.json', dir: '/' },
  );

  it('are written after a quote and counted per column, numbers left alone', () => {
    for (const table of [parseCsvText(raw, 'raw.csv'), readCsvBytes(Buffer.from(raw, 'utf8'), 'raw.csv')]) {
      const result = anonymize({ table, config, key: undefined, configFile: 'anon.json' });
      const counts = Object.fromEntries(result.audit.transformations.map((t) => [t.column, t.formulasNeutralised]));
      expect(counts).toEqual({ g: undefined, note: 5, score: undefined, remark: 3 });
      const path = join(mkdtempSync(join(tmpdir(), 'leakrisk-formulas-')), 'anon.csv');
      writeCsvColumnsAtomic(path, result.header, result.columns);
      expect(readFileSync(path, 'utf8')).toBe(
        [
          'g,note,score,remark',
          'f,\'=SUM(A1:A9),-2.5,"\'=HYPERLINK(""[URL]"")"',
          "f,'@1+1,+3,'-2+3+cmd|' /C calc'!A0",
          "f,ok,-1e5,'+cmd",
          "m,'+cmd|calc,1,fine",
          "m,'-,2,fine",
          'm,"\'=1,2",3,fine',
          '',
        ].join('\n'),
      );
    }
  });
});
