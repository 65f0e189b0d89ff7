import { describe, expect, it } from 'vitest';
import { formatCsv, formatCsvRows, parseCsvText, type Codebook } from '@leakrisk/survey';
import { draftConfig } from './draft.js';
import { parseAnonymizeConfig } from './load.js';

// Synthetic respondents (invented names and numbers).
const header = ['resp_id', 'contact_a', 'col_x', 'mail', 'who', 'age', 'gender', 'district', 'weight', 'interview_date', 'vb1', 'remarks', 'mystery'];
const rows = [
  [
    'R001',
    '0300-1234567',
    '35202-1234567-1',
    'a.one@example.pk',
    'Sana Iqbal',
    '23',
    'female',
    'lahore',
    '1200.5',
    '2024-03-01',
    '4',
    'I think people should report such pictures to the platform quickly',
    'x1',
  ],
  [
    'R002',
    '+92 321 7654321',
    '3520276543211',
    'b.two@example.com',
    'Bilal Ahmed',
    '41',
    'male',
    'karachi_south',
    '980.2',
    '2024-03-02',
    '2',
    'My cousin had this problem last year and nobody helped her at all',
    'x2',
  ],
  [
    'R003',
    '۰۳۳۳۱۲۳۴۵۶۷',
    '42101-7654321-3',
    'c3@example.org',
    'Hira Shah',
    '35',
    'female',
    'multan',
    '1500',
    '2024-03-02',
    '5',
    'Families blame the girl instead of the person who shared the images',
    'x3',
  ],
  [
    'R004',
    '0092 345 1112223',
    '61101-1112223-5',
    'd4@example.net',
    'Usman Tariq',
    '67',
    'male',
    'lahore',
    '1100',
    '2024-03-04',
    '',
    'Not sure what the law says about this but it should be stricter',
    'x4',
  ],
];
const table = parseCsvText(
  formatCsv(
    header,
    header.map((_, j) => rows.map((r) => r[j]!)),
  ),
  'new.csv',
);

const codebook = {
  sections: [
    { id: 'demographics', variables: ['gender', 'district'] },
    { id: 'victim_blaming', variables: ['vb1'] },
  ],
  variables: [
    { name: 'weight', type: 'design' },
    { name: 'interview_date', type: 'design' },
    { name: 'gender', type: 'categorical' },
    { name: 'district', type: 'categorical' },
    { name: 'vb1', type: 'likert', sensitive: true, missingCodes: [{ code: '98' }, { code: '99' }] },
  ],
} as unknown as Codebook;

describe('draftConfig', () => {
  it('classifies identifiers by content whatever their names', () => {
    const { config } = draftConfig(table);
    expect(config.columns['contact_a']).toBe('drop'); // phones in local, +92, Urdu-digit and 0092 forms
    expect(config.columns['col_x']).toBe('drop'); // CNICs with and without dashes
    expect(config.columns['mail']).toBe('drop');
    expect(config.columns['who']).toBe('drop'); // person names
    expect(config.columns['resp_id']).toBe('pseudonymize');
    expect(config.columns['remarks']).toBe('scrub');
  });

  it('proposes demographics as quasi-identifiers and leaves the rest undecided without a codebook', () => {
    const { config, notes } = draftConfig(table);
    expect(config.columns['age']).toEqual({ role: 'quasi', recode: { bands: [18, 25, 35, 45, 55, 65] } });
    expect(config.columns['gender']).toEqual({ role: 'quasi' });
    expect(config.columns['district']).toEqual({ role: 'quasi' });
    for (const name of ['weight', 'interview_date', 'vb1', 'mystery']) expect(config.columns[name]).toBe('undecided');
    expect(notes[0]).toBe('4 column(s) are "undecided" and the config will not run until each is decided: weight, interview_date, vb1, mystery.');
    expect(Object.keys(config.columns)).toEqual(header);
    expect(config.keyFrom).toBe('env:LEAKRISK_KEY');
  });

  it('keeps design and survey items when the codebook says so', () => {
    const { config, notes } = draftConfig(table, codebook, { codebookPath: '../instrument/codebook.json' });
    expect(config.columns['weight']).toBe('keep');
    expect(config.columns['interview_date']).toEqual({ role: 'dateShift', maxDays: 14 });
    expect(config.columns['vb1']).toBe('keep');
    expect(config.columns['mystery']).toBe('undecided');
    // a survey item named like an identifier stays a survey item when the codebook says so
    const item = parseCsvText('platform_whatsapp\n1\n0\n', 'items.csv');
    const typed = { sections: [], variables: [{ name: 'platform_whatsapp', type: 'multiselect' }] } as unknown as Codebook;
    expect(draftConfig(item, typed).config.columns['platform_whatsapp']).toBe('keep');
    expect(draftConfig(item).config.columns['platform_whatsapp']).toBe('drop');
    expect(config.privacy).toEqual({ k: 5, maxSuppressedShare: 0.05, missingMatches: 'any', weights: 'weight' });
    expect(config.codebook).toBe('../instrument/codebook.json');
    expect(notes.some((n) => n.includes('sensitive item(s) (vb1)'))).toBe(true);
  });

  it('yields a draft that refuses to run until every column is decided, and runs once decided', () => {
    const { config } = draftConfig(table, codebook);
    expect(() => parseAnonymizeConfig(config, { file: 'anon.json', dir: '/' })).toThrow('1 column is still "undecided": mystery');
    config.columns['mystery'] = 'drop';
    const parsed = parseAnonymizeConfig(config, { file: 'anon.json', dir: '/' });
    expect(parsed.columns['age']!.role).toBe('quasi');
  });

  it('lists a column called __proto__ or constructor like any other', () => {
    const { config } = draftConfig(parseCsvText('__proto__,constructor\nx,1\ny,2\n', 'raw.csv'));
    expect(Object.keys(config.columns)).toEqual(['__proto__', 'constructor']);
    expect(JSON.parse(JSON.stringify(config)).columns).toEqual(JSON.parse('{"__proto__": "undecided", "constructor": "undecided"}'));
  });
});

describe('draftConfig on a form export (XLSForm types, Kobo/ODK submission columns, content)', () => {
  // Eight synthetic submissions: invented GPS points, device ids and submission ids.
  const exportHeader = [
    'start',
    'deviceid',
    'location',
    'gps_text',
    'device',
    'platforms',
    'case_no',
    'submission_id',
    'cluster_id',
    '_uuid',
    '_status',
    'vb1',
  ];
  const exportRows = Array.from({ length: 8 }, (_, i) => [
    `2024-06-1${i}T10:00:00.000+05:00`,
    `collect:a1b2c3d4e5f6${i}${i}`,
    `31.5${i}1234 74.3${i}5678 210.5 5.0`,
    `24.8${i}6012 67.0${i}1234`,
    `imei:35693803564${i}38${i}`,
    'facebook whatsapp',
    String(1000 + i),
    String(51234000 + i * 7),
    String(100 + (i % 2)),
    `af1ac6da-2e01-4631-9a72-180d908a3e2${i}`,
    'submitted_via_web',
    String(1 + (i % 5)),
  ]);
  const table = parseCsvText(formatCsvRows(exportHeader, exportRows), 'export.csv');
  const label = { en: 'x', ur: 'x' };
  const codebook: Codebook = {
    id: 'form',
    version: '1',
    title: label,
    synthetic: true,
    sections: [{ id: 'all', title: label, variables: exportHeader }],
    variables: [
      { name: 'start', type: 'date', label, formType: 'start', metadata: true },
      { name: 'deviceid', type: 'identifier', label, formType: 'deviceid', metadata: true },
      { name: 'location', type: 'identifier', label, formType: 'geopoint' },
      { name: 'platforms', type: 'selectMultiple', label, formType: 'select_multiple' },
      { name: 'case_no', type: 'numeric', label, formType: 'integer' },
      { name: 'submission_id', type: 'numeric', label },
      { name: 'cluster_id', type: 'numeric', label, formType: 'integer' },
      { name: '_uuid', type: 'identifier', label, formType: '_uuid', metadata: true },
      { name: '_status', type: 'text', label, formType: '_status', metadata: true },
      { name: 'vb1', type: 'likert', label, options: [1, 2, 3, 4, 5].map((c) => ({ code: String(c), label })) },
    ],
    scales: [],
    knowledgeScores: [],
  };
  const { config, notes } = draftConfig(table, codebook);

  it('drops what the form says identifies (geopoint, deviceid) and the server columns, and device times', () => {
    expect(config.columns['location']).toBe('drop');
    expect(config.columns['deviceid']).toBe('drop');
    expect(config.columns['start']).toBe('drop');
    expect(config.columns['_status']).toBe('drop');
    expect(notes.find((n) => n.startsWith('location:'))).toMatch(/form type "geopoint"|GPS points/);
  });

  it('drops GPS points and device ids found by content in columns the codebook does not know', () => {
    expect(config.columns['gps_text']).toBe('drop');
    expect(notes.find((n) => n.startsWith('gps_text:'))).toMatch(/GPS points/);
    expect(config.columns['device']).toBe('drop');
    expect(notes.find((n) => n.startsWith('device:'))).toMatch(/device ids/);
  });

  it('pseudonymizes a unique submission id, even typed as a number; keeps a repeating cluster code and the answers', () => {
    expect(config.columns['_uuid']).toBe('pseudonymize');
    expect(config.columns['submission_id']).toBe('pseudonymize');
    expect(config.columns['cluster_id']).toBe('keep');
    expect(config.columns['case_no']).toBe('keep');
    expect(config.columns['platforms']).toBe('keep');
    expect(config.columns['vb1']).toBe('keep');
    expect(config.keyFrom).toBe('env:LEAKRISK_KEY');
    expect(Object.values(config.columns)).not.toContain('undecided');
  });
});

describe('draftConfig on a drawn codebook that typed a place as text', () => {
  it('makes a short district answer a quasi-identifier (scrubbing would release it as it is), and keeps long answers scrubbed', () => {
    const label = { en: 'x', ur: 'x' };
    const rows = Array.from({ length: 12 }, (_, i) => [
      ['Lahore', 'Multan', 'Karachi South', 'Quetta'][i % 4]!,
      `Families should stand by the person whose pictures were shared, said respondent ${i}`,
    ]);
    const table = parseCsvText(formatCsvRows(['district', 'comment'], rows), 'raw.csv');
    const codebook: Codebook = {
      id: 'drawn',
      version: '1',
      title: label,
      synthetic: true,
      source: { format: 'csv', file: 'raw.csv' },
      sections: [{ id: 'questions', title: label, variables: ['district', 'comment'] }],
      variables: [
        { name: 'district', type: 'text', label },
        { name: 'comment', type: 'text', label },
      ],
      scales: [],
      knowledgeScores: [],
    };
    const { config } = draftConfig(table, codebook);
    expect(config.columns['district']).toEqual({ role: 'quasi' });
    expect(config.columns['comment']).toBe('scrub');
  });
});
