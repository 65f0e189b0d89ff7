import { LeakriskError } from '../../errors.js';
import { SavCursor } from './cursor.js';

/**
 * The records of an SPSS system file's dictionary as they are stored (PSPP's "System File Format":
 * file header, variable records, value labels, documents, extension records, termination), with text
 * left as bytes: the character encoding is only known once the extension records are read.
 */
export interface SavRawDictionary {
  /** 0 = none, 1 = bytecode, 2 = zlib (`.zsav`). */
  compression: number;
  /** Compression bias (100 in every file seen). */
  bias: number;
  /** Case count from the header (or the 64-bit record); −1 when the writer did not know it. */
  ncases: number;
  /** Dictionary index (1-based) of the SPSS weight variable (`WEIGHT BY`), 0 when none. */
  weightIndex: number;
  fileLabel: Buffer;
  /** One entry per 8-byte slot of a case, continuation records included (dictionary index − 1). */
  slots: SavVariableRecord[];
  valueLabels: { entries: { value: Buffer; label: Buffer }[]; variables: number[] }[];
  /** Extension records by subtype (the last of a subtype wins; only one of each is expected). */
  extensions: Map<number, { size: number; count: number; data: Buffer }>;
  /** Byte offset of the data, just after the dictionary termination record. */
  dataOffset: number;
}

interface SavVariableRecord {
  /** 0 numeric, 1–255 string width, −1 continuation of the string before it. */
  type: number;
  shortName: Buffer;
  label: Buffer | undefined;
  /** Count as stored: 0–3 discrete values, −2 a range, −3 a range and one value. */
  missingCount: number;
  /** The missing values as stored, 8 bytes each. */
  missingValues: Buffer[];
  print: number;
}

const HEADER_SIZE = 176;

/** Reads everything before the data; `cursor` is left at the first byte of the data. */
export function readSavDictionary(cursor: SavCursor): SavRawDictionary {
  const { bytes, file } = cursor;
  if (bytes.length < 4) throw notSav(file, 'the file is too short to be an SPSS file');
  const magic = bytes.toString('latin1', 0, 4);
  if (magic !== '$FL2' && magic !== '$FL3' && bytes.toString('latin1', 0, 64).includes('ENCRYPTEDSAV')) {
    // SPSS 21+ "Encrypt file with password": the dictionary itself is encrypted (AES), so nothing can be read.
    throw new LeakriskError(
      'the SPSS file is password-protected (encrypted), so it cannot be read',
      { file },
      'open it in SPSS with its password and save a copy without one (File > Save As, untick "Encrypt file with password"), then read that copy',
    );
  }
  if (magic !== '$FL2' && magic !== '$FL3') throw notSav(file, describeOtherFormat(bytes));
  cursor.need(HEADER_SIZE, 'the file header');
  const layout = bytes.readInt32LE(64);
  cursor.littleEndian = layout === 2 || layout === 3;
  cursor.offset = 64;
  cursor.int32('the file header');
  cursor.int32('the file header'); // nominal case size: unreliable, the variable records say it
  const compression = cursor.int32('the file header');
  const weightIndex = cursor.int32('the file header');
  let ncases = cursor.int32('the file header');
  const bias = cursor.float64('the file header');
  cursor.skip(17, 'the file header');
  const fileLabel = cursor.take(64, 'the file header');
  cursor.skip(3, 'the file header');
  if (compression < 0 || compression > 2 || (compression === 2) !== (magic === '$FL3')) {
    throw damaged(file, `its header names compression ${compression}, which SPSS does not write`);
  }

  const slots: SavVariableRecord[] = [];
  const valueLabels: SavRawDictionary['valueLabels'] = [];
  const extensions = new Map<number, { size: number; count: number; data: Buffer }>();
  for (;;) {
    const at = cursor.offset;
    const recordType = cursor.int32('the dictionary');
    if (recordType === 2) slots.push(readVariableRecord(cursor));
    else if (recordType === 3) valueLabels.push(readValueLabels(cursor, file));
    else if (recordType === 6) {
      const lines = cursor.int32('the document record');
      if (lines < 0) throw damaged(file, `the document record at byte ${at} has ${lines} lines`);
      cursor.skip(lines * 80, 'the document record');
    } else if (recordType === 7) {
      const subtype = cursor.int32('an extension record');
      const size = cursor.int32('an extension record');
      const count = cursor.int32('an extension record');
      if (size < 0 || count < 0) throw damaged(file, `the extension record at byte ${at} has a negative size`);
      extensions.set(subtype, { size, count, data: cursor.take(size * count, `extension record ${subtype}`) });
    } else if (recordType === 999) {
      cursor.int32('the dictionary termination record');
      break;
    } else {
      throw damaged(file, `an unknown record type ${recordType} at byte ${at}`);
    }
  }
  const cases64 = extensions.get(16);
  if (cases64 !== undefined && cases64.size === 8 && cases64.count === 2) {
    const wide = new SavCursor(cases64.data, file);
    wide.littleEndian = cursor.littleEndian;
    wide.int64('the case count');
    const n = wide.int64('the case count');
    if (n >= 0) ncases = n;
  }
  return { compression, bias, ncases, weightIndex, fileLabel, slots, valueLabels, extensions, dataOffset: cursor.offset };
}

function readVariableRecord(cursor: SavCursor): SavVariableRecord {
  const type = cursor.int32('a variable record');
  const hasLabel = cursor.int32('a variable record');
  const missingCount = cursor.int32('a variable record');
  const print = cursor.int32('a variable record');
  cursor.int32('a variable record'); // write format
  const shortName = cursor.take(8, 'a variable record');
  let label: Buffer | undefined;
  if (hasLabel === 1) {
    const length = cursor.int32('a variable label');
    if (length < 0) throw damaged(cursor.file, `a variable label at byte ${cursor.offset} has a negative length`);
    label = cursor.take(length, 'a variable label');
    cursor.skip((4 - (length % 4)) % 4, 'a variable label');
  }
  const missingValues: Buffer[] = [];
  const stored = Math.abs(missingCount);
  if (stored > 3) throw damaged(cursor.file, `a variable record declares ${missingCount} missing values`);
  for (let k = 0; k < stored; k++) missingValues.push(cursor.take(8, 'missing values'));
  return { type, shortName, label, missingCount, missingValues, print };
}

function readValueLabels(cursor: SavCursor, file: string): SavRawDictionary['valueLabels'][number] {
  const count = cursor.int32('a value label record');
  if (count < 0) throw damaged(file, `a value label record declares ${count} labels`);
  const entries: { value: Buffer; label: Buffer }[] = [];
  for (let k = 0; k < count; k++) {
    const value = cursor.take(8, 'a value label');
    const length = cursor.take(1, 'a value label')[0]!;
    const label = cursor.take(length, 'a value label');
    cursor.skip((8 - ((length + 1) % 8)) % 8, 'a value label');
    entries.push({ value, label });
  }
  const next = cursor.int32('a value label record');
  if (next !== 4) throw damaged(file, `value labels are not followed by the variables they label (record type ${next})`);
  const n = cursor.int32('a value label record');
  if (n < 0) throw damaged(file, `a value label record names ${n} variables`);
  const variables: number[] = [];
  for (let k = 0; k < n; k++) variables.push(cursor.int32('a value label record'));
  return { entries, variables };
}

/** A clear error for a file that is an SPSS file but cannot be read as one. */
export function damaged(file: string, what: string): LeakriskError {
  return new LeakriskError(
    `the SPSS file is damaged: ${what}`,
    { file },
    'open the file in SPSS or PSPP and save it again (File > Save As > SPSS Statistics .sav), then read that copy',
  );
}

function notSav(file: string, what: string): LeakriskError {
  return new LeakriskError(
    `the file is not an SPSS system file (.sav/.zsav): ${what}`,
    { file },
    'give a file saved by SPSS or PSPP as .sav or .zsav, or rename the file so its extension says what it holds (.csv, .xlsx)',
  );
}

/** Names the format a file really has, from its first bytes, for the "not an SPSS file" message. */
function describeOtherFormat(bytes: Buffer): string {
  const head = bytes.subarray(0, 8);
  if (head[0] === 0x50 && head[1] === 0x4b) return 'it is a zip archive (an Excel .xlsx file, perhaps)';
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return 'it is an OLE compound file (an old Excel .xls, or a password-protected workbook)';
  }
  if (bytes.toString('latin1', 0, 40).includes('SPSS PORT FILE') || bytes.toString('latin1', 0, 200).includes('SPSS PORT FILE')) {
    return 'it is an SPSS portable file (.por)';
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'it is gzip-compressed';
  const text = bytes.subarray(0, 512).toString('utf8');
  if (!text.includes('\uFFFD') && /[,;\t]/.test(text) && /\r?\n/.test(text)) return 'it looks like text (a CSV file, perhaps)';
  return 'it does not start with "$FL2" or "$FL3"';
}
