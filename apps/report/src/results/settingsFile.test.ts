import type { Codebook } from '@leakrisk/survey';
import { LeakriskError } from '@leakrisk/survey';
import { describe, expect, it } from 'vitest';
import { defaultReportSettings, parseReportSettings } from './settingsFile.js';

const noFile = () => {
  throw new Error('no contacts file expected');
};
const codebook = { title: { en: 'Water at home', ur: 'گھر میں پانی' } } as unknown as Codebook;

function refusal(run: () => unknown): LeakriskError {
  try {
    run();
  } catch (error) {
    if (error instanceof LeakriskError) return error;
    throw error;
  }
  throw new Error('expected a LeakriskError');
}

describe('report settings', () => {
  it('default to the codebook title (else "Survey results"), no banner, no contacts, minBase 30, every grouping', () => {
    expect(defaultReportSettings(codebook)).toEqual({ title: codebook.title, source: codebook.title, synthetic: false, contacts: [], minBase: 30 });
    expect(defaultReportSettings(undefined).title).toEqual({ en: 'Survey results', ur: 'سروے کے نتائج' });
    const partial = parseReportSettings({ subtitle: { en: 'S', ur: 'س' } }, 'report.json', codebook, noFile);
    expect(partial.title).toEqual(codebook.title);
    expect(partial.synthetic).toBe(false);
    expect(partial.groupings).toBeUndefined();
  });

  it('honour every field the contract lists', () => {
    const settings = parseReportSettings(
      {
        title: { en: 'T', ur: 'ٹ' },
        subtitle: 'One text for both',
        source: { en: 'S', ur: 'س' },
        synthetic: true,
        contentNote: { en: 'N', ur: 'ن' },
        contacts: [{ name: { en: 'Help', ur: 'مدد' }, channels: [{ kind: 'phone', value: '1122' }] }],
        minBase: 50,
        groupings: ['region', 'area'],
      },
      'report.json',
      codebook,
      noFile,
    );
    expect(settings).toMatchObject({
      title: { en: 'T', ur: 'ٹ' },
      subtitle: { en: 'One text for both', ur: 'One text for both' },
      synthetic: true,
      minBase: 50,
      groupings: ['region', 'area'],
    });
    expect(settings.contacts).toHaveLength(1);
  });

  it('read contacts from the file they name', () => {
    const settings = parseReportSettings({ contacts: 'contacts.json' }, 'report.json', codebook, (name) => ({
      file: `/study/${name}`,
      content: { contacts: [{ name: { en: 'A', ur: 'ا' }, channels: [{ kind: 'web', value: 'https://example.org' }] }] },
    }));
    expect(settings.contacts.map((c) => c.name.en)).toEqual(['A']);
  });

  it('refuse a contact link that is not https, http, mailto or tel, naming the file and field', () => {
    const error = refusal(() =>
      parseReportSettings(
        { contacts: [{ name: { en: 'A', ur: 'ا' }, channels: [{ kind: 'web', value: 'javascript:alert(4)' }] }] },
        'report.json',
        codebook,
        noFile,
      ),
    );
    expect(error.message).toMatch(/only https, http, mailto and tel links/);
    expect(error.file).toBe('report.json');
    expect(error.column).toBe('contacts[0].channels[0].value');
    expect(error.message).not.toContain('alert');
  });

  it('refuse a bad minBase, a non-boolean synthetic and groupings that are not names', () => {
    expect(refusal(() => parseReportSettings({ minBase: 0 }, 'r.json', codebook, noFile)).column).toBe('minBase');
    expect(refusal(() => parseReportSettings({ minBase: 2.5 }, 'r.json', codebook, noFile)).column).toBe('minBase');
    expect(refusal(() => parseReportSettings({ synthetic: 'yes' }, 'r.json', codebook, noFile)).column).toBe('synthetic');
    expect(refusal(() => parseReportSettings({ groupings: 'region' }, 'r.json', codebook, noFile)).column).toBe('groupings');
    expect(refusal(() => parseReportSettings({ title: { en: 'only English' } }, 'r.json', codebook, noFile)).column).toBe('title');
  });
});
