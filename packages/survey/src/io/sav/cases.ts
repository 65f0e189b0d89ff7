import { inflateSync } from 'node:zlib';
import { LeakriskError } from '../../errors.js';
import { SavCursor } from './cursor.js';
import { damaged } from './dictionary.js';
import { StringCodes } from './stringCodes.js';
import type { SavDictionary } from './variables.js';

/** The values of one variable: numbers (NaN = system-missing), or strings as codes into distinct values, or text. */
export type SavValues = Float64Array | { codes: Int32Array; levels: string[] } | { texts: string[] };

/** The values of every variable, column by column. */
export interface SavCases {
  nrow: number;
  values: SavValues[];
}

const SYSMIS = -1.7976931348623157e308;

/**
 * Decodes the data record (PSPP "System File Format", Data Record) straight into one array per
 * variable: uncompressed cases, bytecode-compressed cases (codes 1–251 are small integers offset by
 * the bias, 253 a literal 8-byte value after the code block, 254 eight spaces, 255 system-missing,
 * 252 the end), or zlib blocks of bytecode (`.zsav`). Numbers go straight into Float64Arrays; strings
 * become codes into their distinct values, each decoded once ({@link StringCodes}).
 */
export function readSavCases(
  bytes: Buffer,
  dataOffset: number,
  compression: number,
  bias: number,
  declaredRows: number,
  dictionary: SavDictionary,
  littleEndian: boolean,
  file: string,
): SavCases {
  const stream = compression === 2 ? inflateBlocks(bytes, dataOffset, littleEndian, file) : bytes.subarray(dataOffset);
  const slots = dictionary.slotsPerCase;
  const caseBytes = slots * 8;
  if (slots === 0) return { nrow: 0, values: [] };
  const capacity = declaredRows >= 0 ? declaredRows : compression === 0 ? Math.floor(stream.length / caseBytes) : Math.floor(stream.length / slots);

  // Where each slot's value goes: a numeric variable's array, or bytes of the case buffer.
  // Per slot: the numeric variable's array (an empty one for a string slot, so the array stays of one type).
  const none = new Float64Array(0);
  const numberOf: Float64Array[] = new Array<Float64Array>(slots).fill(none);
  const strings: { variable: number; segments: { slot: number; bytes: number }[]; codes: StringCodes; width: number }[] = [];
  const values: SavValues[] = [];
  dictionary.variables.forEach((variable, v) => {
    if (variable.width === 0) {
      const array = new Float64Array(capacity);
      numberOf[variable.segments[0]!.slot] = array;
      values[v] = array;
    } else {
      strings.push({ variable: v, segments: variable.segments, codes: new StringCodes(capacity, dictionary.decoder), width: variable.width });
    }
  });
  const scratch = new Uint8Array(Math.max(8, ...strings.map((s) => s.width)));
  const caseBuffer = new Uint8Array(caseBytes).fill(0x20);
  const caseView = new DataView(caseBuffer.buffer);
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);

  const scratchView = new DataView(scratch.buffer);
  const addStrings = (source: Uint8Array, sourceView: DataView, base: number, row: number) => {
    for (const text of strings) {
      if (text.segments.length === 1) {
        const start = base + text.segments[0]!.slot * 8;
        let end = start + text.segments[0]!.bytes;
        while (end > start && (source[end - 1] === 0x20 || source[end - 1] === 0)) end--;
        text.codes.add(row, source, sourceView, start, end);
      } else {
        let length = 0;
        for (const segment of text.segments) {
          const from = base + segment.slot * 8;
          for (let b = 0; b < segment.bytes; b++) scratch[length++] = source[from + b]!;
        }
        while (length > 0 && (scratch[length - 1] === 0x20 || scratch[length - 1] === 0)) length--;
        text.codes.add(row, scratch, scratchView, 0, length);
      }
    }
  };

  let nrow = 0;
  if (compression === 0) {
    const available = Math.floor(stream.length / caseBytes);
    nrow = Math.min(available, capacity);
    for (let row = 0; row < nrow; row++) {
      const base = row * caseBytes;
      for (let s = 0; s < slots; s++) {
        const target = numberOf[s]!;
        if (target !== none) {
          const value = view.getFloat64(base + s * 8, littleEndian);
          target[row] = value === SYSMIS ? Number.NaN : value;
        }
      }
      if (strings.length > 0) addStrings(stream, view, base, row);
    }
    if (declaredRows >= 0 && nrow < declaredRows) throw truncated(file, nrow, declaredRows);
  } else {
    let position = 0;
    let block = 0;
    let k = 8;
    const end = stream.length;
    rows: while (nrow < capacity) {
      for (let s = 0; s < slots; s++) {
        let code = 0;
        do {
          if (k === 8) {
            if (position + 8 > end) {
              if (s === 0) break rows;
              throw truncated(file, nrow, declaredRows);
            }
            block = position;
            position += 8;
            k = 0;
          }
          code = stream[block + k++]!;
        } while (code === 0);
        if (code === 252) {
          if (s === 0) break rows;
          throw truncated(file, nrow, declaredRows);
        }
        const target = numberOf[s]!;
        if (target !== none) {
          let value: number;
          if (code === 253) {
            if (position + 8 > end) throw truncated(file, nrow, declaredRows);
            value = view.getFloat64(position, littleEndian);
            position += 8;
            if (value === SYSMIS) value = Number.NaN;
          } else if (code === 255 || code === 254) value = Number.NaN;
          else value = code - bias;
          target[nrow] = value;
        } else {
          const at = s * 8;
          if (code === 253) {
            if (position + 8 > end) throw truncated(file, nrow, declaredRows);
            caseView.setUint32(at, view.getUint32(position));
            caseView.setUint32(at + 4, view.getUint32(position + 4));
            position += 8;
          } else {
            const fill = code === 254 || code === 255 ? 0x20202020 : 0;
            caseView.setUint32(at, fill);
            caseView.setUint32(at + 4, fill);
          }
        }
      }
      if (strings.length > 0) addStrings(caseBuffer, caseView, 0, nrow);
      nrow++;
    }
    if (declaredRows >= 0 && nrow < declaredRows) throw truncated(file, nrow, declaredRows);
  }
  for (let v = 0; v < values.length; v++) {
    const column = values[v];
    if (column instanceof Float64Array && nrow < capacity) values[v] = column.slice(0, nrow);
  }
  for (const text of strings) values[text.variable] = text.codes.finish(nrow);
  return { nrow, values };
}

/** The `.zsav` layout: a zlib header, blocks of zlib-compressed bytecode, a trailer listing them. */
function inflateBlocks(bytes: Buffer, dataOffset: number, littleEndian: boolean, file: string): Buffer {
  const cursor = new SavCursor(bytes, file);
  cursor.littleEndian = littleEndian;
  cursor.offset = dataOffset;
  const headerOffset = cursor.int64('the zlib data header');
  const trailerOffset = cursor.int64('the zlib data header');
  const trailerLength = cursor.int64('the zlib data header');
  if (headerOffset !== dataOffset || trailerOffset + trailerLength > bytes.length) {
    throw trailerOffset + trailerLength > bytes.length ? truncatedZ(file) : damaged(file, 'the zlib data header does not point to itself');
  }
  cursor.offset = trailerOffset;
  cursor.int64('the zlib trailer');
  cursor.int64('the zlib trailer');
  cursor.int32('the zlib trailer');
  const blocks = cursor.int32('the zlib trailer');
  if (blocks < 0 || blocks * 24 + 24 > trailerLength) throw damaged(file, `the zlib trailer lists ${blocks} blocks`);
  const parts: Buffer[] = [];
  for (let b = 0; b < blocks; b++) {
    cursor.int64('a zlib block descriptor');
    const compressedOffset = cursor.int64('a zlib block descriptor');
    const uncompressedSize = cursor.int32('a zlib block descriptor');
    const compressedSize = cursor.int32('a zlib block descriptor');
    if (compressedOffset < 0 || compressedOffset + compressedSize > bytes.length) throw truncatedZ(file);
    let part: Buffer;
    try {
      part = inflateSync(bytes.subarray(compressedOffset, compressedOffset + compressedSize));
    } catch {
      throw damaged(file, `zlib block ${b + 1} of ${blocks} does not decompress`);
    }
    if (part.length !== uncompressedSize) throw damaged(file, `zlib block ${b + 1} holds ${part.length} bytes, not ${uncompressedSize}`);
    parts.push(part);
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

function truncated(file: string, rows: number, declared: number): LeakriskError {
  const expected = declared >= 0 ? ` of the ${declared} it declares` : '';
  return new LeakriskError(
    `the SPSS file is truncated: its data end inside case ${rows + 1}${expected}`,
    { file, row: rows + 1 },
    'copy or export the file again from SPSS (File > Save As); a download or copy may have been cut short',
  );
}

function truncatedZ(file: string): LeakriskError {
  return new LeakriskError(
    'the SPSS file is truncated: its compressed data end early',
    { file },
    'copy or export the file again from SPSS (File > Save As); a download or copy may have been cut short',
  );
}
