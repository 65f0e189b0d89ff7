import { LeakriskError } from '../../errors.js';
import { SavCursor, trimPadding } from './cursor.js';
import { damaged, type SavRawDictionary } from './dictionary.js';
import { decodeFormat, type SavFormat } from './formats.js';
import { textDecoderFor, type TextDecoding } from '../textDecoder.js';

/** One variable of an SPSS file as the user knows it: long name, decoded labels, whole width. */
export interface SavVariable {
  name: string;
  /** 0 for numbers, else the string width in bytes (the whole width of a very long string). */
  width: number;
  /** Where its bytes lie in a case: `slot` (8-byte unit) and how many bytes of it to take. */
  segments: { slot: number; bytes: number }[];
  label: string | undefined;
  format: SavFormat;
  /** Discrete user-missing values (numbers, or text for string variables). */
  missingValues: (number | string)[];
  /** A missing range, bounds ±Infinity for LO/HI. */
  missingRange: { low: number; high: number } | undefined;
  valueLabels: { value: number | string; label: string }[];
  measure: 'nominal' | 'ordinal' | 'scale' | undefined;
}

export interface SavDictionary {
  variables: SavVariable[];
  /** 8-byte slots per case. */
  slotsPerCase: number;
  /** The decoder for text in the file (its character-encoding record, else its code page). */
  decoder: TextDecoding;
  encoding: string;
  fileLabel: string;
  /** The variable SPSS weights cases by (`WEIGHT BY`), if any. */
  weightVariable: string | undefined;
}

const CODE_PAGES: Record<number, string> = {
  2: 'windows-1252',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  28591: 'iso-8859-1',
  65001: 'utf-8',
};

/** Resolves the raw records into variables: names, very long strings, labels, missing values, measures. */
export function resolveVariables(raw: SavRawDictionary, file: string, littleEndian: boolean): SavDictionary {
  const { decoder, encoding } = textDecoder(raw, file, littleEndian);
  const text = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : decoder.decode(trimPadding(bytes)));
  const number = (bytes: Buffer): number => (littleEndian ? bytes.readDoubleLE(0) : bytes.readDoubleBE(0));

  // Non-continuation records, each with its first slot.
  const records: { index: number; slot: number; slots: number }[] = [];
  raw.slots.forEach((record, slot) => {
    if (record.type === -1) {
      const last = records[records.length - 1];
      if (last === undefined) throw damaged(file, 'the first variable record continues a string');
      last.slots++;
    } else if (record.type < 0 || record.type > 255) {
      throw damaged(file, `variable record ${slot + 1} has the type ${record.type}`);
    } else records.push({ index: slot, slot, slots: 1 });
  });
  const measures = displayMeasures(raw, records.length, littleEndian, file);
  const longNames = keyValues(raw.extensions.get(13)?.data, decoder, '\t');
  const veryLong = keyValues(raw.extensions.get(14)?.data, decoder, '\t');

  const variables: SavVariable[] = [];
  const byIndex = new Map<number, SavVariable>();
  for (let r = 0; r < records.length; r++) {
    const { index, slot, slots } = records[r]!;
    const record = raw.slots[index]!;
    const shortName = text(record.shortName)!;
    const longWidth = veryLong.get(shortName);
    let width = record.type;
    const segments = [{ slot, bytes: record.type === 0 ? 8 : Math.min(record.type, 255) }];
    if (longWidth !== undefined) {
      width = Number(longWidth);
      const count = Math.ceil(width / 252);
      if (!Number.isInteger(width) || width < 256 || r + count > records.length)
        throw damaged(file, `the very long string "${shortName}" has width ${longWidth}`);
      segments[0]!.bytes = 255;
      for (let k = 1; k < count; k++) {
        const next = records[r + k]!;
        segments.push({ slot: next.slot, bytes: k < count - 1 ? 255 : width - 255 * (count - 1) });
      }
      r += count - 1;
    } else if (record.type > 0 && slots !== Math.ceil(record.type / 8)) {
      throw damaged(file, `the string "${shortName}" of width ${record.type} has ${slots} slots`);
    }
    const format = decodeFormat(record.print);
    const missingValues: (number | string)[] = [];
    let missingRange: SavVariable['missingRange'];
    const stored = record.missingValues;
    if (record.type === 0) {
      if (record.missingCount < 0) missingRange = { low: bound(number(stored[0]!)), high: bound(number(stored[1]!)) };
      for (const value of record.missingCount < 0 ? stored.slice(2) : stored) missingValues.push(number(value));
    } else {
      for (const value of stored) missingValues.push(text(value)!);
    }
    const variable: SavVariable = {
      name: longNames.get(shortName) ?? shortName,
      width,
      segments,
      label: text(record.label),
      format,
      missingValues,
      missingRange,
      valueLabels: [],
      measure: measures[r],
    };
    variables.push(variable);
    byIndex.set(index + 1, variable);
  }

  for (const set of raw.valueLabels) {
    for (const index of set.variables) {
      const variable = byIndex.get(index);
      if (variable === undefined) throw damaged(file, `value labels name variable record ${index}, which is not the start of a variable`);
      for (const entry of set.entries) {
        const value = variable.width === 0 ? number(entry.value) : text(entry.value)!;
        if (variable.valueLabels.some((existing) => existing.value === value)) continue;
        variable.valueLabels.push({ value, label: text(entry.label) ?? '' });
      }
    }
  }
  readLongStringLabels(raw.extensions.get(21)?.data, decoder, byName(variables), littleEndian, file);
  readLongStringMissing(raw.extensions.get(22)?.data, decoder, byName(variables), littleEndian, file);
  for (const variable of variables) {
    if (variable.width === 0) variable.valueLabels.sort((a, b) => (a.value as number) - (b.value as number));
  }
  const weightVariable = raw.weightIndex > 0 ? byIndex.get(raw.weightIndex)?.name : undefined;
  return { variables, slotsPerCase: raw.slots.length, decoder, encoding, fileLabel: text(raw.fileLabel) ?? '', weightVariable };
}

/** ±DBL_MAX (and the old LOWEST) mark open range ends: LO and HI. */
function bound(value: number): number {
  if (value <= -1.7976931348623155e308) return Number.NEGATIVE_INFINITY;
  if (value >= 1.7976931348623157e308) return Number.POSITIVE_INFINITY;
  return value;
}

function byName(variables: SavVariable[]): Map<string, SavVariable> {
  return new Map(variables.map((v) => [v.name.toUpperCase(), v]));
}

function textDecoder(raw: SavRawDictionary, file: string, littleEndian: boolean): { decoder: TextDecoding; encoding: string } {
  let label: string | undefined;
  const named = raw.extensions.get(20)?.data;
  if (named !== undefined) label = named.toString('latin1').replace(/\0+$/, '').trim();
  const machine = raw.extensions.get(3);
  if (label === undefined && machine !== undefined && machine.data.length >= 32) {
    const code = littleEndian ? machine.data.readInt32LE(28) : machine.data.readInt32BE(28);
    if (code === 1) {
      throw new LeakriskError(
        'the SPSS file is in EBCDIC (a mainframe code page), which leakrisk does not read',
        { file },
        'save the file again in SPSS on a PC, in Unicode (UTF-8)',
      );
    }
    label = CODE_PAGES[code] ?? (code > 0 ? `windows-${code}` : undefined);
  }
  label ??= 'windows-1252';
  try {
    return { decoder: textDecoderFor(label), encoding: label };
  } catch {
    throw new LeakriskError(
      `the SPSS file is in the character encoding "${label}", which leakrisk cannot decode`,
      { file },
      'save the file again in SPSS with Unicode (UTF-8) switched on (Edit > Options > Language), then read that copy',
    );
  }
}

/** `KEY=VALUE` pairs separated by tabs (NULs too, for the very long string record). */
function keyValues(data: Buffer | undefined, decoder: TextDecoding, separator: string): Map<string, string> {
  const pairs = new Map<string, string>();
  if (data === undefined) return pairs;
  for (const part of decoder.decode(data).split(separator)) {
    const cleaned = part.replace(/\0/g, '');
    const at = cleaned.indexOf('=');
    if (at > 0) pairs.set(cleaned.slice(0, at).trim(), cleaned.slice(at + 1).trim());
  }
  return pairs;
}

/** Measurement level per (non-continuation) variable record, from the display record (subtype 11). */
function displayMeasures(raw: SavRawDictionary, nvars: number, littleEndian: boolean, file: string): (SavVariable['measure'] | undefined)[] {
  const record = raw.extensions.get(11);
  if (record === undefined || nvars === 0 || record.size !== 4) return [];
  const per = record.count / nvars;
  if (per !== 2 && per !== 3) return [];
  const cursor = new SavCursor(record.data, file);
  cursor.littleEndian = littleEndian;
  const measures: SavVariable['measure'][] = [];
  for (let v = 0; v < nvars; v++) {
    const measure = cursor.int32('the variable display record');
    cursor.skip((per - 1) * 4, 'the variable display record');
    measures.push(measure === 2 ? 'ordinal' : measure === 3 ? 'scale' : measure === 1 ? 'nominal' : undefined);
  }
  return measures;
}

function readLongStringLabels(data: Buffer | undefined, decoder: TextDecoding, variables: Map<string, SavVariable>, littleEndian: boolean, file: string): void {
  if (data === undefined) return;
  const cursor = new SavCursor(data, file);
  cursor.littleEndian = littleEndian;
  while (cursor.remaining > 0) {
    const name = decoder.decode(cursor.take(cursor.int32('long string value labels'), 'long string value labels'));
    cursor.int32('long string value labels'); // width
    const count = cursor.int32('long string value labels');
    const variable = variables.get(name.toUpperCase());
    for (let k = 0; k < count; k++) {
      const value = decoder.decode(trimPadding(cursor.take(cursor.int32('a long string value label'), 'a long string value label')));
      const label = decoder.decode(cursor.take(cursor.int32('a long string value label'), 'a long string value label'));
      if (variable !== undefined && !variable.valueLabels.some((existing) => existing.value === value)) variable.valueLabels.push({ value, label });
    }
  }
}

function readLongStringMissing(
  data: Buffer | undefined,
  decoder: TextDecoding,
  variables: Map<string, SavVariable>,
  littleEndian: boolean,
  file: string,
): void {
  if (data === undefined) return;
  const cursor = new SavCursor(data, file);
  cursor.littleEndian = littleEndian;
  while (cursor.remaining > 0) {
    const name = decoder.decode(cursor.take(cursor.int32('long string missing values'), 'long string missing values'));
    const count = cursor.take(1, 'long string missing values')[0]!;
    const variable = variables.get(name.toUpperCase());
    for (let k = 0; k < count; k++) {
      const value = decoder.decode(trimPadding(cursor.take(cursor.int32('a long string missing value'), 'a long string missing value')));
      variable?.missingValues.push(value);
    }
  }
}
