import { basename, extname } from 'node:path';
import { LeakriskError } from '../../errors.js';
import { openWorkbook } from '../../io/workbook.js';
import { checkCodebook } from '../load.js';
import type { Codebook, Localized } from '../types.js';
import { readChoiceLists } from './choiceLists.js';
import { formQuestions } from './formQuestions.js';
import { cellOf, readFormSheet } from './formSheets.js';
import { Fallbacks, formLanguages, textsOf } from './languages.js';

/**
 * Reads an XLSForm (the `.xlsx` form of KoboToolbox, ODK and SurveyCTO) as a codebook: the survey
 * sheet's questions become variables (named by `name`, the group path kept in `path`, the XLSForm
 * type in `formType`), the choices sheet gives levels in form order with labels in every language of
 * the form (`label::English (en)`, `label::Urdu (ur)`, plain `label`), non-answer choices (prefer not to
 * say, refused, no answer — in English or Urdu) become missing codes while "don't know" stays a level,
 * and `settings.form_title` is the study title. The result is checked against the codebook schema.
 *
 * Types: `select_one` → categorical (likert when its codes run 1..k), `select_multiple` → the whole
 * answer (`selectMultiple`) plus one 0/1 `multiselect` variable per option (`platforms/facebook`),
 * `integer`/`decimal`/`range`/`calculate` → numeric, `text` → text, `date`/`datetime`/`time` → date,
 * `geopoint`/`geotrace`/`geoshape`, media and device metadata (`deviceid`, `phonenumber`, `username`,
 * `email`, `audit`, …) → identifier; `start`/`end`/`today` → date with `metadata: true`.
 *
 * @example
 * const codebook = await readXlsForm('form.xlsx');
 * codebook.title; // { en: 'Online safety pilot (synthetic)', ur: '…' }
 */
export async function readXlsForm(path: string, displayName = path): Promise<Codebook> {
  const workbook = await openWorkbook(path, displayName);
  const survey = readFormSheet(workbook, 'survey');
  if (survey === undefined) {
    throw new LeakriskError(
      `the workbook has no "survey" sheet, so it is not an XLSForm (sheets: ${workbook.worksheets.map((s) => s.name).join(', ')})`,
      { file: displayName, column: 'survey' },
      'give the XLSForm (with sheets survey, choices and settings) as the codebook, or a codebook.json',
    );
  }
  for (const column of ['type', 'name']) {
    if (!survey.columns.some((header) => header.toLowerCase() === column)) {
      throw new LeakriskError(
        `the survey sheet has no "${column}" column`,
        { file: displayName, line: 1, column: `${survey.name}!${column}` },
        `add a "${column}" column to the survey sheet (row 1)`,
      );
    }
  }
  const choices = readFormSheet(workbook, 'choices');
  const settings = readFormSheet(workbook, 'settings');
  const settingsRow = settings?.rows[0];
  const languages = formLanguages(survey, choices, settingsRow === undefined ? undefined : cellOf(settingsRow, 'default_language'));
  const fallbacks = new Fallbacks();
  const notes: string[] = [];
  const lists = readChoiceLists(choices, languages, fallbacks, displayName);
  const { variables, sections } = formQuestions(survey, {
    file: displayName,
    path,
    choices: lists,
    choicesSheet: choices?.name,
    languages,
    fallbacks,
    notes,
  });
  if (variables.length === 0) {
    throw new LeakriskError(
      'the survey sheet has no question that stores an answer',
      { file: displayName, column: survey.name },
      'add questions (rows with a type and a name)',
    );
  }
  const stem = basename(displayName, extname(displayName));
  const titleTexts = settingsRow === undefined ? new Map<string, string>() : textsOf(settingsRow, 'form_title', languages);
  const title: Localized = fallbacks.localized(titleTexts, languages, settingsRow === undefined ? stem : (cellOf(settingsRow, 'form_id') ?? stem));
  const codebook: Codebook = {
    id: (settingsRow === undefined ? undefined : cellOf(settingsRow, 'form_id')) ?? stem,
    version: (settingsRow === undefined ? undefined : cellOf(settingsRow, 'version')) ?? '1',
    title,
    synthetic: false,
    languages: languages.codes,
    source: { format: 'xlsform', file: basename(displayName) },
    notes: [...fallbacks.notes(), ...notes],
    sections,
    variables,
    scales: [],
    knowledgeScores: [],
  };
  return checkCodebook(codebook, displayName);
}
