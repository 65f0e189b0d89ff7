import { readFileSync } from 'node:fs';
import { LeakriskError } from '../../errors.js';
import { numberText, type ColumnInfo, type ImportedColumn, type ImportedTable } from '../imported.js';
import { readSavCases, type SavValues } from './cases.js';
import { SavCursor } from './cursor.js';
import { readSavDictionary } from './dictionary.js';
import { formatName, isoFromSpss, temporalKind } from './formats.js';
import { resolveVariables, type SavVariable } from './variables.js';

/** An SPSS file as read: its columns, and what the file says about itself. */
export interface SavData extends ImportedTable {
  /** The file label (SPSS `FILE LABEL`), `''` when none. */
  fileLabel: string;
  /** The character encoding its text was decoded from (`UTF-8`, `windows-1252`, …). */
  encoding: string;
  /** The variable the file weights cases by (SPSS `WEIGHT BY`), if any. */
  weightVariable?: string;
}

/**
 * Reads an SPSS system file, `.sav` (uncompressed or bytecode-compressed) or `.zsav` (zlib), as
 * haven's `read_sav` does: variable labels become the question text, value labels the levels'
 * labels, user-missing values and ranges missing codes, dates and times ISO text, strings of any
 * width (very long strings stitched from their segments) decoded from the file's character encoding.
 * Numbers go straight into Float64Arrays; a numeric or string variable whose every value present is
 * labelled becomes a dictionary column whose levels are the values (as text, e.g. `"1"`), in value
 * order, labels beside them. User-missing values stay in the data as values (like a `99` in a CSV),
 * and are listed as the column's `missingCodes`: the codebook drawn from the file declares them.
 *
 * @example
 * const data = readSavFile('survey.sav');
 * data.columns.find((c) => c.name === 'gender'); // { kind: 'dictionary', levels: ['1','2','9'], missingCodes: ['9'], … }
 */
export function readSavFile(path: string, displayName = path): SavData {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LeakriskError('file not found', { file: displayName }, 'check the path (it is relative to the current folder)');
    throw new LeakriskError(`cannot read the file (${code ?? String(error)})`, { file: displayName });
  }
  return readSavBytes(bytes, displayName);
}

/** {@link readSavFile} on a file already in memory. */
export function readSavBytes(bytes: Buffer, file: string): SavData {
  const cursor = new SavCursor(bytes, file);
  const raw = readSavDictionary(cursor);
  const dictionary = resolveVariables(raw, file, cursor.littleEndian);
  const cases = readSavCases(bytes, raw.dataOffset, raw.compression, raw.bias, raw.ncases, dictionary, cursor.littleEndian, file);
  const columns = dictionary.variables.map((variable, v) => toColumn(variable, cases.values[v]!, cases.nrow));
  return {
    file,
    nrow: cases.nrow,
    columns,
    fileLabel: dictionary.fileLabel,
    encoding: dictionary.encoding,
    ...(dictionary.weightVariable !== undefined ? { weightVariable: dictionary.weightVariable } : {}),
  };
}

function toColumn(variable: SavVariable, values: SavValues, nrow: number): ImportedColumn {
  const info: ColumnInfo = {
    name: variable.name,
    format: formatName(variable.format),
    ...(variable.label !== undefined && variable.label !== '' ? { label: variable.label } : {}),
    ...(variable.measure !== undefined ? { measure: variable.measure } : {}),
    ...(variable.missingRange !== undefined ? { missingRanges: [variable.missingRange] } : {}),
  };
  if (values instanceof Float64Array) {
    const temporal = temporalKind(variable.format);
    if (temporal !== undefined) {
      const texts = new Array<string>(nrow);
      for (let i = 0; i < nrow; i++) texts[i] = isoFromSpss(values[i]!, temporal);
      return { ...info, kind: 'text', temporal, values: texts };
    }
    return numericColumn(variable, info, values);
  }
  return stringColumn(variable, info, values);
}

function isUserMissing(variable: SavVariable, value: number): boolean {
  if (variable.missingValues.includes(value)) return true;
  const range = variable.missingRange;
  return range !== undefined && value >= range.low && value <= range.high;
}

function numericColumn(variable: SavVariable, info: ColumnInfo, values: Float64Array): ImportedColumn {
  if (variable.valueLabels.length === 0 && variable.missingValues.length === 0 && variable.missingRange === undefined)
    return { ...info, kind: 'numbers', values };
  const present = distinctNumbers(values);
  const missing = [...new Set([...(variable.missingValues as number[]), ...[...present].filter((value) => isUserMissing(variable, value))])].sort(
    (a, b) => a - b,
  );
  const labelled = new Map(variable.valueLabels.map((entry) => [entry.value as number, entry.label]));
  const answerLabels = variable.valueLabels.filter((entry) => !isUserMissing(variable, entry.value as number));
  const allLabelled = [...present].every((value) => labelled.has(value) || isUserMissing(variable, value));
  const described: ColumnInfo = {
    ...info,
    ...(variable.valueLabels.length > 0 ? { valueLabels: variable.valueLabels.map((e) => ({ code: numberText(e.value as number), label: e.label })) } : {}),
    ...(missing.length > 0 ? { missingCodes: missing.map(numberText) } : {}),
  };
  if (answerLabels.length === 0 || !allLabelled) return { ...described, kind: 'numbers', values };
  const levelValues = [...new Set([...labelled.keys(), ...present])].sort((a, b) => a - b);
  return { ...described, kind: 'dictionary', levels: levelValues.map(numberText), codes: codesOf(values, levelValues) };
}

/** The distinct values of a numeric column (NaN left out); fast for the small integers of survey codes. */
function distinctNumbers(values: Float64Array): Set<number> {
  const seen = new Uint8Array(2048);
  const distinct = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value !== value) continue;
    const slot = value + 1024;
    if (Number.isInteger(value) && slot >= 0 && slot < 2048) {
      if (seen[slot] === 0) {
        seen[slot] = 1;
        distinct.add(value);
      }
    } else distinct.add(value);
  }
  return distinct;
}

function codesOf(values: Float64Array, levels: number[]): Int32Array {
  const codes = new Int32Array(values.length);
  const small = new Int32Array(2048).fill(-1);
  const other = new Map<number, number>();
  levels.forEach((value, code) => {
    if (Number.isInteger(value) && value >= -1024 && value < 1024) small[value + 1024] = code;
    else other.set(value, code);
  });
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value !== value) codes[i] = -1;
    else if (Number.isInteger(value) && value >= -1024 && value < 1024) codes[i] = small[value + 1024]!;
    else codes[i] = other.get(value) ?? -1;
  }
  return codes;
}

function stringColumn(variable: SavVariable, info: ColumnInfo, values: Exclude<SavValues, Float64Array>): ImportedColumn {
  const missing = variable.missingValues as string[];
  const described: ColumnInfo = {
    ...info,
    ...(variable.valueLabels.length > 0 ? { valueLabels: variable.valueLabels.map((e) => ({ code: e.value as string, label: e.label })) } : {}),
    ...(missing.length > 0 ? { missingCodes: [...missing] } : {}),
  };
  if ('texts' in values) return { ...described, kind: 'text', values: values.texts };
  const labelled = variable.valueLabels.map((e) => e.value as string);
  const answers = labelled.filter((value) => !missing.includes(value));
  const allLabelled = values.levels.every((level) => labelled.includes(level) || missing.includes(level));
  if (answers.length === 0 || !allLabelled) return { ...described, kind: 'dictionary', codes: values.codes, levels: values.levels };
  // Labelled answers: levels in the order of the value labels, then any other value present.
  const levels = [...new Set([...labelled, ...values.levels])];
  const position = new Map(levels.map((level, code) => [level, code]));
  const remap = Int32Array.from(values.levels, (level) => position.get(level)!);
  const codes = new Int32Array(values.codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = values.codes[i]!;
    codes[i] = code < 0 ? -1 : remap[code]!;
  }
  return { ...described, kind: 'dictionary', levels, codes };
}
