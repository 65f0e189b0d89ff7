import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { LeakriskError } from '../../errors.js';
import { isNonAnswer } from '../nonAnswer.js';
import type { MissingCode, ResponseOption } from '../types.js';
import { cellOf, type FormRow, type FormSheet } from './formSheets.js';
import { textsOf, type Fallbacks, type FormLanguages } from './languages.js';

/** One choice list of the form: its options in form order, and which of them are non-answers. */
export interface ChoiceList {
  options: ResponseOption[];
  /** Non-answer choices (prefer not to say, refused, no answer): missing codes, not levels. */
  missing: MissingCode[];
}

/** The `choices` sheet by list name, options in form order; a name used twice in a list is an error. */
export function readChoiceLists(choices: FormSheet | undefined, languages: FormLanguages, fallbacks: Fallbacks, file: string): Map<string, ChoiceList> {
  const lists = new Map<string, ChoiceList>();
  if (choices === undefined) return lists;
  const seen = new Map<string, Map<string, number>>();
  for (const row of choices.rows) {
    const list = cellOf(row, 'list_name') ?? cellOf(row, 'list name');
    const name = cellOf(row, 'name');
    if (list === undefined && name === undefined) continue;
    if (list === undefined || name === undefined) {
      throw new LeakriskError(
        `choices sheet row ${row.row} has ${list === undefined ? 'a name but no list_name' : 'a list_name but no name'}`,
        { file, line: row.row, column: `${choices.name}!${list === undefined ? 'list_name' : 'name'}` },
        'give every choice a list_name (the list it belongs to) and a name (the value stored in the data)',
      );
    }
    const names = seen.get(list) ?? new Map<string, number>();
    seen.set(list, names);
    const before = names.get(name);
    if (before !== undefined) {
      throw new LeakriskError(
        `choice list "${list}" has the choice name "${name}" twice (rows ${before} and ${row.row})`,
        { file, line: row.row, column: `${choices.name}!name` },
        'give every choice of a list its own name',
      );
    }
    names.set(name, row.row);
    addChoice(lists, list, name, row, languages, fallbacks);
  }
  return lists;
}

function addChoice(lists: Map<string, ChoiceList>, list: string, name: string, row: FormRow, languages: FormLanguages, fallbacks: Fallbacks): void {
  const entry = lists.get(list) ?? { options: [], missing: [] };
  lists.set(list, entry);
  const texts = textsOf(row, 'label', languages);
  const label = fallbacks.localized(texts, languages, name);
  if (isNonAnswer(name, [...texts.values()])) entry.missing.push({ code: name, label });
  else entry.options.push({ code: name, label });
}

/**
 * The choices of `select_one_from_file FILE`, when FILE (a CSV with `name` and `label` columns, as
 * uploaded with the form) sits beside the form; `undefined` when it does not.
 */
export function readChoiceFile(formPath: string, choiceFile: string, languages: FormLanguages, fallbacks: Fallbacks): ChoiceList | undefined {
  const path = join(dirname(formPath), choiceFile);
  if (!/\.csv$/i.test(choiceFile) || !existsSync(path)) return undefined;
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const lists = new Map<string, ChoiceList>();
  parsed.data.forEach((record, i) => {
    const cells = new Map(Object.entries(record).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
    const row: FormRow = { row: i + 2, cells: new Map([...cells].map(([k, v]) => [k.trim(), v.trim()])) };
    const name = cellOf(row, 'name');
    if (name !== undefined) addChoice(lists, 'file', name, row, languages, fallbacks);
  });
  return lists.get('file');
}
