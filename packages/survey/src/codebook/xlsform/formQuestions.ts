import { LeakriskError } from '../../errors.js';
import type { Localized, Section, Variable, VariableType } from '../types.js';
import { readChoiceFile, type ChoiceList } from './choiceLists.js';
import { cellOf, type FormRow, type FormSheet } from './formSheets.js';
import { textsOf, type Fallbacks, type FormLanguages } from './languages.js';

/** What the walk over the survey sheet needs besides the sheet. */
export interface QuestionContext {
  file: string;
  /** Path of the form on disk, to find `select_one_from_file` lists beside it. */
  path: string;
  choices: Map<string, ChoiceList>;
  /** The name of the choices sheet, or undefined when the form has none. */
  choicesSheet: string | undefined;
  languages: FormLanguages;
  fallbacks: Fallbacks;
  notes: string[];
}

/** Metadata the device or server records: its codebook type and wording (not asked, so no label in the form). */
const METADATA: Record<string, { type: VariableType; label: Localized }> = {
  start: { type: 'date', label: { en: 'Start time of the interview', ur: 'انٹرویو شروع ہونے کا وقت' } },
  end: { type: 'date', label: { en: 'End time of the interview', ur: 'انٹرویو ختم ہونے کا وقت' } },
  today: { type: 'date', label: { en: 'Day of the interview', ur: 'انٹرویو کا دن' } },
  deviceid: { type: 'identifier', label: { en: 'Device identifier', ur: 'آلے کی شناخت' } },
  subscriberid: { type: 'identifier', label: { en: 'SIM subscriber identifier', ur: 'سم صارف کی شناخت' } },
  simserial: { type: 'identifier', label: { en: 'SIM serial number', ur: 'سم کا سیریل نمبر' } },
  phonenumber: { type: 'identifier', label: { en: 'Phone number of the device', ur: 'آلے کا فون نمبر' } },
  username: { type: 'identifier', label: { en: "Enumerator's user name", ur: 'شمار کنندہ کا صارف نام' } },
  email: { type: 'identifier', label: { en: "Enumerator's e-mail address", ur: 'شمار کنندہ کا ای میل پتہ' } },
  audit: { type: 'identifier', label: { en: 'Audit log of the interview (file)', ur: 'انٹرویو کا آڈٹ ریکارڈ (فائل)' } },
  'start-geopoint': { type: 'identifier', label: { en: 'Location where the form was opened', ur: 'فارم کھولنے کا مقام' } },
  'background-audio': { type: 'identifier', label: { en: 'Background audio recording (file)', ur: 'پس منظر کی آڈیو ریکارڈنگ (فائل)' } },
};

const SIMPLE: Record<string, VariableType> = {
  integer: 'numeric',
  decimal: 'numeric',
  range: 'numeric',
  text: 'text',
  barcode: 'text',
  date: 'date',
  datetime: 'date',
  time: 'date',
  geopoint: 'identifier',
  geotrace: 'identifier',
  geoshape: 'identifier',
  image: 'identifier',
  audio: 'identifier',
  video: 'identifier',
  file: 'identifier',
};

const NO_DATA = new Set(['note', 'xml-external', 'csv-external', 'deviceid-external']);
const SPLIT: Localized[] = [
  { en: 'Not selected', ur: 'منتخب نہیں' },
  { en: 'Selected', ur: 'منتخب' },
];

/**
 * Walks the survey sheet: groups and repeats nest (`begin_group` … `end_group`), every question that
 * stores an answer becomes a variable named by its `name` (its group path kept in `path`), a
 * `select_multiple` also gives one 0/1 variable per option (`platforms/facebook`), and each top-level
 * group becomes a section.
 */
export function formQuestions(survey: FormSheet, context: QuestionContext): { variables: Variable[]; sections: Section[] } {
  const { file } = context;
  const variables: Variable[] = [];
  const sections: Section[] = [];
  const byName = new Map<string, number>();
  const stack: { kind: 'group' | 'repeat'; name: string; row: number; section: Section | undefined }[] = [];
  const sectionFor = (id: string, title: Localized): Section => {
    let section = sections.find((s) => s.id === id);
    if (section === undefined) {
      section = { id, title, variables: [] };
      sections.push(section);
    }
    return section;
  };
  const add = (variable: Variable, row: FormRow, section: Section) => {
    const before = byName.get(variable.name);
    if (before !== undefined) {
      throw new LeakriskError(
        `the form names two questions "${variable.name}" (rows ${before} and ${row.row})`,
        { file, line: row.row, column: `${survey.name}!name` },
        'give every question its own name: data columns are named by it',
      );
    }
    byName.set(variable.name, row.row);
    variables.push(variable);
    section.variables.push(variable.name);
  };

  for (const row of survey.rows) {
    const rawType = cellOf(row, 'type');
    if (rawType === undefined) continue;
    const type = rawType
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/^(begin|end) (group|repeat)$/i, '$1_$2');
    const [head = '', ...rest] = type.split(' ');
    const kind = head.toLowerCase();
    const name = cellOf(row, 'name');
    if (kind === 'end_group' || kind === 'end_repeat') {
      const open = stack.pop();
      if (open === undefined || open.kind !== (kind === 'end_group' ? 'group' : 'repeat')) {
        throw new LeakriskError(
          `survey row ${row.row} ends a ${kind === 'end_group' ? 'group' : 'repeat'} that is not open${open ? ` (the open one is the ${open.kind} "${open.name}")` : ''}`,
          { file, line: row.row, column: `${survey.name}!type` },
          'pair every begin_group with an end_group and every begin_repeat with an end_repeat',
        );
      }
      continue;
    }
    if (name === undefined) {
      if (NO_DATA.has(kind)) continue;
      throw new LeakriskError(
        `survey row ${row.row} (type "${rawType}") has no name`,
        { file, line: row.row, column: `${survey.name}!name` },
        'give every question a name: it names the data column',
      );
    }
    const texts = textsOf(row, 'label', context.languages);
    const label = context.fallbacks.localized(texts, context.languages, name);
    if (kind === 'begin_group' || kind === 'begin_repeat') {
      const top = stack.length === 0 ? sectionFor(name, texts.size > 0 ? label : { en: name, ur: name }) : stack[0]!.section;
      stack.push({ kind: kind === 'begin_group' ? 'group' : 'repeat', name, row: row.row, section: top });
      continue;
    }
    if (NO_DATA.has(kind)) continue;
    const path = [...stack.map((s) => s.name), name].join('/');
    const repeat = [...stack].reverse().find((s) => s.kind === 'repeat')?.name;
    const hints = textsOf(row, 'hint', context.languages);
    const base: Pick<Variable, 'name' | 'label' | 'path' | 'formType'> & Partial<Variable> = {
      name,
      label,
      path,
      formType: kind,
      ...(hints.size > 0 ? { hint: context.fallbacks.localized(hints, context.languages, '') } : {}),
      ...(repeat !== undefined ? { repeat } : {}),
    };
    const meta = METADATA[kind];
    if (meta !== undefined) {
      add(
        { ...base, type: meta.type, label: texts.size > 0 ? label : meta.label, metadata: true },
        row,
        sectionFor('form_metadata', { en: 'Form metadata', ur: 'فارم کا میٹا ڈیٹا' }),
      );
      continue;
    }
    const section = stack[0]?.section ?? sectionFor('questions', { en: 'Questions', ur: 'سوالات' });
    for (const variable of questionVariables(kind, rest, base, row, survey, context)) add(variable, row, section);
  }
  const open = stack.pop();
  if (open !== undefined) {
    throw new LeakriskError(
      `the ${open.kind} "${open.name}" begun in survey row ${open.row} is never ended`,
      { file, line: open.row, column: `${survey.name}!type` },
      `add an end_${open.kind} row after its last question`,
    );
  }
  return { variables, sections: sections.filter((section) => section.variables.length > 0) };
}

type Base = Pick<Variable, 'name' | 'label' | 'path' | 'formType'> & Partial<Variable>;

/** The variable(s) one question stores: one, or for select_multiple the whole answer and one per option. */
function questionVariables(kind: string, rest: string[], base: Base, row: FormRow, survey: FormSheet, context: QuestionContext): Variable[] {
  const simple = SIMPLE[kind];
  if (simple !== undefined) {
    const range = kind === 'range' ? rangeBounds(cellOf(row, 'parameters')) : {};
    return [{ ...base, type: simple, ...range }];
  }
  if (kind === 'acknowledge' || kind === 'trigger') {
    return [{ ...base, type: 'categorical', options: [{ code: 'OK', label: { en: 'Acknowledged', ur: 'تسلیم کیا' } }] }];
  }
  if (kind === 'calculate' || kind === 'hidden') {
    const calculation = cellOf(row, 'calculation') ?? '';
    const type: VariableType = /\buuid\s*\(/.test(calculation)
      ? 'identifier'
      : /\b(concat|string|substr|join|format-date|selected-at)\s*\(/.test(calculation)
        ? 'text'
        : 'numeric';
    context.notes.push(`"${base.name}" is a ${kind} (${type === 'numeric' ? 'taken as a number' : `taken as ${type}`}): check its type`);
    return [{ ...base, type }];
  }
  if (kind === 'select_one_from_file' || kind === 'select_multiple_from_file') {
    const list = readChoiceFile(context.path, rest.join(' '), context.languages, context.fallbacks);
    if (list === undefined) {
      context.notes.push(
        `"${base.name}" takes its choices from the file ${rest.join(' ')}, which is not beside the form: its answers are kept as text; add them as options to analyse them by level`,
      );
      return [{ ...base, type: 'text' }];
    }
    return selectVariables(kind === 'select_one_from_file' ? 'select_one' : 'select_multiple', list, false, base);
  }
  if (kind === 'select_one' || kind === 'select_multiple' || kind === 'rank') {
    const listName = rest[0];
    const list = listName === undefined ? undefined : context.choices.get(listName);
    if (list === undefined) throw undefinedList(kind, listName, row, survey, context);
    return selectVariables(kind, list, rest[1]?.toLowerCase() === 'or_other', base);
  }
  context.notes.push(`"${base.name}" has the type "${kind}", which leakrisk does not know: kept as text`);
  return [{ ...base, type: 'text' }];
}

function selectVariables(kind: string, list: ChoiceList, orOther: boolean, base: Base): Variable[] {
  const options = orOther ? [...list.options, { code: 'other', label: { en: 'Other', ur: 'دیگر' } }] : list.options;
  const missing = list.missing.length > 0 ? { missingCodes: list.missing } : {};
  const other: Variable[] = orOther
    ? [
        {
          name: `${base.name}_other`,
          type: 'text',
          label: { en: `${base.label.en}: other (specify)`, ur: `${base.label.ur}: دیگر (وضاحت)` },
          path: `${base.path}_other`,
          formType: 'text',
        },
      ]
    : [];
  if (kind === 'select_one') return [{ ...base, type: isLikert(options.map((o) => o.code)) ? 'likert' : 'categorical', options, ...missing }, ...other];
  const whole: Variable = { ...base, type: 'selectMultiple', options, ...missing };
  if (kind === 'rank') return [whole];
  const split = [...list.options, ...list.missing, ...(orOther ? [options[options.length - 1]!] : [])].map(
    (option): Variable => ({
      name: `${base.name}/${option.code}`,
      type: 'multiselect',
      label: joinLabels(base.label, option.label),
      shortLabel: option.label,
      path: `${base.path}/${option.code}`,
      formType: 'select_multiple',
      group: base.name,
      option: option.code,
      options: SPLIT.map((label, code) => ({ code: String(code), label })),
      ...(base.repeat !== undefined ? { repeat: base.repeat } : {}),
    }),
  );
  return [whole, ...split, ...other];
}

/** Integer codes in a run (1..5, 0..10): an ordered scale, scored as numbers. */
function isLikert(codes: string[]): boolean {
  if (codes.length < 3 || codes.length > 11 || !codes.every((code) => /^-?\d+$/.test(code))) return false;
  const values = codes.map(Number);
  return values.every((value, i) => i === 0 || value === values[i - 1]! + 1);
}

function joinLabels(question: Localized, option: Localized): Localized {
  const joined: Localized = { en: `${question.en}: ${option.en}`, ur: `${question.ur}: ${option.ur}` };
  for (const code of Object.keys(question))
    if (code !== 'en' && code !== 'ur' && option[code] !== undefined) joined[code] = `${question[code]}: ${option[code]}`;
  return joined;
}

/** `start=0 end=10 step=1` → min 0, max 10 (XLSForm `range` parameters). */
function rangeBounds(parameters: string | undefined): { min?: number; max?: number } {
  const value = (key: string) => {
    const match = new RegExp(`\\b${key}\\s*=\\s*(-?[\\d.]+)`).exec(parameters ?? '');
    return match ? Number(match[1]) : undefined;
  };
  const start = value('start') ?? 1;
  const end = value('end') ?? 10;
  return { min: Math.min(start, end), max: Math.max(start, end) };
}

function undefinedList(kind: string, listName: string | undefined, row: FormRow, survey: FormSheet, context: QuestionContext): LeakriskError {
  const where = { file: context.file, line: row.row, column: `${survey.name}!type` };
  if (listName === undefined) {
    return new LeakriskError(`survey row ${row.row}: "${kind}" names no choice list`, where, `write the list name after the type, e.g. "${kind} yes_no"`);
  }
  if (context.choicesSheet === undefined) {
    return new LeakriskError(
      `the form has no choices sheet, but survey row ${row.row} ("${kind} ${listName}") needs the choice list "${listName}"`,
      { ...where, column: 'choices' },
      'add a sheet named "choices" with the columns list_name, name and label (one row per option)',
    );
  }
  const known = [...context.choices.keys()];
  return new LeakriskError(
    `survey row ${row.row} uses the choice list "${listName}", which the choices sheet does not define${known.length > 0 ? ` (lists: ${known.slice(0, 10).join(', ')})` : ''}`,
    where,
    `add rows with list_name "${listName}" to the choices sheet, or correct the list name in the type`,
  );
}
