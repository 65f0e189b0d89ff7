import { isMissingCell, parseNumberText, type Codebook, type Column, type Table, type Variable } from '@leakrisk/survey';
import { UNDECIDED } from './types.js';

/** Age bands proposed for an `age` quasi-identifier (lower bounds). */
const DEFAULT_AGE_BANDS = [18, 25, 35, 45, 55, 65];

/** Cells looked at per column for content detection (the first non-missing ones, so drafts are reproducible). */
const SAMPLE_SIZE = 2000;

export interface DraftOptions {
  /** Path of the codebook as it should appear in the config (relative to where the config is written). */
  codebookPath?: string;
}

export type DraftColumn = string | { role: string; recode?: { bands: number[] }; maxDays?: number };

export interface DraftConfig {
  columns: Record<string, DraftColumn>;
  privacy: { k: number; weights?: string; maxSuppressedShare: number; missingMatches: 'any' };
  keyFrom?: string;
  codebook?: string;
}

/**
 * Drafts an anonymization config for `leakrisk anonymize --init`: every column of the data listed,
 * with a proposal the researcher reviews. Columns it cannot judge are `"undecided"`, so the draft
 * refuses to run until each is decided. In order of precedence:
 * 1. content: most sampled cells are Pakistani phone numbers, CNICs, emails, person names, GPS
 *    points or device ids → `drop`;
 * 2. form: an XLSForm question type that identifies (phonenumber, email, deviceid, username,
 *    geopoint, …) or a KoboToolbox/ODK submission column (ids, times, accounts) → `drop`, a
 *    unique submission id → `pseudonymize`; a date or time → `drop` (use `dateShift` to keep one);
 *    a whole select_multiple answer → `keep` (its split columns say the same);
 * 3. name: identifiers (name, phone, mobile, cnic, email, address, …) → `drop`, id-like (`resp_id`) → `pseudonymize`;
 * 4. codebook type `identifier` → `drop`/`pseudonymize`, `text` → `scrub`;
 * 5. free text by content (long, varied strings) or by name (comment, remarks, …) → `scrub`;
 * 6. demographics by name (age, gender, province, district, …) or codebook (categorical in the
 *    `demographics` section) → quasi-identifier (age with bands);
 * 7. codebook design columns → `keep` (a date → `dateShift`), codebook survey items (Likert,
 *    knowledge, multiselect, numeric, categorical) → `keep`;
 * 8. everything else → `"undecided"`.
 */
export function draftConfig(table: Table, codebook?: Codebook, options: DraftOptions = {}): { config: DraftConfig; notes: string[] } {
  // A null-prototype object: a column may be called `__proto__`, `constructor` or `toString`.
  const columns: Record<string, DraftColumn> = Object.create(null);
  const notes: string[] = [];
  const undecided: string[] = [];
  table.header.forEach((name, j) => {
    const variable = codebook?.variables.find((v) => v.name === name);
    const section = codebook?.sections.find((s) => s.variables.includes(name))?.id;
    const missingCodes = new Set(variable?.missingCodes?.map((m) => m.code) ?? []);
    const sample = sampleCells(table.columns[j]!, missingCodes);
    const { entry, note } = proposeColumn(name, sample, variable, section);
    columns[name] = entry;
    if (entry === UNDECIDED) undecided.push(name);
    if (note !== undefined) notes.push(`${name}: ${note}`);
  });

  const privacy: DraftConfig['privacy'] = { k: 5, maxSuppressedShare: 0.05, missingMatches: 'any' };
  const weight = codebook?.variables.find((v) => v.type === 'design' && /(^|_)(weight|wt)s?$/i.test(v.name) && table.header.includes(v.name));
  if (weight !== undefined) privacy.weights = weight.name;
  const config: DraftConfig = { columns, privacy };
  const needsKey = Object.values(columns).some((c) => c === 'pseudonymize' || (typeof c === 'object' && c.role === 'dateShift'));
  if (needsKey) config.keyFrom = 'env:LEAKRISK_KEY';
  if (options.codebookPath !== undefined) config.codebook = options.codebookPath;

  notes.push('privacy: k = 5 and at most 5% of records with a suppressed quasi-identifier are starting points; set them for your data release.');
  if (weight === undefined)
    notes.push('privacy: no sampling-weight column was identified; set "privacy.weights" if the survey has design weights (risk uses them for Fk).');
  const sensitive =
    codebook?.variables.filter((v) => v.sensitive && v.type !== 'identifier' && v.type !== 'text' && table.header.includes(v.name)).map((v) => v.name) ?? [];
  if (sensitive.length > 0) {
    notes.push(
      `privacy: the codebook marks ${sensitive.length} sensitive item(s) (${sensitive.slice(0, 6).join(', ')}${sensitive.length > 6 ? ', …' : ''}); consider "l": { "sensitive": [...], "distinct": 2 }.`,
    );
  }
  if (undecided.length > 0) {
    notes.unshift(`${undecided.length} column(s) are "undecided" and the config will not run until each is decided: ${undecided.join(', ')}.`);
  }
  return { config, notes };
}

const IDENTIFIER_NAME =
  /^(?:.*_)?(?:name|full_?name|first_?name|last_?name|surname|father_?name|husband_?name|phone|phone_?(?:no|number)|mobile|mobile_?(?:no|number)|cell|cell_?phone|whatsapp(?:_?(?:no|number))?|telephone|tel|contact|contact_?(?:no|number)|cnic|nic|nicop|cnic_?(?:no|number)|passport|passport_?(?:no|number)|email|e_?mail|email_?address|address|home_?address|street|house_?(?:no|number)|gps|latitude|longitude|lat|lon|lng|ip|ip_?address|imei|device_?id|user_?name|login|account|submitted_?by|submitter(?:_?(?:id|name))?|subscriber_?id|sim_?serial|enumerator(?:_?name)?|interviewer(?:_?name)?)$/i;
const ID_LIKE_NAME = /^(?:resp(?:ondent)?_?id|respid|id|uuid|uid|record_?id|case_?id|interview_?id|household_?id|hh_?id|.*_id)$/i;
const FREE_TEXT_NAME =
  /^(?:.*_)?(?:comments?|remarks?|notes?|feedback|open_?(?:ended|text|answer)?|other_?specify|specify|verbatim|describe|description|story|experience)$/i;
const DEMOGRAPHIC_NAME =
  /^(?:age|age_?years|gender|sex|province|district|tehsil|city|town|village|area|urban_?rural|locality|region|division|education|education_?level|occupation|employment|employment_?status|marital_?status|marital|religion|ethnicity|caste|mother_?tongue|language)$/i;

interface Sample {
  cells: string[];
  distinctShare: number;
}

function sampleCells(column: Column, missingCodes: ReadonlySet<string>): Sample {
  const cells: string[] = [];
  for (let i = 0; i < column.length && cells.length < SAMPLE_SIZE; i++) {
    const cell = column.get(i);
    if (!isMissingCell(cell.trim(), missingCodes)) cells.push(cell.trim());
  }
  return { cells, distinctShare: cells.length === 0 ? 0 : new Set(cells).size / cells.length };
}

function proposeColumn(name: string, sample: Sample, variable: Variable | undefined, section: string | undefined): { entry: DraftColumn; note?: string } {
  const content = detectIdentifierContent(sample);
  if (content !== undefined) {
    return {
      entry: 'drop',
      note: `${Math.round(content.share * 100)}% of sampled cells look like ${content.kind}; proposed "drop" (use "pseudonymize" to keep a linkable code).`,
    };
  }
  const form = proposeByForm(sample, variable);
  if (form !== undefined) return form;
  if (variable?.type === 'identifier') {
    return ID_LIKE_NAME.test(name) || isCodeLike(sample)
      ? { entry: 'pseudonymize', note: 'codebook identifier with code-like values; proposed "pseudonymize" (keyed HMAC), or "drop" if no link is needed.' }
      : { entry: 'drop', note: 'codebook identifier; proposed "drop".' };
  }
  // a codebook that types the column as a survey item or design column outranks its name
  const itemType = variable !== undefined && variable.type !== 'text' && !(ID_LIKE_NAME.test(name) && isUnique(sample));
  if (ID_LIKE_NAME.test(name) && !itemType) {
    return { entry: 'pseudonymize', note: 'an identifier-like code; proposed "pseudonymize" (keyed HMAC), or "drop" if no link is needed.' };
  }
  if (IDENTIFIER_NAME.test(name) && !itemType) return { entry: 'drop', note: 'named like a direct identifier; proposed "drop".' };
  // A short answer naming a place or a group (district, occupation) is a demographic, not free text: scrubbing would release it as it is.
  const shortDemographic = DEMOGRAPHIC_NAME.test(name) && !looksLikeFreeText(sample);
  if (variable?.type === 'text' && !shortDemographic) return { entry: 'scrub' };
  if (looksLikeFreeText(sample)) return { entry: 'scrub', note: 'long, varied text; proposed "scrub" (PII replaced by typed tags).' };
  if (FREE_TEXT_NAME.test(name) && !variable) return { entry: 'scrub', note: 'named like free text; proposed "scrub".' };
  const demographic = DEMOGRAPHIC_NAME.test(name) || (section === 'demographics' && variable?.type === 'categorical');
  if (demographic) {
    if (/^age/i.test(name) && (isNumeric(sample) || variable?.type === 'numeric')) {
      return { entry: { role: 'quasi', recode: { bands: [...DEFAULT_AGE_BANDS] } }, note: `quasi-identifier, banded ${DEFAULT_AGE_BANDS.join(', ')}+.` };
    }
    const hint = /district|tehsil|city|town|village/i.test(name)
      ? ' Consider a "hierarchy" file (e.g. district → division → province) so it can be generalised.'
      : '';
    return { entry: { role: 'quasi' }, note: `quasi-identifier (a demographic an outsider may know).${hint}` };
  }
  if (variable?.type === 'design') {
    if (isDateLike(sample) || (sample.cells.length === 0 && /date/i.test(name)))
      return { entry: { role: 'dateShift', maxDays: 14 }, note: 'a date: proposed "dateShift" by up to 14 days per respondent (keyed).' };
    return { entry: 'keep', note: 'survey design column (codebook); kept for variance estimation.' };
  }
  if (variable !== undefined && ['likert', 'knowledge', 'multiselect', 'numeric', 'categorical'].includes(variable.type)) {
    return { entry: 'keep' };
  }
  return {
    entry: UNDECIDED,
    note:
      variable === undefined
        ? 'not in the codebook and not recognised; decide its action.'
        : `codebook type "${variable.type}" not recognised; decide its action.`,
  };
}

/** XLSForm question types (and metadata) whose answer identifies a person, a device or a place. */
const IDENTIFYING_FORM_TYPES = new Set([
  'phonenumber',
  'email',
  'deviceid',
  'subscriberid',
  'simserial',
  'username',
  'audit',
  'geopoint',
  'geotrace',
  'geoshape',
  'start-geopoint',
  'image',
  'audio',
  'video',
  'file',
  'background-audio',
  'barcode',
]);

/** What the form says about a column: its XLSForm type or its being a Kobo/ODK submission column. */
function proposeByForm(sample: Sample, variable: Variable | undefined): { entry: DraftColumn; note?: string } | undefined {
  if (variable === undefined) return undefined;
  const formType = variable.formType ?? '';
  if (IDENTIFYING_FORM_TYPES.has(formType)) return { entry: 'drop', note: `form type "${formType}" identifies a person, device or place; proposed "drop".` };
  if (variable.type === 'date') {
    return {
      entry: 'drop',
      note:
        variable.metadata || /^(start|end|today)$/.test(formType)
          ? 'a time the device or server recorded; proposed "drop".'
          : 'a date or time can help identify a respondent; proposed "drop" (use { "role": "dateShift", "maxDays": 14 } to keep a shifted date).',
    };
  }
  if (variable.metadata) {
    if (variable.type === 'identifier' && isUnique(sample) && isCodeLike(sample)) {
      return { entry: 'pseudonymize', note: 'a submission id; proposed "pseudonymize" (keyed HMAC) so rows stay linkable to the server only with the key.' };
    }
    return { entry: 'drop', note: 'recorded by the server or device, not asked; proposed "drop".' };
  }
  if (variable.type === 'selectMultiple') return { entry: 'keep', note: 'the whole select_multiple answer (its option columns hold the same).' };
  return undefined;
}

/** Nearly every sampled value different (a code for each respondent). */
function isUnique(sample: Sample): boolean {
  return sample.cells.length >= 2 && sample.distinctShare > 0.9;
}

const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
function asciiDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (d) => String(d.charCodeAt(0) - (d.charCodeAt(0) >= 0x06f0 ? 0x06f0 : 0x0660)));
}

const MOBILE = /^(?:\+92|0092|92|0)?3\d{9}$/;
const LANDLINE = /^(?:\+92|0092|0)[2-9]\d{8,9}$/;
const CNIC = /^\d{5}-?\d{7}-?\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** A geopoint as Kobo/ODK write it, `lat lon [alt [accuracy]]`, or a `lat,lon` pair. */
const GPS_POINT = /^-?\d{1,2}\.\d{3,}[ ,]\s*-?\d{1,3}\.\d{3,}(?: -?\d+(?:\.\d+)?){0,2}$/;
/** Device ids as ODK Collect records them (`collect:…`, `imei:…`, `android_id:…`) or a bare IMEI. */
const DEVICE_ID = /^(?:(?:collect|imei|android_?id|mac|uuid|enketo[^:]*):\S{6,}|\d{15})$/i;
const LATIN_NAME = /^\p{Lu}[\p{Ll}'’]+(?:[ -]\p{Lu}[\p{Ll}'’]+){1,3}$/u;
const URDU_NAME = /^\p{Script=Arabic}{2,}(?: \p{Script=Arabic}{2,}){1,3}$/u;

/** Share of sampled cells that look like one kind of direct identifier, when at least half do. */
function detectIdentifierContent(sample: { cells: string[]; distinctShare: number }): { kind: string; share: number } | undefined {
  const n = sample.cells.length;
  if (n === 0) return undefined;
  let phone = 0;
  let cnic = 0;
  let email = 0;
  let person = 0;
  let gps = 0;
  let device = 0;
  for (const raw of sample.cells) {
    const cell = asciiDigits(raw);
    const compact = cell.replace(/[\s\-().]/g, '');
    if (MOBILE.test(compact) || LANDLINE.test(compact)) phone++;
    else if (CNIC.test(cell.replace(/\s/g, ''))) cnic++;
    else if (EMAIL.test(cell)) email++;
    else if (LATIN_NAME.test(cell) || URDU_NAME.test(cell)) person++;
    else if (GPS_POINT.test(cell)) gps++;
    else if (DEVICE_ID.test(cell)) device++;
  }
  const kinds: [string, number][] = [
    ['Pakistani phone numbers', phone / n],
    ['CNICs', cnic / n],
    ['email addresses', email / n],
    ['GPS points', gps / n],
    ['device ids', device / n],
    // names only when varied: a categorical column ("Secondary Complete") repeats a few values
    ['person names', sample.distinctShare >= 0.5 && n >= 3 ? person / n : 0],
  ];
  const [kind, share] = kinds.reduce((best, k) => (k[1] > best[1] ? k : best));
  return share >= 0.5 ? { kind, share } : undefined;
}

function looksLikeFreeText(sample: Sample): boolean {
  const n = sample.cells.length;
  if (n === 0) return false;
  let length = 0;
  let wordy = 0;
  for (const cell of sample.cells) {
    length += cell.length;
    if (cell.split(/\s+/).length >= 4) wordy++;
  }
  return length / n >= 25 && wordy / n >= 0.3 && sample.distinctShare >= 0.5;
}

function isNumeric(sample: Sample): boolean {
  return sample.cells.length > 0 && sample.cells.every((c) => Number.isFinite(parseNumberText(c)));
}

function isDateLike(sample: Sample): boolean {
  return sample.cells.length > 0 && sample.cells.every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c));
}

function isCodeLike(sample: Sample): boolean {
  return sample.cells.length > 0 && sample.distinctShare > 0.9 && sample.cells.every((c) => /^[A-Za-z0-9_-]{2,40}$/.test(c));
}
