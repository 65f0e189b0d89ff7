import { basename, extname } from 'node:path';
import type { ImportedColumn } from '../io/imported.js';
import type { SavData } from '../io/sav/readSav.js';
import { checkCodebook } from './load.js';
import type { Codebook, Localized, MissingCode, ResponseOption, Variable, VariableType } from './types.js';

/** Words of an ordered answer scale (agreement, frequency, satisfaction), in English and Urdu. */
const SCALE_WORDING =
  /\b(agree|disagree|never|always|often|rarely|sometimes|satisf|likely|important|strongly|not at all|somewhat|very)\b|متفق|کبھی|ہمیشہ|اکثر|مطمئن/i;

/**
 * The codebook an SPSS file carries: variable labels become the question text, value labels the
 * options (level order = value order), user-missing values and the values found inside a missing range
 * the missing codes (with their value labels), the measurement level and labels the type: ordinal,
 * or a run of integer codes labelled like a scale (agree … disagree), is Likert; other labelled
 * variables categorical; dates `date`; strings `text`; other numbers `numeric`; the variable SPSS
 * weights by (`WEIGHT BY`) `design`. The wording is the file's, in one language (`languages: ['en']`,
 * or `['ur']` when most variable labels are in Urdu script); the other label field repeats it.
 */
export function codebookFromSav(data: SavData): Codebook {
  const stem = basename(data.file, extname(data.file));
  const variables = data.columns.map(savVariable);
  for (const variable of variables) if (variable.name === data.weightVariable) variable.type = 'design';
  const title = data.fileLabel !== '' ? data.fileLabel : stem;
  const labels = data.columns.map((c) => c.label ?? '').filter((label) => label !== '');
  const urdu = labels.length > 0 && labels.filter((label) => /[\u0600-\u06FF]/.test(label)).length > labels.length / 2;
  const codebook: Codebook = {
    id: stem.replace(/[^\p{L}\p{N}_.-]+/gu, '_') || 'survey',
    version: '1',
    title: { en: title, ur: title },
    synthetic: false,
    languages: [urdu ? 'ur' : 'en'],
    source: { format: 'sav', file: basename(data.file) },
    notes: [
      "drawn from an SPSS file: check each variable's type (likert, categorical, numeric, text) and add Urdu wording if the report should have it",
      ...variables
        .filter((v) => v.type === 'likert')
        .map((v) => `"${v.name}" was taken as a Likert item (its labelled codes run ${v.options![0]!.code}…${v.options![v.options!.length - 1]!.code})`),
    ],
    sections: [{ id: 'questions', title: { en: 'Questions', ur: 'سوالات' }, variables: variables.map((v) => v.name) }],
    variables,
    scales: [],
    knowledgeScores: [],
  };
  return checkCodebook(codebook, data.file);
}

const same = (text: string): Localized => ({ en: text, ur: text });

function savVariable(column: ImportedColumn): Variable {
  const label = same(column.label ?? column.name);
  const labels = new Map((column.valueLabels ?? []).map((entry) => [entry.code, entry.label]));
  const missing = new Set(column.missingCodes ?? []);
  const missingCodes: MissingCode[] = [...missing].map((code) => ({ code, label: same(labels.get(code) ?? 'missing (user-missing in the SPSS file)') }));
  const withMissing = missingCodes.length > 0 ? { missingCodes } : {};
  if (column.kind === 'text' || (column.kind === 'dictionary' && column.valueLabels === undefined)) {
    return { name: column.name, type: column.temporal !== undefined ? 'date' : 'text', label, ...withMissing };
  }
  if (column.kind === 'numbers') return { name: column.name, type: 'numeric', label, ...withMissing };
  const options: ResponseOption[] = column.levels.filter((level) => !missing.has(level)).map((code) => ({ code, label: same(labels.get(code) ?? code) }));
  return { name: column.name, type: answerType(column.measure, options), label, options, ...withMissing };
}

function answerType(measure: ImportedColumn['measure'], options: ResponseOption[]): VariableType {
  if (measure === 'nominal' || options.length < 3 || options.length > 11) return 'categorical';
  const values = options.map((o) => Number(o.code));
  const run = options.every((o) => /^-?\d+$/.test(o.code)) && values.every((v, i) => i === 0 || v === values[i - 1]! + 1);
  if (!run) return 'categorical';
  if (measure === 'ordinal' || options.some((o) => SCALE_WORDING.test(o.label.en))) return 'likert';
  return 'categorical';
}
