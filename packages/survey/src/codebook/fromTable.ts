import { basename, extname } from 'node:path';
import { importedCell, type ImportedTable } from '../io/imported.js';
import { isMissingCell } from '../table/missingCell.js';
import { checkCodebook } from './load.js';
import type { Codebook, Variable } from './types.js';

const ISO_TEMPORAL = /^(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2})?)$/;
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * A draft codebook inferred from a data file alone (CSV or spreadsheet) for a person to review: a
 * column of numbers is numeric; ISO dates and times are `date`; text with few distinct values (at most
 * 20, and at most a fifth of the rows) is categorical with its values as levels in sorted order (as R's
 * `factor` sorts them); other text is free text. Labels are the column names; `known` supplies entries
 * the reader already knows (an export's submission columns).
 */
export function codebookFromTable(table: ImportedTable, format: 'csv' | 'xlsx', known: Variable[] = []): Codebook {
  const stem = basename(table.file, extname(table.file));
  const knownByName = new Map(known.map((v) => [v.name, v]));
  const variables = table.columns.map((column, j) => knownByName.get(column.name) ?? inferVariable(table, j));
  const codebook: Codebook = {
    id: stem.replace(/[^\p{L}\p{N}_.-]+/gu, '_') || 'survey',
    version: '1',
    title: { en: stem, ur: stem },
    synthetic: false,
    languages: ['en'],
    source: { format, file: basename(table.file) },
    notes: [
      'drafted from the data alone: review every type, the level order of categorical questions, and add the question wording, missing codes (e.g. 98, 99) and Urdu labels',
    ],
    sections: [{ id: 'questions', title: { en: 'Questions', ur: 'سوالات' }, variables: variables.map((v) => v.name) }],
    variables,
    scales: [],
    knowledgeScores: [],
  };
  return checkCodebook(codebook, table.file);
}

function inferVariable(table: ImportedTable, j: number): Variable {
  const column = table.columns[j]!;
  const label = { en: column.name, ur: column.name };
  if (column.kind === 'numbers') return { name: column.name, type: 'numeric', label };
  const distinct = new Set<string>();
  let numbers = true;
  let temporal = true;
  let present = 0;
  for (let i = 0; i < table.nrow; i++) {
    const cell = importedCell(column, i);
    if (isMissingCell(cell)) continue;
    present++;
    if (numbers && !NUMBER.test(cell)) numbers = false;
    if (temporal && !ISO_TEMPORAL.test(cell)) temporal = false;
    if (distinct.size <= 20) distinct.add(cell);
  }
  if (present === 0) return { name: column.name, type: 'text', label };
  if (numbers) return { name: column.name, type: 'numeric', label };
  if (temporal || column.temporal !== undefined) return { name: column.name, type: 'date', label };
  const codesAsWritten = [...distinct].every((code) => code === code.trim());
  if (codesAsWritten && distinct.size <= 20 && distinct.size <= Math.max(2, present / 5)) {
    const options = [...distinct].sort().map((code) => ({ code, label: { en: code, ur: code } }));
    return { name: column.name, type: 'categorical', label, options };
  }
  return { name: column.name, type: 'text', label };
}
