import { cellInMessage, LeakriskError } from '@leakrisk/survey';
import type { HierarchyTable } from './types.js';

/**
 * Reads a generalisation hierarchy in ARX's layout: one row per original value, then columns of
 * ever coarser groups (`lahore,lahore_division,punjab`); `*` (full suppression) is the implied top.
 * A first row whose first cell is the column's name (e.g. `district,division,province`) is a header.
 *
 * Checked: every row has the same width, no empty cell, and the levels form a tree: each original
 * value on one row only (a value listed again under other groups — a district under two provinces — is
 * "not a tree"), and each group has a single parent at the next level. Values and groups are compared
 * trimmed, as the compiled hierarchy reads them. Messages name the file and the lines, and the group
 * labels (config), never an original value (a quasi-identifier's value).
 *
 * The parser is RFC 4180 (quotes, doubled quotes, CRLF, BOM); hierarchy files are small.
 */
export function parseHierarchyCsv(text: string, where: { file: string; path: string; column: string }): HierarchyTable {
  const records = splitCsv(text, where);
  if (records.length > 0 && records[0]!.fields[0]!.trim().toLowerCase() === where.column.toLowerCase()) {
    const header = records.shift()!;
    return check(records, where, header.fields, header.fields.length);
  }
  return check(records, where, undefined, records[0]?.fields.length ?? 0);
}

interface CsvRecord {
  line: number;
  fields: string[];
}

function check(records: CsvRecord[], where: { file: string; path: string; column: string }, header: string[] | undefined, width: number): HierarchyTable {
  const fail = (problem: string, line: number | undefined, fix: string): never => {
    throw new LeakriskError(`hierarchy for column "${where.column}": ${problem}`, { file: where.file, line, column: where.column }, fix);
  };
  if (records.length === 0) {
    fail('the file has no values', undefined, 'write one row per original value, then its groups, e.g. `lahore,lahore_division,punjab`');
  }
  // Values and groups are compared as the compiled hierarchy reads them: trimmed.
  const firstRecord = new Map<string, CsvRecord>();
  // parentOf[h]: group at level h → (its group at level h + 1, line where first seen)
  const parentOf: Map<string, [string, number]>[] = Array.from({ length: width }, () => new Map());
  for (const record of records) {
    const { line, fields } = record;
    if (fields.length !== width) {
      fail(
        `line ${line} has ${fields.length} column${fields.length === 1 ? '' : 's'} but the first row has ${width}`,
        line,
        'give every row the same number of levels (ARX layout: value, then one group per level)',
      );
    }
    const empty = fields.findIndex((f) => f.trim() === '');
    if (empty >= 0) fail(`line ${line} has an empty cell at level ${empty}`, line, 'fill every level; use "*" only as the implied top level');
    // The value itself is a quasi-identifier's value: messages name its lines, never the value.
    const value = fields[0]!.trim();
    const seen = firstRecord.get(value);
    if (seen !== undefined) {
      const level = fields.findIndex((f, h) => h > 0 && f.trim() !== seen.fields[h]!.trim());
      if (level > 0) {
        fail(
          `not a tree: lines ${seen.line} and ${line} list the same value under different groups at level ${level} ("${seen.fields[level]!.trim()}" and "${fields[level]!.trim()}")`,
          line,
          'a value belongs to exactly one group at each level: keep the row with the right groups and delete the other',
        );
      }
      fail(`lines ${seen.line} and ${line} list the same value (${cellInMessage(fields[0]!, false)}) twice`, line, 'keep one row per original value');
    }
    firstRecord.set(value, record);
    for (let h = 1; h < width - 1; h++) {
      const group = fields[h]!.trim();
      const parent = fields[h + 1]!.trim();
      const known = parentOf[h]!.get(group);
      if (known === undefined) parentOf[h]!.set(group, [parent, line]);
      else if (known[0] !== parent) {
        fail(
          `not a tree: the group "${group}" at level ${h} maps to two groups at level ${h + 1} ("${known[0]}" on line ${known[1]}, "${parent}" on line ${line})`,
          line,
          'every group must belong to exactly one coarser group; rename one of the two groups or correct the parent',
        );
      }
    }
  }
  return { file: where.file, path: where.path, header, rows: records.map((r) => r.fields), levels: width };
}

function splitCsv(input: string, where: { file: string; column: string }): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      i++;
    } else if (c === '\n') {
      endRecord();
      line++;
      recordLine = line;
      i++;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) {
    throw new LeakriskError(
      `hierarchy for column "${where.column}": a quoted field starting on line ${recordLine} is never closed`,
      { file: where.file, line: recordLine, column: where.column },
      'close the quote, or remove it',
    );
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
