import { describe, expect, it } from 'vitest';
import type { Codebook, Variable } from '../codebook/types.js';
import { LeakriskError } from '../errors.js';
import { exportColumns, isFormExport, withExportMetadata } from './kobo.js';

const question = (name: string, path: string, extra: Partial<Variable> = {}): Variable => ({
  name,
  path,
  type: 'numeric',
  label: { en: `Q ${name}`, ur: `Q ${name}` },
  ...extra,
});
const form: Codebook = {
  id: 'f',
  version: '1',
  title: { en: 'F', ur: 'F' },
  synthetic: false,
  languages: ['en'],
  sections: [{ id: 'questions', title: { en: 'Q', ur: 'Q' }, variables: ['age', 'platforms', 'platforms/facebook', 'location'] }],
  variables: [
    question('age', 'respondent/age'),
    question('platforms', 'online/use/platforms', { type: 'selectMultiple', options: [{ code: 'facebook', label: { en: 'Facebook', ur: 'Facebook' } }] }),
    question('platforms/facebook', 'online/use/platforms/facebook', { type: 'multiselect', group: 'platforms', option: 'facebook' }),
    question('location', 'respondent/location', { type: 'identifier', formType: 'geopoint' }),
  ],
  scales: [],
  knowledgeScores: [],
};

describe('form exports', () => {
  it('are recognised by their submission columns', () => {
    expect(isFormExport(['start', 'q1', '_uuid'])).toBe(true);
    expect(isFormExport(['q1', 'meta/instanceID'])).toBe(true);
    expect(isFormExport(['SubmissionDate', 'q1', 'KEY'])).toBe(true);
    expect(isFormExport(['id', 'age', 'gender'])).toBe(false);
  });

  it('map group paths (Kobo "/", ODK Central "-"), split and geopoint columns to the form names', () => {
    const header = [
      'respondent/age',
      'online-use-platforms',
      'online/use/platforms/facebook',
      '_respondent/location_latitude',
      'meta/instanceID',
      '_id',
      '_submission_time',
    ];
    const mapped = exportColumns(header, form, 'export.csv');
    expect(mapped.names).toEqual(['age', 'platforms', 'platforms/facebook', '_location_latitude', 'instanceID', '_id', '_submission_time']);
    expect(mapped.metadata.map((v) => [v.name, v.type, v.metadata])).toEqual([
      ['_location_latitude', 'identifier', true],
      ['instanceID', 'identifier', true],
      ['_id', 'identifier', true],
      ['_submission_time', 'date', true],
    ]);
    const completed = withExportMetadata(form, mapped.metadata);
    expect(completed.variables).toHaveLength(8);
    expect(completed.sections.find((s) => s.id === 'form_metadata')!.variables).toEqual(['_location_latitude', 'instanceID', '_id', '_submission_time']);
  });

  it('name a header that matches no question of the form, and say how to fix it', () => {
    const error = (() => {
      try {
        exportColumns(['respondent/age', 'respondent/income', '_uuid'], form, 'export.csv');
      } catch (e) {
        return e as LeakriskError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(LeakriskError);
    expect(error.message).toBe('the export\'s column 2, "respondent/income", matches no question of the form');
    expect(error).toMatchObject({ file: 'export.csv', line: 1, column: 'respondent/income' });
    expect(error.fix).toMatch(/XML values and headers/);
    expect(() => exportColumns(['Q age', '_uuid'], form, 'export.csv')).toThrow(/is a question's label, not its name \("age"\)/);
  });

  it('without a form, take the group paths off and keep split columns with their option', () => {
    expect(exportColumns(['g/age', 'online/use/platforms', 'online/use/platforms/tiktok', '_g/loc_longitude', '_uuid'], undefined, 'x.csv').names).toEqual([
      'age',
      'platforms',
      'platforms/tiktok',
      '_loc_longitude',
      '_uuid',
    ]);
  });
});
