import { LeakriskError } from '../errors.js';
import type { Codebook, Localized, Variable, VariableType } from '../codebook/types.js';

/**
 * KoboToolbox, ODK Central and SurveyCTO exports: recognised by the columns their servers add to every
 * submission, with headers mapped to the form's names. With "XML values and headers" a Kobo header is
 * the question's group path (`attitudes/vb1`; ODK Central joins with `-`), a select_multiple adds one
 * 0/1 column per option (`online/use/platforms/facebook`), a geopoint four number columns
 * (`_respondent/location_latitude`, ODK Central `location-Latitude`).
 */
const SUBMISSION_COLUMNS: Record<string, { type: VariableType; label: Localized }> = {
  _id: { type: 'identifier', label: { en: 'Submission number on the server', ur: 'سرور پر جمع کرانے کا نمبر' } },
  _uuid: { type: 'identifier', label: { en: 'Submission identifier', ur: 'جمع کرانے کی شناخت' } },
  _submission_time: { type: 'date', label: { en: 'Time the submission reached the server', ur: 'سرور پر جمع ہونے کا وقت' } },
  _validation_status: { type: 'text', label: { en: 'Validation status', ur: 'تصدیق کی حالت' } },
  _notes: { type: 'text', label: { en: 'Notes on the submission', ur: 'جمع کرانے پر نوٹس' } },
  _status: { type: 'text', label: { en: 'Submission status', ur: 'جمع کرانے کی حالت' } },
  _submitted_by: { type: 'identifier', label: { en: 'Account that submitted', ur: 'جمع کرانے والا اکاؤنٹ' } },
  __version__: { type: 'text', label: { en: 'Form version', ur: 'فارم کا ورژن' } },
  _version_: { type: 'text', label: { en: 'Form version', ur: 'فارم کا ورژن' } },
  _tags: { type: 'text', label: { en: 'Tags', ur: 'ٹیگز' } },
  _index: { type: 'identifier', label: { en: 'Row number in the export', ur: 'ایکسپورٹ میں قطار کا نمبر' } },
  _attachments: { type: 'identifier', label: { en: 'Attachments', ur: 'منسلک فائلیں' } },
  _geolocation: { type: 'identifier', label: { en: 'Location of the submission', ur: 'جمع کرانے کا مقام' } },
  _xform_id_string: { type: 'text', label: { en: 'Form identifier', ur: 'فارم کی شناخت' } },
  _media_all_received: { type: 'text', label: { en: 'All media received', ur: 'تمام میڈیا موصول' } },
  'formhub/uuid': { type: 'identifier', label: { en: 'Form identifier on the server', ur: 'سرور پر فارم کی شناخت' } },
  instanceID: { type: 'identifier', label: { en: 'Submission identifier', ur: 'جمع کرانے کی شناخت' } },
  instanceName: { type: 'identifier', label: { en: 'Submission name', ur: 'جمع کرانے کا نام' } },
  deprecatedID: { type: 'identifier', label: { en: 'Earlier submission identifier', ur: 'سابقہ شناخت' } },
  rootUuid: { type: 'identifier', label: { en: 'Submission identifier', ur: 'جمع کرانے کی شناخت' } },
  KEY: { type: 'identifier', label: { en: 'Submission identifier', ur: 'جمع کرانے کی شناخت' } },
  PARENT_KEY: { type: 'identifier', label: { en: 'Parent submission identifier', ur: 'بنیادی شناخت' } },
  SubmissionDate: { type: 'date', label: { en: 'Time the submission reached the server', ur: 'سرور پر جمع ہونے کا وقت' } },
  CompletionDate: { type: 'date', label: { en: 'Time the submission was completed', ur: 'مکمل ہونے کا وقت' } },
  SubmitterID: { type: 'identifier', label: { en: 'Account that submitted', ur: 'جمع کرانے والا اکاؤنٹ' } },
  SubmitterName: { type: 'identifier', label: { en: 'Account that submitted', ur: 'جمع کرانے والا اکاؤنٹ' } },
  AttachmentsPresent: { type: 'numeric', label: { en: 'Attachments present', ur: 'موجود منسلک فائلیں' } },
  AttachmentsExpected: { type: 'numeric', label: { en: 'Attachments expected', ur: 'متوقع منسلک فائلیں' } },
  Status: { type: 'text', label: { en: 'Submission status', ur: 'جمع کرانے کی حالت' } },
  ReviewState: { type: 'text', label: { en: 'Review state', ur: 'جائزے کی حالت' } },
  DeviceID: { type: 'identifier', label: { en: 'Device identifier', ur: 'آلے کی شناخت' } },
  Edits: { type: 'numeric', label: { en: 'Number of edits', ur: 'ترامیم کی تعداد' } },
  FormVersion: { type: 'text', label: { en: 'Form version', ur: 'فارم کا ورژن' } },
  formdef_version: { type: 'text', label: { en: 'Form version', ur: 'فارم کا ورژن' } },
};

const MARKERS = new Set(['_uuid', '_submission_time', 'meta/instanceID', 'meta-instanceID', 'SubmissionDate', 'KEY', 'formhub/uuid', '_xform_id_string']);
const GEO_PARTS: Record<string, string> = { latitude: 'latitude', longitude: 'longitude', altitude: 'altitude', precision: 'precision', accuracy: 'precision' };

/** Whether a header is that of a Kobo/ODK/SurveyCTO export: one of their submission columns is there. */
export function isFormExport(header: readonly string[]): boolean {
  if (header.some((name) => MARKERS.has(name))) return true;
  return header.filter((name) => SUBMISSION_COLUMNS[name] !== undefined).length >= 2;
}

/** A submission column's own name: `meta/instanceID` → `instanceID`. */
function submissionName(header: string): string | undefined {
  const bare = header.replace(/^meta[/-]/, '');
  return SUBMISSION_COLUMNS[bare] !== undefined ? bare : undefined;
}

export interface ExportColumns {
  /** The column name for each header, in order. */
  names: string[];
  /** Codebook entries for the submission and GPS columns the form does not list (`metadata: true`). */
  metadata: Variable[];
}

/**
 * Names the columns of a form export. With a codebook drawn from the XLSForm (its variables carry
 * `path`), a header is matched to the question whose group path, or name, it spells (`/` or `-`
 * between groups); a select_multiple option column keeps its option (`platforms/facebook`); a
 * geopoint's parts become `_location_latitude` …; submission columns keep their name. A header that
 * matches nothing is an error that names it. Without a form, group paths are taken off the headers.
 */
export function exportColumns(header: readonly string[], codebook: Codebook | undefined, file: string): ExportColumns {
  const form = codebook?.variables.some((v) => v.path !== undefined) ? codebook : undefined;
  const byKey = new Map<string, Variable>();
  for (const variable of form?.variables ?? codebook?.variables ?? []) {
    for (const key of keysOf(variable)) if (!byKey.has(key)) byKey.set(key, variable);
  }
  const headerSet = new Set(header);
  const names: string[] = [];
  const metadata: Variable[] = [];
  const seen = new Map<string, string>();
  header.forEach((column, j) => {
    let name: string | undefined;
    const variable = byKey.get(column);
    if (variable !== undefined) name = variable.name;
    if (name === undefined) {
      const submission = submissionName(column);
      if (submission !== undefined) {
        name = submission;
        metadata.push({ name, ...SUBMISSION_COLUMNS[submission]!, formType: column, metadata: true });
      }
    }
    if (name === undefined) {
      const geo = geopointPart(column, byKey, form === undefined);
      if (geo !== undefined) {
        name = geo.name;
        metadata.push({
          name,
          type: 'identifier',
          label: { en: `${geo.question.en}: ${geo.part}`, ur: `${geo.question.ur}: ${geo.part}` },
          formType: 'geopoint',
          metadata: true,
        });
      }
    }
    if (name === undefined && form === undefined) name = withoutGroups(column, headerSet);
    if (name === undefined) throw unknownHeader(column, j, form!, file);
    const before = seen.get(name);
    if (before !== undefined) {
      throw new LeakriskError(
        `the headers "${before}" and "${column}" both name the column "${name}"`,
        { file, line: 1, column },
        'remove one of the two columns, or export again from the server with "XML values and headers"',
      );
    }
    seen.set(name, column);
    names.push(name);
  });
  return { names, metadata };
}

/** The headers a question may have in an export: its path with `/` or `-`, and its name. */
function keysOf(variable: Variable): string[] {
  const keys = [variable.name];
  if (variable.path !== undefined) keys.push(variable.path, variable.path.replace(/\//g, '-'));
  if (variable.group !== undefined && variable.option !== undefined && variable.path !== undefined) {
    keys.push(`${variable.path.slice(0, -variable.option.length - 1).replace(/\//g, '-')}/${variable.option}`);
  }
  return keys;
}

/** `_respondent/location_latitude` (Kobo) or `respondent-location-Latitude` (ODK Central). */
function geopointPart(column: string, byKey: Map<string, Variable>, anyName: boolean): { name: string; part: string; question: Localized } | undefined {
  const match = /^_?(.+?)[_-](latitude|longitude|altitude|precision|accuracy)$/i.exec(column);
  if (!match) return undefined;
  const question = byKey.get(match[1]!);
  const part = GEO_PARTS[match[2]!.toLowerCase()]!;
  if (question !== undefined && (question.formType === 'geopoint' || question.formType === 'start-geopoint')) {
    return { name: `_${question.name}_${part}`, part, question: question.label };
  }
  if (anyName && column.startsWith('_')) {
    const name = match[1]!.split(/[/-]/).pop()!;
    return { name: `_${name}_${part}`, part, question: { en: name, ur: name } };
  }
  return undefined;
}

/** Without the form: `attitudes/vb1` → `vb1`; `online/use/platforms/facebook` → `platforms/facebook` when `online/use/platforms` is a column. */
function withoutGroups(column: string, headers: Set<string>): string {
  const parts = column.split('/');
  if (parts.length === 1) return column;
  const parent = parts.slice(0, -1).join('/');
  if (headers.has(parent)) return `${parts[parts.length - 2]}/${parts[parts.length - 1]}`;
  return parts[parts.length - 1]!;
}

function unknownHeader(column: string, j: number, form: Codebook, file: string): LeakriskError {
  const asLabel = form.variables.find((v) => Object.values(v.label).some((text) => text === column));
  if (asLabel !== undefined) {
    return new LeakriskError(
      `the export's header "${column}" is a question's label, not its name ("${asLabel.name}")`,
      { file, line: 1, column },
      'export again from KoboToolbox/ODK with "XML values and headers" (not labels)',
    );
  }
  return new LeakriskError(
    `the export's column ${j + 1}, "${column}", matches no question of the form`,
    { file, line: 1, column },
    'give the XLSForm that made this export (the same version), or export again with "XML values and headers"; remove the column if it was added by hand',
  );
}

/** The codebook with the export's submission and GPS columns added (in its `form_metadata` section). */
export function withExportMetadata(codebook: Codebook, metadata: Variable[]): Codebook {
  const known = new Set(codebook.variables.map((v) => v.name));
  const added = metadata.filter((v) => !known.has(v.name));
  if (added.length === 0) return codebook;
  const sections = codebook.sections.map((section) => ({ ...section, variables: [...section.variables] }));
  let section = sections.find((s) => s.id === 'form_metadata');
  if (section === undefined) {
    section = { id: 'form_metadata', title: { en: 'Form metadata', ur: 'فارم کا میٹا ڈیٹا' }, variables: [] };
    sections.push(section);
  }
  section.variables.push(...added.map((v) => v.name));
  return { ...codebook, sections, variables: [...codebook.variables, ...added] };
}
